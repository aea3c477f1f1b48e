package io.github.posa4j.command;

/**
 * When a command's future completes, relative to its journal record reaching the disk.
 */
public enum Durability {
  /**
   * After the record is forced to the storage device ({@code fsync}): the command survives a
   * process crash and a power failure. Records that arrive while a sync is running share the
   * next one (group commit), so many callers cost one sync.
   */
  SYNC,
  /**
   * After the record is in the operating system's page cache, which a process crash does not
   * lose; a background thread forces the journal to the device every
   * {@linkplain CommandOptions#syncInterval() sync interval}. A power failure may lose the
   * commands of the last interval, never a record in the middle.
   */
  ASYNC
}

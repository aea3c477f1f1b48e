package io.github.posa4j.observe;

/**
 * A command processor seen through JMX, registered as
 * {@code io.github.posa4j:type=CommandProcessor,name="<processor name>"} when it opens and
 * unregistered when it closes. Its figures are read while it runs, from the JMX client's thread:
 * each is exact as the processor published it, and the figures are not a consistent set.
 */
public interface CommandProcessorMXBean {

  /** The processor's name. */
  String getName();

  /** Calls queued and not started yet (not the one running). */
  int getQueueLength();

  /** Bytes of records written to the journal since it was opened, record headers included; 0 in memory. */
  long getJournalBytes();

  /**
   * The number of the newest record known to be on the device, counted from the journal's first
   * (before any snapshot) as 0; -1 when there is none, as in memory.
   */
  long getLastDurableRecord();

  /** How many steps an undo can go back now. */
  int getUndoDepth();

  /** How many undone steps a redo can run again now. */
  int getRedoDepth();

  /** {@code SYNC} or {@code ASYNC} for a journal; {@code IN_MEMORY} without one. */
  String getDurability();

  /** The journal directory, as an absolute path; {@code null} in memory. */
  String getJournalDirectory();

  /** Whether it was closed. */
  boolean isClosed();
}

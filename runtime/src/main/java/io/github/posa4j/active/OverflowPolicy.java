package io.github.posa4j.active;

/** What a call does when the active object's queue already holds its capacity of requests. */
public enum OverflowPolicy {
  /**
   * The caller waits until there is room (the default). A call made from the active object's own
   * thread, which would wait for itself, fails as with {@link #FAIL} instead.
   */
  BLOCK,

  /** The call returns at once a future failed with a {@link QueueFullException}. */
  FAIL
}

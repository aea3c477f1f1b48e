package io.github.posa4j.active.internal;

/**
 * A servant that wants to hear, on the consumer's thread, when a turn of its active object ends:
 * after the requests the turn ran and before the consumer waits for more, stops or terminates.
 * The command processor's engine is one: it makes the records of a turn durable at once (one
 * sync for every request that arrived meanwhile) and only then completes their futures.
 */
public interface TurnListener {

  /**
   * Called at the end of every turn that may have run requests. Must not throw: what it needs to
   * fail, it fails through the futures it holds.
   */
  void turnEnded();

  /**
   * Called once, on the consumer's thread, when the active object terminates: after the last
   * turn ended and before {@code close()} returns to the callers waiting in it. Must not throw.
   */
  default void terminated() {}

  /**
   * Called on the consumer's thread when the queue runs empty in a turn that ran requests: how
   * many more nanoseconds the consumer should look for new requests before it ends the turn; 0
   * or less to end it now. Asked again whenever the wait brought a request and the queue is empty
   * again, so a listener that wants one deadline for the whole turn keeps it itself. Must not throw.
   */
  default long waitForMoreNanos() {
    return 0;
  }
}

package io.github.posa4j.examples.pubsub;

import java.util.function.BooleanSupplier;

/** Waiting for a state another thread reaches without a hook to signal it, such as a blocked thread. */
final class Conditions {
  private Conditions() {}

  static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.yield();
    }
  }

  static void awaitWaiting(Thread thread) {
    awaitTrue(thread.getName() + " waits", () -> thread.getState() == Thread.State.WAITING
        || thread.getState() == Thread.State.TIMED_WAITING);
  }

  /** Waits until {@code thread} waits or has ended, whichever comes first. */
  static void awaitWaitingOrTerminated(Thread thread) {
    awaitTrue(thread.getName() + " waits or ends", () -> thread.getState() == Thread.State.WAITING
        || thread.getState() == Thread.State.TIMED_WAITING || thread.getState() == Thread.State.TERMINATED);
  }
}

package io.github.posa4j.resilience;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The permit of a synchronous attempt under a timeout: at the deadline the scheduler interrupts
 * the thread running the attempt, unless the attempt finished first. The state machine makes sure
 * an interrupt is never left behind on a thread that has moved on.
 */
final class TimedPermit extends Permit implements Runnable {
  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int INTERRUPTING = 2;
  private static final int INTERRUPTED = 3;

  private final Permit breakerPermit;
  private final Thread thread = Thread.currentThread();
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final ScheduledFuture<?> deadline;

  TimedPermit(Permit breakerPermit, long timeoutNanos) {
    this.breakerPermit = breakerPermit;
    this.deadline = Scheduler.schedule(this, timeoutNanos);
  }

  @Override
  Permit breakerPermit() {
    return breakerPermit;
  }

  /** Fires at the deadline, on the scheduler thread. */
  @Override
  public void run() {
    if (state.compareAndSet(RUNNING, INTERRUPTING)) {
      thread.interrupt();
      state.set(INTERRUPTED);
    }
  }

  /**
   * Ends the attempt on its own thread: true when the deadline passed first. The interrupt the
   * deadline sent is then cleared, after waiting for it to have been sent.
   */
  boolean finishTimedOut() {
    if (state.compareAndSet(RUNNING, FINISHED)) {
      deadline.cancel(false);
      return false;
    }
    while (state.get() != INTERRUPTED) {
      Thread.onSpinWait();
    }
    Thread.interrupted();
    return true;
  }
}

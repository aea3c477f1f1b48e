package io.github.posa4j.resilience;

import io.github.posa4j.resilience.internal.Permit;
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
  private final long deadlineNanos;
  private final ScheduledFuture<?> deadline;
  /** Whether the thread was interrupted by someone else before the deadline; then it is not ours to clear. */
  private boolean interruptedBefore;

  TimedPermit(Permit breakerPermit, long timeoutNanos) {
    this.breakerPermit = breakerPermit;
    this.deadlineNanos = System.nanoTime() + timeoutNanos;
    this.deadline = Scheduler.schedule(this, timeoutNanos);
  }

  /** The permit the circuit breaker gave this attempt. */
  Permit breakerPermit() {
    return breakerPermit;
  }

  /** Fires at the deadline, on the scheduler thread. */
  @Override
  public void run() {
    if (state.compareAndSet(RUNNING, INTERRUPTING)) {
      interruptedBefore = thread.isInterrupted();
      if (!interruptedBefore) {
        thread.interrupt();
      }
      state.set(INTERRUPTED);
    }
  }

  /**
   * Ends the attempt on its own thread: true when the deadline passed first. The interrupt the
   * deadline sent is then cleared, after waiting for it to have been sent. An attempt that ends
   * after its deadline without having been interrupted (the scheduler thread was late) timed out
   * all the same.
   */
  boolean finishTimedOut() {
    if (state.compareAndSet(RUNNING, FINISHED)) {
      deadline.cancel(false);
      return System.nanoTime() - deadlineNanos >= 0;
    }
    while (state.get() != INTERRUPTED) {
      Thread.onSpinWait();
    }
    if (!interruptedBefore) {
      Thread.interrupted();
    }
    return true;
  }
}

package io.github.posa4j.active;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An active object on a shared executor. At most one drain task of it is scheduled or running at
 * a time, which keeps its requests serial; a drain runs a batch of requests and hands the thread
 * back, so that active objects sharing the executor take turns. An idle one holds no thread.
 */
final class ExecutorScheduler<S> extends ActiveObjectScheduler<S> {
  /** Requests per turn on the executor before other active objects get theirs. */
  private static final int BATCH = 256;
  /** {@code wakeState}: no drain task is submitted or running. */
  private static final int IDLE = 0;
  /** {@code wakeState}: a drain task is submitted or running; whoever set it owns the queue until it is cleared. */
  private static final int SCHEDULED = 1;

  private final Executor executor;
  private final Runnable drainTask = this::drainOnce;
  /** The thread running a drain task, so that calls from the servant know where they come from. */
  private volatile Thread consumer;

  ExecutorScheduler(S servant, String typeName, ActiveObjectOptions options, Executor executor) {
    super(servant, typeName, options);
    this.executor = executor;
  }

  @Override
  void signal() {
    if (wakeState == IDLE && WAKE_STATE.compareAndSet(this, IDLE, SCHEDULED)) {
      dispatch();
    }
  }

  @Override
  boolean isConsumerThread() {
    return consumer == Thread.currentThread();
  }

  private void dispatch() {
    try {
      executor.execute(drainTask);
    } catch (RuntimeException | Error refused) {
      // Still the owner, since the task never ran: fail what is queued, then let go.
      breakDown(refused);
      releaseAndRecheck(lifecycle());
    }
  }

  private void drainOnce() {
    Thread current = Thread.currentThread();
    for (;;) {
      int lifecycle = lifecycle();
      consumer = current;
      Drain drain;
      try {
        drain = drain(BATCH);
      } catch (Throwable unexpected) {
        // Only an error of the JVM itself (out of memory, say) gets here: fail what is queued rather than hang.
        breakDown(unexpected);
        drain = Drain.IDLE;
      } finally {
        consumer = null;
      }
      if (drain == Drain.IDLE) {
        releaseAndRecheck(lifecycle);
      }
      if (drain != Drain.MORE || handOver()) {
        return;
      }
    }
  }

  /**
   * Gives the next turn to the executor, so that other active objects get theirs first. An
   * executor with a bounded queue may refuse; then this thread keeps the turn rather than stop
   * an active object that is running well.
   */
  private boolean handOver() {
    try {
      executor.execute(drainTask);
      return true;
    } catch (RejectedExecutionException busy) {
      return false;
    }
  }

  /** Lets go of the queue; takes it again if a request or a lifecycle change came meanwhile. */
  private void releaseAndRecheck(int lifecycleSeen) {
    wakeState = IDLE;
    if (hasIncoming() || lifecycle() != lifecycleSeen) {
      signal();
    }
  }
}

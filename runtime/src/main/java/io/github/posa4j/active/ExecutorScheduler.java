package io.github.posa4j.active;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

/**
 * An active object on a shared executor. At most one drain task of it is scheduled or running at
 * a time, which keeps its requests serial; a drain runs a batch of requests and hands the thread
 * back, so that active objects sharing the executor take turns. An idle one holds no thread.
 */
final class ExecutorScheduler<S> extends ActiveObjectScheduler<S> {
  /** Requests per turn on the executor before other active objects get theirs. */
  private static final int BATCH = 256;
  private static final VarHandle SCHEDULED;

  static {
    try {
      SCHEDULED = MethodHandles.lookup().findVarHandle(ExecutorScheduler.class, "scheduled", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Executor executor;
  private final Runnable drainTask = this::drainOnce;
  /** A drain task is submitted or running; whoever sets this owns the queue until it is cleared. */
  @SuppressWarnings("unused") // through SCHEDULED
  private volatile boolean scheduled;
  /** The thread running a drain task, so that calls from the servant know where they come from. */
  private volatile Thread consumer;

  ExecutorScheduler(S servant, String name, ActiveObjectOptions options, Executor executor) {
    super(servant, name, options);
    this.executor = executor;
  }

  @Override
  void signal() {
    if (!scheduled && SCHEDULED.compareAndSet(this, false, true)) {
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
    int lifecycle = lifecycle();
    consumer = Thread.currentThread();
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
    if (drain == Drain.MORE) {
      dispatch();
    } else if (drain == Drain.IDLE) {
      releaseAndRecheck(lifecycle);
    }
  }

  /** Lets go of the queue; takes it again if a request or a lifecycle change came meanwhile. */
  private void releaseAndRecheck(int lifecycleSeen) {
    scheduled = false;
    if (queue.hasIncoming() || lifecycle() != lifecycleSeen) {
      signal();
    }
  }
}

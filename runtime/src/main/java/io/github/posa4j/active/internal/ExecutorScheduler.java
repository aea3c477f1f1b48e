package io.github.posa4j.active.internal;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.internal.SerialTurns;
import java.util.concurrent.Executor;

/**
 * An active object on a shared executor, run in {@link SerialTurns}: at most one turn of it is
 * scheduled or running at a time, which keeps its requests serial; a turn runs a batch of
 * requests and hands the thread back, so that active objects sharing the executor take turns. An
 * idle one holds no thread. The turns' flag is {@code wakeState}, with the fields callers write.
 */
final class ExecutorScheduler<S> extends ActiveObjectScheduler<S> implements SerialTurns.Work {
  /** Requests per turn on the executor before other active objects get theirs. */
  private static final int BATCH = 256;
  /** {@code wakeState}: no turn is submitted or running. */
  private static final int IDLE = 0;
  /** {@code wakeState}: a turn is submitted or running; whoever set it owns the queue until it is cleared. */
  private static final int SCHEDULED = 1;

  private final Executor executor;
  private final Runnable turnTask = () -> SerialTurns.runTurns(this);
  /** The thread running a turn, so that calls from the servant know where they come from. */
  private volatile Thread consumer;
  /**
   * {@link #lifecycleByte()} when the last turn began: a change since needs another turn. Read
   * just after the turns let go, when a new turn may be writing it; either value is safe then,
   * since that new turn sees every change. A byte, which fits in the room the superclass leaves,
   * so that an idle active object is no larger for it.
   */
  private byte lifecycleSeen;

  ExecutorScheduler(S servant, String typeName, ActiveObjectOptions options, Executor executor) {
    super(servant, typeName, options);
    this.executor = executor;
  }

  @Override
  void signal() {
    SerialTurns.request(this);
  }

  @Override
  boolean isConsumerThread() {
    return consumer == Thread.currentThread();
  }

  @Override
  public Executor executor() {
    return executor;
  }

  @Override
  public Runnable turnTask() {
    return turnTask;
  }

  @Override
  public boolean turnScheduled() {
    return wakeState != IDLE;
  }

  @Override
  public boolean scheduleTurn() {
    return WAKE_STATE.compareAndSet(this, IDLE, SCHEDULED);
  }

  @Override
  public void unscheduleTurn() {
    wakeState = IDLE;
  }

  @Override
  public SerialTurns.Outcome runTurn() {
    lifecycleSeen = lifecycleByte();
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
    return switch (drain) {
      case MORE -> SerialTurns.Outcome.MORE;
      case IDLE -> SerialTurns.Outcome.IDLE;
      case TERMINATED -> SerialTurns.Outcome.FINISHED;
    };
  }

  @Override
  public boolean hasWork() {
    return hasIncoming() || lifecycleByte() != lifecycleSeen;
  }

  /** The executor would not run a turn: fail what is queued, and stop. */
  @Override
  public void refused(Throwable failure) {
    breakDown(failure);
    lifecycleSeen = lifecycleByte();
  }
}

package io.github.posa4j.active;

import io.github.posa4j.internal.SerialTurns;
import java.util.concurrent.Executor;

/**
 * An active object on a shared executor, run in {@link SerialTurns}: at most one turn of it is
 * scheduled or running at a time, which keeps its requests serial; a turn runs a batch of
 * requests and hands the thread back, so that active objects sharing the executor take turns. An
 * idle one holds no thread.
 */
final class ExecutorScheduler<S> extends ActiveObjectScheduler<S> implements SerialTurns.Work {
  /** Requests per turn on the executor before other active objects get theirs. */
  private static final int BATCH = 256;

  private final SerialTurns turns;
  /** The thread running a turn, so that calls from the servant know where they come from. */
  private volatile Thread consumer;
  /**
   * The lifecycle bits when the last turn began: a change since needs another turn. Read just
   * after the turns let go, when a new turn may be writing it; either value is safe then, since
   * that new turn sees every change.
   */
  private int lifecycleSeen;

  ExecutorScheduler(S servant, String typeName, ActiveObjectOptions options, Executor executor) {
    super(servant, typeName, options);
    this.turns = new SerialTurns(executor, this);
  }

  @Override
  void signal() {
    turns.request();
  }

  @Override
  boolean isConsumerThread() {
    return consumer == Thread.currentThread();
  }

  @Override
  public SerialTurns.Outcome runTurn() {
    lifecycleSeen = lifecycle();
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
    return hasIncoming() || lifecycle() != lifecycleSeen;
  }

  /** The executor would not run a turn: fail what is queued, and stop. */
  @Override
  public void refused(Throwable failure) {
    breakDown(failure);
    lifecycleSeen = lifecycle();
  }
}

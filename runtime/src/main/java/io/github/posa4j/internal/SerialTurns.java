package io.github.posa4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

/**
 * Runs queued work in serial turns on an executor: at most one turn is submitted or running at a
 * time, each turn happens-before the next, and no thread is held while there is nothing to do.
 * The thread that {@linkplain #request() asks} for a turn while none is scheduled submits it; a
 * turn that used its whole budget hands the next one back to the executor, so that the work of
 * others sharing it gets its turns too. Internal: active objects on a shared executor and
 * asynchronous subscribers use it.
 *
 * <p>Edge cases, settled once for both:
 * <ul>
 *   <li>an executor that refuses the first turn (or throws anything) leaves the work to
 *       {@link Work#refused}, on the requesting thread, which holds the turn meanwhile;
 *   <li>an executor that refuses a hand-over, or runs it in the handing thread (a direct or
 *       caller-runs executor), leaves the next turn to the handing thread, in a loop rather than
 *       by recursion, so that the stack never grows with the number of turns;
 *   <li>work that arrives while the turns let go is never stranded: after letting go they ask
 *       {@link Work#hasWork()} and take the turn back if needed;
 *   <li>a turn that reports {@link Outcome#FINISHED} keeps the turn for ever: no turn starts again.
 * </ul>
 */
public final class SerialTurns {
  private static final VarHandle SCHEDULED;

  static {
    try {
      SCHEDULED = MethodHandles.lookup().findVarHandle(SerialTurns.class, "scheduled", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** How a turn ended. */
  public enum Outcome {
    /** It used its whole budget; more may be waiting. */
    MORE,
    /** Nothing is left that may run now. */
    IDLE,
    /** The work is over: no turn will ever start again. */
    FINISHED
  }

  /**
   * What runs in turns. The runner calls {@link #runTurn()}, {@link #hasWork()} and
   * {@link #refused} only from the thread holding the turn.
   */
  public interface Work {
    /** Runs one turn, of a bounded budget, on the current thread. */
    Outcome runTurn();

    /**
     * Whether something arrived that a turn must look at; asked just after the turns let go, to
     * take the turn back rather than strand what came meanwhile.
     */
    boolean hasWork();

    /**
     * The executor would not run a turn ({@code failure}: a {@code RejectedExecutionException},
     * or an error such as no more threads): nothing will run what is queued now, which this must
     * dispose of. Called on the thread that asked for the turn, which holds it meanwhile.
     */
    void refused(Throwable failure);

    /** A thread has just taken the turn: a turn will run, or {@link #refused} will be called. */
    default void claimed() {}

    /** The turns have let go, with nothing left to do; a new one starts with the next {@link #request()}. */
    default void released() {}
  }

  private final Executor executor;
  private final Work work;
  private final Runnable firstTurn = this::runTurns;
  /** Whether a turn is submitted or running; whoever sets it runs the turns until it is cleared. */
  @SuppressWarnings("unused") // through SCHEDULED
  private volatile boolean scheduled;

  /** Turns of {@code work} on {@code executor}. */
  public SerialTurns(Executor executor, Work work) {
    this.executor = executor;
    this.work = work;
  }

  /**
   * Makes sure a turn will look at the work: submits one unless one is scheduled or running.
   * Costs one volatile read when one is.
   */
  public void request() {
    if (claim()) {
      start();
    }
  }

  /** Whether a turn is submitted or running (or the work {@linkplain Outcome#FINISHED finished}). */
  public boolean isScheduled() {
    return scheduled;
  }

  private boolean claim() {
    if (scheduled || !SCHEDULED.compareAndSet(this, false, true)) {
      return false;
    }
    work.claimed();
    return true;
  }

  /** Submits the first turn; when the executor will not run it, the work disposes of what is queued. */
  private void start() {
    do {
      try {
        executor.execute(firstTurn);
        return;
      } catch (Throwable refusedByExecutor) { // RejectedExecutionException, or an Error such as no more threads
        work.refused(refusedByExecutor);
      }
    } while (letGoOrTakeBack());
  }

  private void runTurns() {
    while (true) {
      Outcome outcome = work.runTurn();
      if (outcome == Outcome.FINISHED || outcome == Outcome.IDLE && !letGoOrTakeBack() || handOver()) {
        return;
      }
    }
  }

  /**
   * Clears {@link #scheduled}, unless work arrived meanwhile (whoever brought it saw the flag set
   * and left it to us); whether this thread holds the turn again.
   */
  private boolean letGoOrTakeBack() {
    scheduled = false;
    if (work.hasWork() && claim()) {
      return true;
    }
    work.released();
    return false;
  }

  /**
   * Hands the next turn to the executor; whether another thread has it. {@code false} when the
   * executor refused (saturated, shutting down, out of threads) or ran it in this very thread:
   * the caller keeps the turn in its loop instead of recursing once per turn.
   */
  private boolean handOver() {
    NextTurn next = new NextTurn(Thread.currentThread());
    try {
      executor.execute(next);
    } catch (Throwable refusedHandOver) {
      return false;
    }
    next.executeReturned = true;
    return !next.ranInCaller;
  }

  /** A turn handed to the executor that notices when the executor runs it in the handing thread. */
  private final class NextTurn implements Runnable {
    private final Thread from;
    /** Both written and read by {@link #from} only. */
    private boolean executeReturned;
    private boolean ranInCaller;

    NextTurn(Thread from) {
      this.from = from;
    }

    @Override
    public void run() {
      if (Thread.currentThread() == from && !executeReturned) {
        ranInCaller = true;
        return;
      }
      runTurns();
    }
  }
}

package io.github.posa4j.internal;

import java.util.concurrent.Executor;

/**
 * Runs queued work in serial turns on an executor: at most one turn is submitted or running at a
 * time, each turn happens-before the next, and no thread is held while there is nothing to do.
 * The thread that {@linkplain #request asks} for a turn while none is scheduled submits it; a turn
 * that used its whole budget hands the next one back to the executor, so that the work of others
 * sharing it gets its turns too. Internal: active objects on a shared executor and asynchronous
 * subscribers use it.
 *
 * <p>The turns keep no state of their own: the {@link Work} holds the one flag they need, so that
 * an idle one costs no more than its own fields (an active object keeps it with the fields its
 * callers write).
 *
 * <p>Edge cases, settled once for both:
 * <ul>
 *   <li>an executor that refuses the first turn (or throws anything) leaves the work to
 *       {@link Work#refused}, on the requesting thread, which holds the turn meanwhile;
 *   <li>an executor that refuses a hand-over (or throws anything), or runs it in the handing
 *       thread (a direct or caller-runs executor), leaves the next turn to the handing thread, in
 *       a loop rather than by recursion, so that the stack never grows with the number of turns;
 *   <li>work that arrives while the turns let go is never stranded: after letting go they ask
 *       {@link Work#hasWork()} and take the turn back if needed, then hand it to the executor;
 *   <li>a turn that reports {@link Outcome#FINISHED} keeps the turn for ever: no turn starts again.
 * </ul>
 */
public final class SerialTurns {
  private SerialTurns() {}

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
   * What runs in turns, with the flag that says whether a turn is submitted or running (whoever
   * sets it runs the turns until it is cleared). {@link #runTurn()}, {@link #hasWork()} and
   * {@link #refused} are called only from the thread holding the turn.
   */
  public interface Work {
    /** The executor the turns run on. */
    Executor executor();

    /** The task that starts turns on the executor: made once, it calls {@link SerialTurns#runTurns(Work)} with this. */
    Runnable turnTask();

    /** Whether the flag is set; a volatile read. */
    boolean turnScheduled();

    /** Sets the flag if it is clear, atomically; whether this call set it. */
    boolean scheduleTurn();

    /** Clears the flag; a volatile write. */
    void unscheduleTurn();

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

    /** The turns have let go, with nothing left to do; a new one starts with the next {@link SerialTurns#request}. */
    default void released() {}
  }

  /**
   * Makes sure a turn will look at {@code work}: submits one unless one is scheduled or running.
   * Costs one volatile read when one is.
   */
  public static void request(Work work) {
    if (claim(work)) {
      start(work);
    }
  }

  /** The body of {@link Work#turnTask()}: runs turns until they let go or hand over. */
  public static void runTurns(Work work) {
    while (true) {
      Outcome outcome = work.runTurn();
      if (outcome == Outcome.FINISHED || outcome == Outcome.IDLE && !letGoOrTakeBack(work) || handOver(work)) {
        return;
      }
    }
  }

  private static boolean claim(Work work) {
    if (work.turnScheduled() || !work.scheduleTurn()) {
      return false;
    }
    work.claimed();
    return true;
  }

  /** Submits the first turn; when the executor will not run it, the work disposes of what is queued. */
  private static void start(Work work) {
    do {
      try {
        work.executor().execute(work.turnTask());
        return;
      } catch (Throwable refusedByExecutor) { // RejectedExecutionException, or an Error such as no more threads
        work.refused(refusedByExecutor);
      }
    } while (letGoOrTakeBack(work));
  }

  /**
   * Clears the flag, unless work arrived meanwhile (whoever brought it saw the flag set and left
   * it to us); whether this thread holds the turn again.
   */
  private static boolean letGoOrTakeBack(Work work) {
    work.unscheduleTurn();
    if (work.hasWork() && claim(work)) {
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
  private static boolean handOver(Work work) {
    NextTurn next = new NextTurn(work, Thread.currentThread());
    try {
      work.executor().execute(next);
    } catch (Throwable refusedHandOver) {
      return false;
    }
    next.executeReturned = true;
    return !next.ranInCaller;
  }

  /** A turn handed to the executor that notices when the executor runs it in the handing thread. */
  private static final class NextTurn implements Runnable {
    private final Work work;
    private final Thread from;
    /** Both written and read by {@link #from} only. */
    private boolean executeReturned;
    private boolean ranInCaller;

    NextTurn(Work work, Thread from) {
      this.work = work;
      this.from = from;
    }

    @Override
    public void run() {
      if (Thread.currentThread() == from && !executeReturned) {
        ranInCaller = true;
        return;
      }
      runTurns(work);
    }
  }
}

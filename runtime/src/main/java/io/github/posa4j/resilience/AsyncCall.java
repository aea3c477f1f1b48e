package io.github.posa4j.resilience;

import io.github.posa4j.resilience.internal.CallEpoch;
import io.github.posa4j.resilience.internal.LeaderGate;
import io.github.posa4j.resilience.internal.Permit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One call of a method returning {@code CompletionStage}, through all its attempts. Nothing here
 * waits (the bulkhead's queue lock is held for a few field updates only): each attempt ends when
 * its stage completes or its timeout fires, whichever is first, and the next step (retry,
 * fallback, result) is chained from there. Cancelling the caller's future stops further attempts,
 * and takes an attempt waiting in the bulkhead's queue out of it.
 *
 * <p>{@code @LeaderOnly} is checked once, when the call starts; a refused call goes straight to the
 * fallback or fails. Each attempt's body creates its stage with the call's epoch entered on the
 * thread that runs it (the caller's for the first attempt, unless it waited in the bulkhead's
 * queue), so {@code Leadership.epoch()} answers there; the stage's continuations run elsewhere and
 * must take the epoch with them.
 */
final class AsyncCall<T> {
  private final FaultTolerance policy;
  private final Supplier<? extends CompletionStage<T>> body;
  /** The fallback's answer (the method's fallback method, or the policy's handler), or null for none. */
  private final Function<Throwable, ? extends CompletionStage<T>> fallback;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private int attempt;
  private long retryingSince;
  /** The epoch {@code @LeaderOnly} admitted the call with, or 0 without that policy. */
  private long epoch;
  /**
   * The last attempt that waited in the bulkhead's queue: the one the caller's giving up takes out.
   * Set only by {@link Attempt#begin()}, and attempts begin one after another.
   */
  private volatile Attempt queuedAttempt;

  AsyncCall(FaultTolerance policy, Supplier<? extends CompletionStage<T>> body,
      Function<Throwable, ? extends CompletionStage<T>> fallback) {
    this.policy = policy;
    this.body = body;
    this.fallback = fallback;
  }

  CompletableFuture<T> start() {
    LeaderGate gate = policy.leaderGate();
    if (gate != null) {
      epoch = gate.admit();
      if (epoch == 0) {
        refused(gate.refusal(policy.method()));
        return result;
      }
    }
    startAttempt();
    return result;
  }

  /** Ends a call {@code @LeaderOnly} refused: no attempt, no retry; the fallback, if it applies. */
  private void refused(RuntimeException refusal) {
    if (fallback != null && policy.fallsBackOn(refusal)) {
      fallBack(refusal);
    } else {
      result.completeExceptionally(refusal);
    }
  }

  private void startAttempt() {
    if (result.isDone()) {
      return; // cancelled by the caller
    }
    Permit permit;
    try {
      permit = policy.acquireBreaker();
    } catch (CircuitBreakerOpenException open) {
      attemptFailed(open);
      return;
    }
    new Attempt(permit).begin();
  }

  private void attemptFailed(Throwable failure) {
    if (result.isDone()) {
      return; // cancelled by the caller: no retry, no fallback
    }
    if (attempt == 0) {
      retryingSince = policy.retryStartTime();
    }
    long pause = policy.retryDelayNanos(failure, attempt, retryingSince);
    if (pause >= 0) {
      attempt++;
      Executor executor = pause == 0
          ? policy.asyncExecutor()
          : CompletableFuture.delayedExecutor(pause, TimeUnit.NANOSECONDS, policy.asyncExecutor());
      execute(executor, this::startAttempt);
      return;
    }
    if (fallback != null && policy.fallsBackOn(failure)) {
      fallBack(failure);
    } else {
      result.completeExceptionally(failure);
    }
  }

  private void fallBack(Throwable failure) {
    CompletionStage<T> answer;
    try {
      answer = fallback.apply(failure);
      if (answer == null) {
        throw new NullPointerException("the fallback method of " + policy.method() + " returned null, not a CompletionStage");
      }
    } catch (Throwable t) {
      result.completeExceptionally(t);
      return;
    }
    answer.whenComplete((value, error) -> {
      if (error != null) {
        result.completeExceptionally(unwrap(error));
      } else {
        result.complete(value);
      }
    });
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  /**
   * Makes the caller's giving up (cancelling or completing its future) take {@code queued} out of
   * the bulkhead's queue at once, so that its place is free for another call.
   */
  private void watchWhileQueued(Attempt queued) {
    boolean watching = queuedAttempt != null; // one watch serves every attempt
    queuedAttempt = queued;
    if (!watching) {
      result.whenComplete((value, error) -> callerGaveUp());
    } else if (result.isDone()) {
      callerGaveUp(); // the watch may have fired before this attempt was the one queued
    }
  }

  private void callerGaveUp() {
    Attempt queued = queuedAttempt;
    if (queued != null) {
      queued.leaveQueue();
    }
  }

  /** Runs {@code task} on {@code executor}, or here if the executor refuses it (shut down). */
  private static void execute(Executor executor, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException refused) {
      task.run();
    }
  }

  /**
   * One attempt: waiting for a bulkhead slot, then running, then done or timed out. The state
   * decides, once, what ends the attempt: its stage, its timeout, or its caller giving up before
   * it ran.
   */
  private final class Attempt implements BulkheadState.Waiter {
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int TIMED_OUT = 3;

    private final Permit permit;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private volatile ScheduledFuture<?> deadline;

    Attempt(Permit permit) {
      this.permit = permit;
    }

    void begin() {
      long timeout = policy.timeoutNanos();
      if (timeout > 0) {
        deadline = Scheduler.schedule(this::deadlinePassed, timeout);
      }
      BulkheadState bulkhead = policy.bulkheadState();
      if (bulkhead == null) {
        if (state.compareAndSet(WAITING, RUNNING)) {
          run();
        }
      } else if (!bulkhead.acquireOrQueue(this)) {
        if (state.compareAndSet(WAITING, DONE)) {
          cancelDeadline();
          BulkheadFullException full = new BulkheadFullException(bulkhead.queueFullMessage(), null);
          policy.recordOutcome(permit, full);
          policy.onRejected(full);
          attemptFailed(full);
        }
      } else {
        int now = state.get();
        if (now == TIMED_OUT) {
          bulkhead.leftQueue(this); // its deadline passed while it was on its way into the queue
        } else if (now == WAITING) {
          watchWhileQueued(this);
        }
      }
    }

    @Override
    public boolean claim() {
      if (result.isDone()) { // cancelled while it waited: give the slot to the next one
        abandon();
        return false;
      }
      return state.compareAndSet(WAITING, RUNNING);
    }

    /** The caller gave up: if this attempt still waits, it leaves the queue and never runs. */
    void leaveQueue() {
      if (abandon()) {
        policy.bulkheadState().leftQueue(this);
      }
    }

    /**
     * Ends this attempt, which will never run: true if it was still waiting, false if it had
     * started or ended already. A half-open breaker's trial admitted for it is given back.
     */
    private boolean abandon() {
      return neverRuns(WAITING);
    }

    /** Ends the attempt from {@code current} without running it; false if it was not in that state. */
    private boolean neverRuns(int current) {
      if (!state.compareAndSet(current, DONE)) {
        return false;
      }
      cancelDeadline();
      policy.abandonPermit(permit);
      return true;
    }

    /** Runs the body from the executor, unless the caller gave up while this attempt waited for it. */
    @Override
    public void runLater() {
      if (result.isDone()) {
        neverRuns(RUNNING); // or it timed out meanwhile, which recorded its outcome
        releaseSlot();
        return;
      }
      run();
    }

    /** Runs the body in the slot this attempt holds. */
    @Override
    public void run() {
      CompletionStage<T> stage;
      if (epoch != 0) {
        CallEpoch.enter(epoch);
      }
      try {
        stage = body.get();
        if (stage == null) {
          throw new NullPointerException(policy.method() + " returned a null CompletionStage");
        }
      } catch (Throwable t) {
        stage = CompletableFuture.failedFuture(t);
      } finally {
        if (epoch != 0) {
          CallEpoch.leave();
        }
      }
      stage.whenComplete(this::finished);
    }

    private void finished(T value, Throwable error) {
      if (!state.compareAndSet(RUNNING, DONE)) {
        releaseSlot(); // it timed out before, which ended the attempt; its work ends only now
        return;
      }
      cancelDeadline();
      Throwable failure = error == null ? null : unwrap(error);
      policy.recordOutcome(permit, failure);
      releaseSlot();
      if (failure == null) {
        result.complete(value);
      } else {
        attemptFailed(failure);
      }
    }

    /**
     * Runs on the scheduler thread at the deadline: settles the attempt's state there, and leaves
     * the rest (listeners, retry or fallback, completing the caller's future, all of which may run
     * application code) to the asynchronous executor.
     */
    private void deadlinePassed() {
      boolean wasWaiting = state.compareAndSet(WAITING, TIMED_OUT);
      if (!wasWaiting && !state.compareAndSet(RUNNING, TIMED_OUT)) {
        return;
      }
      if (wasWaiting && policy.bulkheadState() != null) {
        policy.bulkheadState().leftQueue(this);
      }
      TimeoutExceededException timeout = new TimeoutExceededException(policy.method(), policy.timeoutNanos(), null);
      policy.recordOutcome(permit, timeout);
      execute(policy.asyncExecutor(), () -> {
        policy.onTimeout(timeout);
        attemptFailed(timeout);
      });
    }

    private void releaseSlot() {
      BulkheadState bulkhead = policy.bulkheadState();
      if (bulkhead != null) {
        bulkhead.release();
      }
    }

    private void cancelDeadline() {
      ScheduledFuture<?> pending = deadline;
      if (pending != null) {
        pending.cancel(false);
      }
    }
  }
}

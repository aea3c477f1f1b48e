package io.github.posa4j.resilience;

import io.github.posa4j.resilience.internal.Permit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The state machine of one circuit breaker. Each state is an object, also handed out as the
 * {@link Permit} of the calls it admitted; an outcome recorded against a state that is no longer
 * current is ignored, which is what "a state change resets the window" means for calls that
 * straddle a change.
 *
 * <p>The totals cost the success path nothing beyond two plain increments inside the window's
 * existing monitor: a closed window counts its own outcomes, and a change of state folds them into
 * the breaker's totals under the transition lock, which readers take too.
 */
final class CircuitBreakerState implements CircuitBreakerView {
  private final CircuitBreakerPolicy policy;
  private final FaultTolerance owner;
  private final long delayNanos;
  private final AtomicReference<Phase> current;
  private final String rejectionMessage;
  /** Guards changes of {@link #current} and the folded totals. */
  private final Object transitions = new Object();
  /** Outcomes counted by closed windows no longer current; under the transition lock. */
  private long foldedSuccesses;
  private long foldedFailures;
  /**
   * Outcomes no closed window counted: of half-open and forced-closed calls, and of calls that
   * finished after the state they were admitted in had changed. Rare, but possibly many at once
   * (a busy breaker forced closed), hence adders rather than a lock.
   */
  private final LongAdder outsideSuccesses = new LongAdder();
  private final LongAdder outsideFailures = new LongAdder();
  private long timesOpened;
  private final LongAdder rejections = new LongAdder();

  CircuitBreakerState(CircuitBreakerPolicy policy, FaultTolerance owner) {
    this.policy = policy;
    this.owner = owner;
    this.delayNanos = policy.delayNanos();
    this.current = new AtomicReference<>(new Closed());
    this.rejectionMessage = CircuitBreakerOpenException.messageFor(owner.method());
  }

  @Override
  public String method() {
    return owner.method();
  }

  @Override
  public CircuitState state() {
    return current.get().state();
  }

  @Override
  public int windowSize() {
    return policy.requestVolumeThreshold();
  }

  @Override
  public long successfulCalls() {
    synchronized (transitions) {
      return foldedSuccesses + outsideSuccesses.sum() + (current.get() instanceof Closed closed ? closed.successes() : 0);
    }
  }

  @Override
  public long failedCalls() {
    synchronized (transitions) {
      return foldedFailures + outsideFailures.sum() + (current.get() instanceof Closed closed ? closed.failuresInAll() : 0);
    }
  }

  @Override
  public long rejectedCalls() {
    return rejections.sum();
  }

  @Override
  public long timesOpened() {
    synchronized (transitions) {
      return timesOpened;
    }
  }

  @Override
  public void forceOpen() {
    force(new ForcedOpen());
  }

  @Override
  public void forceClosed() {
    force(new ForcedClosed());
  }

  @Override
  public void reset() {
    force(new Closed());
  }

  /** An operator's change: from whatever state is current, unconditionally. */
  private void force(Phase to) {
    synchronized (transitions) {
      Phase from = current.getAndSet(to);
      fold(from);
      if (from.state() != to.state()) {
        owner.onStateChange(from.state(), to.state());
      }
    }
  }

  /**
   * Admits a call, or throws {@link CircuitBreakerOpenException}.
   */
  Permit acquire() {
    Phase phase = current.get();
    if (phase instanceof Closed) {
      return phase;
    }
    return acquireSlowly(phase);
  }

  private Permit acquireSlowly(Phase phase) {
    while (true) {
      if (phase instanceof Closed || phase instanceof ForcedClosed) {
        return phase;
      }
      if (phase instanceof ForcedOpen) {
        throw rejected();
      }
      if (phase instanceof Open) {
        Open open = (Open) phase;
        if (System.nanoTime() - open.openedAt < delayNanos) {
          throw rejected();
        }
        transition(open, new HalfOpen());
      } else {
        HalfOpen halfOpen = (HalfOpen) phase;
        if (halfOpen.admitTrial(policy.successThreshold())) {
          return halfOpen;
        }
        throw rejected();
      }
      phase = current.get();
    }
  }

  private CircuitBreakerOpenException rejected() {
    rejections.increment();
    CircuitBreakerOpenException exception = new CircuitBreakerOpenException(rejectionMessage, null);
    owner.onRejected(exception);
    return exception;
  }

  /** Records the outcome of a call admitted with {@code permit}. */
  void record(Permit permit, Throwable failureOrNull) {
    boolean failed = failureOrNull != null && policy.isFailure(failureOrNull);
    Phase phase = (Phase) permit;
    if (phase instanceof Closed) {
      Closed closed = (Closed) phase;
      int outcome = closed.record(failed);
      if (outcome == Closed.OPENS) {
        transition(closed, new Open(System.nanoTime()));
      } else if (outcome == Closed.STALE) {
        countOutside(failed); // admitted before a change of state: in no window, still in the totals
      }
    } else if (phase instanceof HalfOpen) {
      HalfOpen halfOpen = (HalfOpen) phase;
      if (failed) {
        countOutside(true);
        transition(halfOpen, new Open(System.nanoTime()));
      } else {
        countOutside(false);
        if (halfOpen.succeeded.incrementAndGet() == policy.successThreshold()) {
          transition(halfOpen, new Closed());
        }
      }
    } else if (phase instanceof ForcedClosed) {
      countOutside(failed);
    }
  }

  /**
   * Forgets a call admitted with {@code permit} that never ran (its caller cancelled it while it
   * waited for a bulkhead slot): it has no outcome, and a half-open trial it held is free again for
   * another call, or the breaker would wait for its outcome forever.
   */
  void giveBack(Permit permit) {
    if (permit instanceof HalfOpen) {
      ((HalfOpen) permit).admitted.decrementAndGet();
    }
  }

  /** Counts in the totals an outcome that no closed window counts. */
  private void countOutside(boolean failed) {
    (failed ? outsideFailures : outsideSuccesses).increment();
  }

  /** Adds what a closed window counted to the totals, once it is no longer current. Under the transition lock. */
  private void fold(Phase replaced) {
    if (replaced instanceof Closed closed) {
      synchronized (closed) { // a record() that saw it current has finished counting
        foldedSuccesses += closed.successes;
        foldedFailures += closed.failuresInAll;
      }
    }
  }

  @Override
  public int windowCalls() {
    Phase phase = current.get();
    return phase instanceof Closed ? ((Closed) phase).calls() : 0;
  }

  @Override
  public int windowFailures() {
    Phase phase = current.get();
    return phase instanceof Closed ? ((Closed) phase).failures() : 0;
  }

  /**
   * Moves from {@code from} to {@code to} unless another thread moved first. Under a lock, so that
   * listeners hear the changes of one breaker in the order they happened; changes are rare.
   */
  private void transition(Phase from, Phase to) {
    synchronized (transitions) {
      if (current.compareAndSet(from, to)) {
        fold(from);
        if (to instanceof Open) {
          timesOpened++;
        }
        owner.onStateChange(from.state(), to.state());
      }
    }
  }

  private abstract static class Phase extends Permit {
    abstract CircuitState state();
  }

  /** Closed: a ring of the last {@code requestVolumeThreshold} outcomes. */
  private final class Closed extends Phase {
    private final boolean[] outcomes = new boolean[policy.requestVolumeThreshold()];
    private int next;
    private int calls;
    private int failures;
    /** Every outcome this window recorded, also those the ring has since overwritten. */
    private long successes;
    private long failuresInAll;

    static final int RECORDED = 0;
    static final int OPENS = 1;
    static final int STALE = 2;

    /**
     * Adds an outcome: {@link #OPENS} when the full window now asks to open the breaker,
     * {@link #STALE} when this window is no longer current (the outcome is not in it).
     */
    synchronized int record(boolean failed) {
      if (current.get() != this) {
        return STALE;
      }
      if (calls == outcomes.length) {
        if (outcomes[next]) {
          failures--;
        }
      } else {
        calls++;
      }
      outcomes[next] = failed;
      if (failed) {
        failures++;
        failuresInAll++;
      } else {
        successes++;
      }
      next = next + 1 == outcomes.length ? 0 : next + 1;
      // Judged on every outcome once full: the call that fills the window may open the breaker
      // even when it succeeded (S F F S with a window of 4 and ratio 0.5 opens, as in MicroProfile).
      // A window without failures never opens it, not even with failureRatio 0.
      return calls == outcomes.length && failures > 0
          && (double) failures / calls >= policy.failureRatio() ? OPENS : RECORDED;
    }

    synchronized int calls() {
      return calls;
    }

    synchronized int failures() {
      return failures;
    }

    synchronized long successes() {
      return successes;
    }

    synchronized long failuresInAll() {
      return failuresInAll;
    }

    @Override
    CircuitState state() {
      return CircuitState.CLOSED;
    }
  }

  private static final class Open extends Phase {
    final long openedAt;

    Open(long openedAt) {
      this.openedAt = openedAt;
    }

    @Override
    CircuitState state() {
      return CircuitState.OPEN;
    }
  }

  /** Forced open by an operator: every call is rejected until the next forced change or reset. */
  private static final class ForcedOpen extends Phase {
    @Override
    CircuitState state() {
      return CircuitState.FORCED_OPEN;
    }
  }

  /** Forced closed by an operator: every call is admitted; outcomes count in the totals only. */
  private static final class ForcedClosed extends Phase {
    @Override
    CircuitState state() {
      return CircuitState.FORCED_CLOSED;
    }
  }

  private static final class HalfOpen extends Phase {
    final AtomicInteger admitted = new AtomicInteger();
    final AtomicInteger succeeded = new AtomicInteger();

    /** Admits one more trial call if fewer than {@code trials} were admitted. */
    boolean admitTrial(int trials) {
      int taken;
      do {
        taken = admitted.get();
        if (taken >= trials) {
          return false;
        }
      } while (!admitted.compareAndSet(taken, taken + 1));
      return true;
    }

    @Override
    CircuitState state() {
      return CircuitState.HALF_OPEN;
    }
  }
}

package io.github.posa4j.resilience;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state machine of one circuit breaker. Each state is an object, also handed out as the
 * {@link Permit} of the calls it admitted; an outcome recorded against a state that is no longer
 * current is ignored, which is what "a state change resets the window" means for calls that
 * straddle a change.
 */
final class CircuitBreakerState {
  private final CircuitBreakerPolicy policy;
  private final FaultTolerance owner;
  private final long delayNanos;
  private final AtomicReference<Phase> current;
  private final String rejectionMessage;
  private final Object transitions = new Object();

  CircuitBreakerState(CircuitBreakerPolicy policy, FaultTolerance owner) {
    this.policy = policy;
    this.owner = owner;
    this.delayNanos = policy.delayNanos();
    this.current = new AtomicReference<>(new Closed());
    this.rejectionMessage = CircuitBreakerOpenException.messageFor(owner.method());
  }

  CircuitState state() {
    return current.get().state();
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
      if (phase instanceof Closed) {
        return phase;
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
      if (closed.record(failed)) {
        transition(closed, new Open(System.nanoTime()));
      }
    } else if (phase instanceof HalfOpen) {
      HalfOpen halfOpen = (HalfOpen) phase;
      if (failed) {
        transition(halfOpen, new Open(System.nanoTime()));
      } else if (halfOpen.succeeded.incrementAndGet() == policy.successThreshold()) {
        transition(halfOpen, new Closed());
      }
    }
  }

  /** The number of calls in the current closed window, for observers and tests. */
  int windowCalls() {
    Phase phase = current.get();
    return phase instanceof Closed ? ((Closed) phase).calls() : 0;
  }

  /** The number of failures in the current closed window. */
  int windowFailures() {
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

    /** Adds an outcome; true when the full window now asks to open the breaker. */
    synchronized boolean record(boolean failed) {
      if (current.get() != this) {
        return false;
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
      }
      next = next + 1 == outcomes.length ? 0 : next + 1;
      // Judged on every outcome once full: the call that fills the window may open the breaker
      // even when it succeeded (S F F S with a window of 4 and ratio 0.5 opens, as in MicroProfile).
      // A window without failures never opens it, not even with failureRatio 0.
      return calls == outcomes.length && failures > 0
          && (double) failures / calls >= policy.failureRatio();
    }

    synchronized int calls() {
      return calls;
    }

    synchronized int failures() {
      return failures;
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

package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.Permit;

/**
 * The retry state of one synchronous woven call, created when its first attempt fails (so a call
 * that succeeds allocates none). Public because woven code calls it; not an API.
 */
public final class WovenCall {
  private final FaultTolerance policies;
  private int attempt;
  private long retryingSince;
  private Throwable failure;

  WovenCall(FaultTolerance policies) {
    this.policies = policies;
  }

  /**
   * After the current attempt failed with {@code failure}: sleeps the retry delay and admits the
   * next attempt, returning its permit, or returns null when the call is over (see {@link #failure()}).
   * An attempt the breaker or bulkhead turns away counts as failed, as in generated code.
   */
  public Permit retry(Throwable failure) {
    while (true) {
      if (attempt == 0) {
        retryingSince = policies.retryStartTime();
      }
      if (!policies.retryAfter(failure, attempt, retryingSince)) {
        this.failure = failure;
        return null;
      }
      attempt++;
      try {
        return policies.enter();
      } catch (Throwable rejected) {
        failure = rejected;
      }
    }
  }

  /**
   * After the current attempt failed with {@code failure}: sleeps the retry delay and returns
   * true when another attempt should run now, false when the call is over. For woven code that
   * admits each attempt itself.
   */
  public boolean again(Throwable failure) {
    if (attempt == 0) {
      retryingSince = policies.retryStartTime();
    }
    if (policies.retryAfter(failure, attempt, retryingSince)) {
      attempt++;
      return true;
    }
    return false;
  }

  /** What the call failed with, once {@link #retry} returned null. */
  public Throwable failure() {
    return failure;
  }
}

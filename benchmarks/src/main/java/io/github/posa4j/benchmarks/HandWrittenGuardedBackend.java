package io.github.posa4j.benchmarks;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.github.posa4j.resilience.Permit;

/**
 * The code {@code ResilientGuardedBackend} stands for, written by hand: the same policy object
 * (from the registry, in a {@code static final} field) and the enter/exit loop of the
 * {@link FaultTolerance} Javadoc around the delegate's call.
 */
final class HandWrittenGuardedBackend implements GuardedBackend {
  private static final FaultTolerance FETCH = FaultToleranceRegistry.global().forMethod(GuardedBackend.class, "fetch");

  private final GuardedBackend delegate;

  HandWrittenGuardedBackend(GuardedBackend delegate) {
    this.delegate = delegate;
  }

  @Override
  public Integer fetch() {
    long retryingSince = 0L;
    for (int attempt = 0; ; attempt++) {
      Throwable failure;
      try {
        Permit permit = FETCH.enter();
        Integer result;
        try {
          result = delegate.fetch();
        } catch (Throwable t) {
          throw FETCH.failed(permit, t);
        }
        FETCH.succeeded(permit);
        return result;
      } catch (Throwable t) {
        failure = t;
      }
      if (attempt == 0) {
        retryingSince = FETCH.retryStartTime();
      }
      if (!FETCH.retryAfter(failure, attempt, retryingSince)) {
        throw FaultTolerance.propagate(failure);
      }
    }
  }
}

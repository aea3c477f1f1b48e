package io.github.posa4j.benchmarks;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.github.posa4j.resilience.internal.Permit;

/**
 * The code {@code ResilientGuardedBackend} stands for, written by hand: the same policy object
 * (from the registry, in a {@code static final} field) and the call protocol of the
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
    try {
      Permit permit = FETCH.enter();
      Integer result;
      try {
        result = delegate.fetch();
      } catch (Throwable failure) {
        throw FETCH.failed(permit, failure);
      }
      FETCH.succeeded(permit);
      return result;
    } catch (Throwable failure) {
      return FETCH.afterFailure(failure, () -> delegate.fetch());
    }
  }
}

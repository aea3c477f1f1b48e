package io.github.posa4j.benchmarks;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.internal.Permit;

/**
 * What the posa4j processor generates for an interface {@code Backend} whose {@code fetch()}
 * carries resilience annotations ({@code ResilientBackend implements Backend}):
 * the call protocol of the {@link FaultTolerance} Javadoc, written out by hand around the call
 * to the target. No fallback is configured, so the fallback branch is left out, as the generated
 * code would leave it out.
 *
 * <p>One difference from generated code: the policy is an instance field rather than a
 * {@code static final} one, because each benchmark builds its own policy (and opens or fills it).
 * The other libraries' objects are instance fields too, so all are on the same footing.
 */
final class ResilientBackend implements Backend {
  private final Backend target;
  private final FaultTolerance policy;

  ResilientBackend(Backend target, FaultTolerance policy) {
    this.target = target;
    this.policy = policy;
  }

  @Override
  public Integer fetch() {
    try {
      Permit permit = policy.enter();
      Integer result;
      try {
        result = target.fetch();
      } catch (Throwable failure) {
        throw policy.failed(permit, failure);
      }
      policy.succeeded(permit);
      return result;
    } catch (Throwable failure) {
      return policy.afterFailure(failure, () -> target.fetch());
    }
  }
}

package io.github.posa4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.github.posa4j.resilience.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When meters are bound: policy sets older and newer than the binding, a registry bound twice, several registries, and unbinding. */
class BindingTest extends MetricsFixture {
  private static final String METHOD = "com.acme.Bound/call()";

  private FaultTolerance retryingBreaker(String method) {
    return policies.computeIfAbsent(method, key -> FaultTolerance.builder(key)
        .circuitBreaker(CircuitBreakerPolicy.builder().build())
        .retry(RetryPolicy.builder().maxRetries(1).delay(Duration.ZERO).jitter(Duration.ZERO).build())
        .build());
  }

  private static void failOnce(FaultTolerance policy) {
    assertThatThrownBy(() -> policy.call(() -> {
      throw new IllegalStateException("down");
    })).isInstanceOf(IllegalStateException.class);
  }

  private double retries(SimpleMeterRegistry registry) {
    return registry.get("posa4j.retry.retries").tag("method", METHOD).counter().count();
  }

  @Test
  void policySetsCreatedBeforeAndAfterTheBindingBothGetMeters() {
    retryingBreaker("com.acme.Bound/before()");
    metrics.bindTo(meters);
    retryingBreaker("com.acme.Bound/after()");

    assertThat(meters.get("posa4j.circuitbreaker.opened").tag("method", "com.acme.Bound/before()").functionCounter()).isNotNull();
    assertThat(meters.get("posa4j.circuitbreaker.opened").tag("method", "com.acme.Bound/after()").functionCounter()).isNotNull();
  }

  @Test
  void byDefaultTheGlobalRegistryIsBound() {
    try (Posa4jMetrics global = new Posa4jMetrics()) {
      global.bindTo(meters);
      FaultToleranceRegistry.global().computeIfAbsent("com.acme.Bound/global()", key -> FaultTolerance.builder(key)
          .circuitBreaker(CircuitBreakerPolicy.builder().build()).build());

      assertThat(meters.get("posa4j.circuitbreaker.state").tag("method", "com.acme.Bound/global()").tag("state", "closed")
          .gauge().value()).isEqualTo(1.0);
    }
  }

  @Test
  void bindingARegistryTwiceCountsOnce() {
    metrics.bindTo(meters);
    metrics.bindTo(meters);
    failOnce(retryingBreaker(METHOD));

    assertThat(retries(meters)).isEqualTo(1.0);
  }

  @Test
  void eachRegistryBoundGetsItsOwnMeters() {
    SimpleMeterRegistry other = new SimpleMeterRegistry();
    metrics.bindTo(meters);
    metrics.bindTo(other);
    failOnce(retryingBreaker(METHOD));

    assertThat(retries(meters)).isEqualTo(1.0);
    assertThat(retries(other)).isEqualTo(1.0);
    assertThat(other.get("posa4j.circuitbreaker.calls").tag("method", METHOD).tag("kind", "failed").functionCounter().count())
        .isEqualTo(2.0);
  }

  @Test
  void closingRemovesTheMetersStopsCountingAndLeavesThePoliciesWorking() throws Exception {
    metrics.bindTo(meters);
    FaultTolerance policy = retryingBreaker(METHOD);
    failOnce(policy);

    metrics.close();
    metrics.close(); // again: nothing to do
    failOnce(policy);
    retryingBreaker("com.acme.Bound/later()");

    assertThat(meters.getMeters()).isEmpty();
    assertThat(policy.call(() -> "still protected")).isEqualTo("still protected");
    assertThatThrownBy(() -> metrics.bindTo(meters)).isInstanceOf(IllegalStateException.class);
  }
}

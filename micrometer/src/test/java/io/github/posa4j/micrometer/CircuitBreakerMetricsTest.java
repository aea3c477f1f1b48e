package io.github.posa4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.CircuitBreakerOpenException;
import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.CircuitBreakerView;
import io.github.posa4j.resilience.FaultTolerance;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A circuit breaker's meters: present with the documented names and tags, and moving with calls, openings and forcing. */
class CircuitBreakerMetricsTest extends MetricsFixture {
  private static final String METHOD = "com.acme.MeteredShop/charge(java.lang.String,long)";

  /** A window of 3 that opens at 2 failures in 3, for an hour. */
  private FaultTolerance breaker() {
    metrics.bindTo(meters);
    return policies.computeIfAbsent(METHOD, key -> FaultTolerance.builder(key)
        .circuitBreaker(CircuitBreakerPolicy.builder().requestVolumeThreshold(3).failureRatio(0.6)
            .delay(Duration.ofHours(1)).build())
        .build());
  }

  private double state(String state) {
    return meters.get("posa4j.circuitbreaker.state").tag("method", METHOD).tag("state", state).gauge().value();
  }

  private double calls(String kind) {
    return meters.get("posa4j.circuitbreaker.calls").tag("method", METHOD).tag("kind", kind).functionCounter().count();
  }

  private double gauge(String name) {
    return meters.get(name).tag("method", METHOD).gauge().value();
  }

  private double opened() {
    return meters.get("posa4j.circuitbreaker.opened").tag("method", METHOD).functionCounter().count();
  }

  private static void fail(FaultTolerance policy) {
    assertThatThrownBy(() -> policy.call(() -> {
      throw new IllegalStateException("down");
    })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyMeterIsThereFromTheStartWithTheDocumentedNamesAndTags() {
    breaker();

    assertThat(state("closed")).isEqualTo(1.0);
    assertThat(state("open")).isZero();
    assertThat(state("half_open")).isZero();
    assertThat(state("forced_open")).isZero();
    assertThat(state("forced_closed")).isZero();
    assertThat(meters.get("posa4j.circuitbreaker.state").tag("method", METHOD).gauges()).hasSize(5);
    assertThat(calls("successful")).isZero();
    assertThat(calls("failed")).isZero();
    assertThat(calls("rejected")).isZero();
    assertThat(gauge("posa4j.circuitbreaker.window.calls")).isZero();
    assertThat(gauge("posa4j.circuitbreaker.window.failures")).isZero();
    assertThat(opened()).isZero();
    assertThat(meters.get("posa4j.circuitbreaker.calls").tag("method", METHOD).functionCounter().getId().getBaseUnit())
        .isEqualTo("calls");
  }

  @Test
  void callsFillTheWindowOpenTheBreakerAndAreCountedByKind() throws Exception {
    FaultTolerance policy = breaker();
    policy.call(() -> "ok");
    fail(policy);

    assertThat(calls("successful")).isEqualTo(1.0);
    assertThat(calls("failed")).isEqualTo(1.0);
    assertThat(gauge("posa4j.circuitbreaker.window.calls")).isEqualTo(2.0);
    assertThat(gauge("posa4j.circuitbreaker.window.failures")).isEqualTo(1.0);

    fail(policy); // S F F: the full window is 2/3 failed: opens
    assertThatThrownBy(() -> policy.call(() -> "refused")).isInstanceOf(CircuitBreakerOpenException.class);

    assertThat(state("open")).isEqualTo(1.0);
    assertThat(state("closed")).isZero();
    assertThat(opened()).isEqualTo(1.0);
    assertThat(calls("failed")).isEqualTo(2.0);
    assertThat(calls("rejected")).isEqualTo(1.0);
    assertThat(gauge("posa4j.circuitbreaker.window.calls")).isZero(); // a state change resets the window
  }

  @Test
  void theStateGaugeFollowsTheOperator() throws Exception {
    FaultTolerance policy = breaker();
    CircuitBreakerView breaker = policy.circuitBreaker().orElseThrow();

    breaker.forceOpen();
    assertThatThrownBy(() -> policy.call(() -> "refused")).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(state("forced_open")).isEqualTo(1.0);
    assertThat(state("closed")).isZero();
    assertThat(calls("rejected")).isEqualTo(1.0);

    breaker.forceClosed();
    assertThat(state("forced_closed")).isEqualTo(1.0);
    assertThat(state("forced_open")).isZero();

    breaker.reset();
    assertThat(state("closed")).isEqualTo(1.0);
    assertThat(state("forced_closed")).isZero();
    assertThat(opened()).isZero(); // forcing is not opening
  }
}

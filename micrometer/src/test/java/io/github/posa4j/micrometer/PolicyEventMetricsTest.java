package io.github.posa4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.FallbackPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.RetryPolicy;
import io.github.posa4j.resilience.TimeoutPolicy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The counters fed by events: retries, timeouts and fallbacks, present only for the policies a method has. */
class PolicyEventMetricsTest extends MetricsFixture {

  private static RetryPolicy retries(int maxRetries) {
    return RetryPolicy.builder().maxRetries(maxRetries).delay(Duration.ZERO).jitter(Duration.ZERO).build();
  }

  private double count(String name, String method) {
    return meters.get(name).tag("method", method).counter().count();
  }

  @Test
  void retriesAreCountedButNotFirstAttempts() throws Exception {
    metrics.bindTo(meters);
    FaultTolerance policy = policies.computeIfAbsent("com.acme.Metered/retry()",
        key -> FaultTolerance.builder(key).retry(retries(2)).build());
    assertThat(count("posa4j.retry.retries", "com.acme.Metered/retry()")).isZero();

    assertThatThrownBy(() -> policy.call(() -> {
      throw new IllegalStateException("always");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(count("posa4j.retry.retries", "com.acme.Metered/retry()")).isEqualTo(2.0);

    AtomicInteger attempts = new AtomicInteger();
    assertThat(policy.call(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("once");
      }
      return "second time";
    })).isEqualTo("second time");
    assertThat(count("posa4j.retry.retries", "com.acme.Metered/retry()")).isEqualTo(3.0);
    assertThat(meters.get("posa4j.retry.retries").counter().getId().getBaseUnit()).isEqualTo("retries");
  }

  @Test
  void eachTimedOutAttemptIsATimeoutAndTheFallbackAnswersOnce() throws Exception {
    String method = "com.acme.Metered/slow()";
    metrics.bindTo(meters);
    FaultTolerance policy = policies.computeIfAbsent(method, key -> FaultTolerance.builder(key)
        .fallback(FallbackPolicy.of(context -> "plan b"))
        .retry(retries(1))
        .timeout(TimeoutPolicy.of(Duration.ofMillis(50)))
        .build());
    CountDownLatch never = new CountDownLatch(1);

    Object answer = policy.call(() -> {
      never.await(); // interrupted at the deadline
      return "too late";
    });

    assertThat(answer).isEqualTo("plan b");
    assertThat(count("posa4j.timeout.timeouts", method)).isEqualTo(2.0);
    assertThat(count("posa4j.retry.retries", method)).isEqualTo(1.0);
    assertThat(count("posa4j.fallback.calls", method)).isEqualTo(1.0);
  }

  @Test
  void aMethodGetsCountersOnlyForThePoliciesItHas() throws Exception {
    metrics.bindTo(meters);
    FaultTolerance breakerOnly = policies.computeIfAbsent("com.acme.Metered/guarded()",
        key -> FaultTolerance.builder(key).circuitBreaker(CircuitBreakerPolicy.builder().build()).build());
    policies.computeIfAbsent("com.acme.Metered/plain()", key -> FaultTolerance.builder(key).build());
    breakerOnly.call(() -> "ok");

    assertThat(meters.find("posa4j.retry.retries").meters()).isEmpty();
    assertThat(meters.find("posa4j.timeout.timeouts").meters()).isEmpty();
    assertThat(meters.find("posa4j.fallback.calls").meters()).isEmpty();
    assertThat(meters.find("posa4j.bulkhead.in.use").meters()).isEmpty();
    assertThat(meters.find("posa4j.circuitbreaker.state").tag("method", "com.acme.Metered/guarded()").gauges()).hasSize(5);
    assertThat(meters.find("posa4j.circuitbreaker.state").tag("method", "com.acme.Metered/plain()").gauges()).isEmpty();
    assertThat(meters.getMeters()).allSatisfy(meter ->
        assertThat(meter.getId().getTag("method")).isEqualTo("com.acme.Metered/guarded()"));
  }
}

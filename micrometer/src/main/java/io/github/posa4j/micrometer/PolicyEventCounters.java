package io.github.posa4j.micrometer;

import io.github.posa4j.resilience.FallbackPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.Policy;
import io.github.posa4j.resilience.RetryPolicy;
import io.github.posa4j.resilience.TimeoutExceededException;
import io.github.posa4j.resilience.TimeoutPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the retries, timeouts and fallbacks of one policy set, as the listener of that set. Only
 * the policies the set has get a counter, registered at zero so that rates start from the first
 * scrape.
 */
final class PolicyEventCounters implements FaultToleranceListener {
  static final String RETRIES = "posa4j.retry.retries";
  static final String TIMEOUTS = "posa4j.timeout.timeouts";
  static final String FALLBACKS = "posa4j.fallback.calls";

  /** Null when the policy set has no retry; likewise below. */
  private final Counter retries;
  private final Counter timeouts;
  private final Counter fallbacks;

  private PolicyEventCounters(Counter retries, Counter timeouts, Counter fallbacks) {
    this.retries = retries;
    this.timeouts = timeouts;
    this.fallbacks = fallbacks;
  }

  /** Registers the counters of the policies {@code policies} has, tagged with {@code tags}. */
  static PolicyEventCounters register(FaultTolerance policies, Tags tags, MeterRegistry registry) {
    return new PolicyEventCounters(
        has(policies, RetryPolicy.class)
            ? counter(RETRIES, "retries", "Retries made after a failed attempt (first attempts not counted)", tags, registry)
            : null,
        has(policies, TimeoutPolicy.class)
            ? counter(TIMEOUTS, "timeouts", "Attempts that ran past their timeout", tags, registry)
            : null,
        has(policies, FallbackPolicy.class)
            ? counter(FALLBACKS, "calls", "Failed calls answered by the fallback", tags, registry)
            : null);
  }

  /** The counters registered; empty when the policy set has none of the three policies. */
  List<Meter> meters() {
    List<Meter> meters = new ArrayList<>(3);
    for (Counter counter : new Counter[] {retries, timeouts, fallbacks}) {
      if (counter != null) {
        meters.add(counter);
      }
    }
    return meters;
  }

  @Override
  public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
    if (retries != null) {
      retries.increment();
    }
  }

  @Override
  public void onTimeout(String method, TimeoutExceededException timeout) {
    if (timeouts != null) {
      timeouts.increment();
    }
  }

  @Override
  public void onFallback(String method, Throwable failure) {
    if (fallbacks != null) {
      fallbacks.increment();
    }
  }

  /** Whether {@code policies} includes a policy of {@code type}; a timeout of 0 is none. */
  private static boolean has(FaultTolerance policies, Class<? extends Policy> type) {
    for (Policy policy : policies.policies()) {
      if (type.isInstance(policy)) {
        return true;
      }
    }
    return false;
  }

  private static Counter counter(String name, String unit, String description, Tags tags, MeterRegistry registry) {
    return Counter.builder(name)
        .tags(tags)
        .baseUnit(unit)
        .description(description)
        .register(registry);
  }
}

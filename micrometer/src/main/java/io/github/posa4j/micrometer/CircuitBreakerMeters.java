package io.github.posa4j.micrometer;

import io.github.posa4j.resilience.CircuitBreakerView;
import io.github.posa4j.resilience.CircuitState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The meters of one circuit breaker; see the table in {@link Posa4jMetrics}. */
final class CircuitBreakerMeters {
  static final String STATE = "posa4j.circuitbreaker.state";
  static final String CALLS = "posa4j.circuitbreaker.calls";
  static final String WINDOW_CALLS = "posa4j.circuitbreaker.window.calls";
  static final String WINDOW_FAILURES = "posa4j.circuitbreaker.window.failures";
  static final String OPENED = "posa4j.circuitbreaker.opened";

  private CircuitBreakerMeters() {}

  /** Registers the meters of {@code breaker}, tagged with {@code tags}, and returns them. */
  static List<Meter> register(CircuitBreakerView breaker, Tags tags, MeterRegistry registry) {
    List<Meter> meters = new ArrayList<>();
    for (CircuitState state : CircuitState.values()) {
      meters.add(Gauge.builder(STATE, breaker, view -> view.state() == state ? 1 : 0)
          .tags(tags)
          .tag("state", stateTag(state))
          .description("1 for the circuit breaker's current state, 0 for the others")
          .register(registry));
    }
    meters.add(calls(breaker, "successful", CircuitBreakerView::successfulCalls, tags, registry));
    meters.add(calls(breaker, "failed", CircuitBreakerView::failedCalls, tags, registry));
    meters.add(calls(breaker, "rejected", CircuitBreakerView::rejectedCalls, tags, registry));
    meters.add(Gauge.builder(WINDOW_CALLS, breaker, CircuitBreakerView::windowCalls)
        .tags(tags)
        .baseUnit("calls")
        .description("Outcomes in the circuit breaker's current rolling window (0 unless closed)")
        .register(registry));
    meters.add(Gauge.builder(WINDOW_FAILURES, breaker, CircuitBreakerView::windowFailures)
        .tags(tags)
        .description("Failures among the outcomes in the circuit breaker's current rolling window")
        .register(registry));
    meters.add(FunctionCounter.builder(OPENED, breaker, CircuitBreakerView::timesOpened)
        .tags(tags)
        .description("How often the circuit breaker opened by itself (forcing it open does not count)")
        .register(registry));
    return meters;
  }

  /** The {@code state} tag's value: the state's name in lower case, as Resilience4j writes them. */
  static String stateTag(CircuitState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static Meter calls(CircuitBreakerView breaker, String kind, ToDoubleFunction<CircuitBreakerView> count,
      Tags tags, MeterRegistry registry) {
    return FunctionCounter.builder(CALLS, breaker, count)
        .tags(tags)
        .tag("kind", kind)
        .baseUnit("calls")
        .description("Calls the circuit breaker recorded as successful or failed, or rejected while open")
        .register(registry);
  }
}

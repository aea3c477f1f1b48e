package io.github.posa4j.micrometer;

import io.github.posa4j.resilience.FaultTolerance;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the meters of each policy set it is given on one {@link MeterRegistry}, until closed:
 * the registration listener that {@link Posa4jMetrics} adds to a
 * {@link io.github.posa4j.resilience.FaultToleranceRegistry}.
 */
final class PolicyMeters {
  static final String METHOD_TAG = "method";

  /** Where meters go; null once closed, so that a closed binding keeps no registry alive. Guarded by {@code this}. */
  private MeterRegistry registry;
  /** Guarded by {@code this}. */
  private final List<Meter> meters = new ArrayList<>();
  /** The event counters attached to each policy set, to detach on close. Guarded by {@code this}. */
  private final Map<FaultTolerance, PolicyEventCounters> attached = new IdentityHashMap<>();

  PolicyMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the meters of {@code policies}' breaker and bulkhead, and counts its retries, timeouts and fallbacks. */
  synchronized void bind(FaultTolerance policies) {
    MeterRegistry registry = this.registry;
    if (registry == null) {
      return;
    }
    Tags tags = Tags.of(METHOD_TAG, policies.method());
    policies.circuitBreaker().ifPresent(breaker -> meters.addAll(CircuitBreakerMeters.register(breaker, tags, registry)));
    policies.bulkhead().ifPresent(bulkhead -> meters.addAll(BulkheadMeters.register(bulkhead, tags, registry)));
    PolicyEventCounters counters = PolicyEventCounters.register(policies, tags, registry);
    if (!counters.meters().isEmpty()) {
      meters.addAll(counters.meters());
      attached.put(policies, counters);
      policies.addListener(counters);
    }
  }

  /** Stops counting, removes every meter registered here, and ignores policy sets from now on. */
  synchronized void close() {
    MeterRegistry registry = this.registry;
    if (registry == null) {
      return;
    }
    this.registry = null;
    attached.forEach(FaultTolerance::removeListener);
    attached.clear();
    meters.forEach(registry::remove);
    meters.clear();
  }
}

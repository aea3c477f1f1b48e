package io.github.posa4j.micrometer;

import io.github.posa4j.active.internal.ActiveObjectObserver;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Registers the meters of each active object as it starts and removes them when it terminates, on
 * one {@link MeterRegistry}; see the table in {@link Posa4jMetrics}. Holds active objects only
 * weakly: an unclosed one that nobody references can still be collected (its gauges then read NaN
 * until another active object of its name starts, or this binding closes).
 */
final class ActiveObjectMeters implements ActiveObjectObserver {
  static final String QUEUE_LENGTH = "posa4j.activeobject.queue.length";
  static final String REQUESTS = "posa4j.activeobject.requests";
  static final String NAME_TAG = "name";

  private final MetersByName<ActiveObjectScheduler<?>> meters;

  ActiveObjectMeters(MeterRegistry registry) {
    this.meters = new MetersByName<>("an active object", registry);
  }

  @Override
  public void started(ActiveObjectScheduler<?> activeObject) {
    meters.bind(activeObject.name(), activeObject, ActiveObjectMeters::register);
  }

  @Override
  public void terminated(ActiveObjectScheduler<?> activeObject) {
    meters.unbind(activeObject.name(), activeObject);
  }

  /** Removes every meter registered here and registers none from now on. */
  void close() {
    meters.close();
  }

  private static List<Meter> register(ActiveObjectScheduler<?> activeObject, MeterRegistry registry) {
    Tags tags = Tags.of(NAME_TAG, activeObject.name());
    return List.of(
        Gauge.builder(QUEUE_LENGTH, activeObject, ActiveObjectScheduler::pendingRequests)
            .tags(tags)
            .description("Requests queued in the active object, waiting ones included, not counting the one running")
            .register(registry),
        requests(activeObject, "executed", ActiveObjectScheduler::executedRequests, tags, registry),
        requests(activeObject, "failed", ActiveObjectScheduler::failedRequests, tags, registry));
  }

  private static Meter requests(ActiveObjectScheduler<?> activeObject, String kind,
      ToDoubleFunction<ActiveObjectScheduler<?>> count, Tags tags, MeterRegistry registry) {
    return FunctionCounter.builder(REQUESTS, activeObject, count)
        .tags(tags)
        .tag("kind", kind)
        .baseUnit("requests")
        .description("Requests the active object started, and those whose servant method threw")
        .register(registry);
  }
}

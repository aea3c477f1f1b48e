package io.github.posa4j.micrometer;

import io.github.posa4j.active.internal.ActiveObjectObserver;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private static final System.Logger LOG = System.getLogger(ActiveObjectMeters.class.getName());

  /** Where meters go; null once closed. Guarded by {@code this}. */
  private MeterRegistry registry;
  /** The active object that owns the meters of each name. Guarded by {@code this}. */
  private final Map<String, Bound> bound = new HashMap<>();

  ActiveObjectMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public synchronized void started(ActiveObjectScheduler<?> activeObject) {
    if (registry == null) {
      return;
    }
    String name = activeObject.name();
    Bound previous = bound.get(name);
    if (previous != null) {
      if (previous.activeObject().get() != null) {
        LOG.log(System.Logger.Level.WARNING, "posa4j: an active object named " + name
            + " has meters already; this one gets none (give active objects distinct names)");
        return;
      }
      remove(previous); // its active object was collected without terminating
    }
    bound.put(name, new Bound(new WeakReference<>(activeObject), register(activeObject, registry)));
  }

  @Override
  public synchronized void terminated(ActiveObjectScheduler<?> activeObject) {
    Bound owner = bound.get(activeObject.name());
    if (owner != null && owner.activeObject().get() == activeObject) {
      bound.remove(activeObject.name());
      remove(owner);
    }
  }

  /** Removes every meter registered here and registers none from now on. */
  synchronized void close() {
    if (registry == null) {
      return;
    }
    bound.values().forEach(this::remove);
    bound.clear();
    registry = null;
  }

  private void remove(Bound owner) {
    owner.meters().forEach(registry::remove);
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

  /** The active object that owns a name's meters, and the meters. */
  private record Bound(WeakReference<ActiveObjectScheduler<?>> activeObject, List<Meter> meters) {}
}

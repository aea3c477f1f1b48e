package io.github.posa4j.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The meters of named things that come and go (active objects, command processors) on one
 * {@link MeterRegistry}: registered when one starts, removed when it ends. A name's meters belong
 * to the first live owner of that name; the owners are held weakly, so that one never ended and
 * no longer referenced can still be collected (its gauges then read NaN until another of its name
 * starts, or this closes). Thread-safe.
 *
 * @param <T> the type of the owners
 */
final class MetersByName<T> {
  private static final System.Logger LOG = System.getLogger(MetersByName.class.getName());

  private final String kind;
  /** Where meters go; null once closed. Guarded by {@code this}. */
  private MeterRegistry registry;
  /** The owner of the meters of each name. Guarded by {@code this}. */
  private final Map<String, Bound<T>> bound = new HashMap<>();

  /** For owners called {@code kind} in messages ("an active object"), registering on {@code registry}. */
  MetersByName(String kind, MeterRegistry registry) {
    this.kind = kind;
    this.registry = registry;
  }

  /** Registers {@code owner}'s meters with {@code register}, unless a live owner has its name already. */
  synchronized void bind(String name, T owner, BiFunction<T, MeterRegistry, List<Meter>> register) {
    if (registry == null) {
      return;
    }
    Bound<T> previous = bound.get(name);
    if (previous != null) {
      if (previous.owner().get() != null) {
        LOG.log(System.Logger.Level.WARNING, "posa4j: " + kind + " named " + name
            + " has meters already; this one gets none (give each a distinct name)");
        return;
      }
      remove(previous); // its owner was collected without ending
    }
    bound.put(name, new Bound<>(new WeakReference<>(owner), register.apply(owner, registry)));
  }

  /** Removes the meters of {@code name} if {@code owner} owns them. */
  synchronized void unbind(String name, T owner) {
    Bound<T> current = bound.get(name);
    if (current != null && current.owner().get() == owner) {
      bound.remove(name);
      remove(current);
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

  private void remove(Bound<T> owner) {
    owner.meters().forEach(registry::remove);
  }

  /** The owner of a name's meters, and the meters. */
  private record Bound<T>(WeakReference<T> owner, List<Meter> meters) {}
}

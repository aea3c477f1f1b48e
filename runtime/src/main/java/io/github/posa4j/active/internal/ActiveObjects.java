package io.github.posa4j.active.internal;

import io.github.posa4j.internal.InstalledObservers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells {@link ActiveObjectObserver}s of the active objects that start and terminate after they
 * were added. Keeps no active object itself, so an idle one nobody references can still be
 * collected; an observer that keeps one (a registered MBean does) keeps it until it terminates.
 *
 * <p>It starts with the observers and the {@link ActiveObjectProbe} that observability installs
 * ({@link InstalledObservers}).
 */
public final class ActiveObjects {
  private static final System.Logger LOG = System.getLogger(ActiveObjects.class.getName());
  private static final List<ActiveObjectObserver> OBSERVERS =
      new CopyOnWriteArrayList<>(InstalledObservers.of(ActiveObjectObserver.class));
  /** Called for every request: final, so that the JIT compiler sees the one implementation. */
  static final ActiveObjectProbe PROBE = InstalledObservers.one(ActiveObjectProbe.class, ActiveObjectProbe.NONE);

  private ActiveObjects() {}

  /** Adds {@code observer} for the active objects that start from now on. */
  public static void addObserver(ActiveObjectObserver observer) {
    OBSERVERS.add(observer);
  }

  /** Removes {@code observer}; it hears of nothing that happens after this returns. */
  public static void removeObserver(ActiveObjectObserver observer) {
    OBSERVERS.remove(observer);
  }

  static void started(ActiveObjectScheduler<?> activeObject) {
    for (ActiveObjectObserver observer : OBSERVERS) {
      try {
        observer.started(activeObject);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an active object observer failed on the start of " + activeObject.name(), e);
      }
    }
  }

  static void terminated(ActiveObjectScheduler<?> activeObject) {
    for (ActiveObjectObserver observer : OBSERVERS) {
      try {
        observer.terminated(activeObject);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an active object observer failed on the end of " + activeObject.name(), e);
      }
    }
  }
}

package io.github.posa4j.observe;

import io.github.posa4j.active.internal.ActiveObjectScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The active objects whose queues {@code io.github.posa4j.ActiveObjectQueue} samples. It holds
 * them weakly, so that an unreferenced idle active object on a shared executor is still
 * collected, and is filled only while a recording takes that event (see
 * {@link ActiveObjectEvents#sampleQueue}): an active object that is never seen by one costs it
 * nothing, not even an entry.
 */
final class LiveActiveObjects {
  private static final Map<ActiveObjectScheduler<?>, Boolean> TRACKED = Collections.synchronizedMap(new WeakHashMap<>());

  private LiveActiveObjects() {}

  /** Adds {@code activeObject}; adding it again changes nothing. */
  static void add(ActiveObjectScheduler<?> activeObject) {
    TRACKED.put(activeObject, Boolean.TRUE);
  }

  /** The active objects still running, in no particular order; forgets those that have terminated. */
  static List<ActiveObjectScheduler<?>> running() {
    List<ActiveObjectScheduler<?>> running;
    synchronized (TRACKED) {
      TRACKED.keySet().removeIf(ActiveObjectScheduler::isTerminated);
      running = new ArrayList<>(TRACKED.keySet());
    }
    return running;
  }
}

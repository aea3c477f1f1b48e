package io.github.posa4j.active.internal;

/**
 * Hears of active objects as they start and as they terminate (closed, with nothing left to run),
 * for observers such as JMX and metrics bindings; see {@link ActiveObjects#addObserver}. Called on
 * the thread that starts the active object, and on its consumer's thread when it terminates; must
 * be quick. What it throws is logged and ignored.
 */
public interface ActiveObjectObserver {

  /** {@code activeObject} has started and accepts requests. */
  void started(ActiveObjectScheduler<?> activeObject);

  /** {@code activeObject} has terminated. */
  void terminated(ActiveObjectScheduler<?> activeObject);
}

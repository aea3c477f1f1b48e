package io.github.posa4j.active.internal;

/**
 * The points at which every active object reports what it does, for an observability binding such
 * as posa4j's Flight Recorder events; unlike an {@link ActiveObjectObserver} it is called for
 * every request, so it must cost next to nothing while nobody listens. Installed once, through
 * {@link io.github.posa4j.internal.ObserverProvider}; applications implement
 * {@link ActiveObjectObserver} instead.
 */
public interface ActiveObjectProbe {
  /** The probe of a runtime without observability: it reports nothing. */
  ActiveObjectProbe NONE = new ActiveObjectProbe() {};

  /**
   * Called before a request runs, on the consumer's thread: a handle to pass to
   * {@link #requestEnds}, or {@code null} when nobody takes request events. Must not allocate or
   * read a clock in that case.
   */
  default Object requestStarts() {
    return null;
  }

  /** Called after {@code request} ran on {@code activeObject}, with the non-null handle {@link #requestStarts()} gave. */
  default void requestEnds(Object started, ActiveObjectScheduler<?> activeObject, MethodRequest<?, ?> request) {}

  /**
   * Called when {@code activeObject} starts and at each turn of its consumer until it answers
   * {@code true}: whether the probe watches it (samples its queue, say) from now on.
   */
  default boolean watch(ActiveObjectScheduler<?> activeObject) {
    return true;
  }
}

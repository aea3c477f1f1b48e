package io.github.posa4j.observe;

import io.github.posa4j.active.internal.ActiveObjectProbe;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.active.internal.MethodRequest;

/**
 * The probe through which active objects emit their Flight Recorder events,
 * {@code io.github.posa4j.ActiveObjectRequest} and {@code io.github.posa4j.ActiveObjectQueue} (see
 * {@link FlightRecorderEvents}); {@link StandardObservers} installs it.
 *
 * <p>While no recording takes these events, {@link #requestStarts()} costs each request one read
 * of a static volatile boolean (whether Flight Recorder has been initialised at all) and, once it
 * has, a few loads of the event type's state; it allocates nothing and reads no clock.
 *
 * <p>Queue samples cover the active objects seen while a recording takes them: those started, or
 * running a turn of requests, meanwhile. One idle since before the recording began appears once
 * it runs again; its queue was empty until then, unless its executor never gave it a thread or a
 * request has been running since before the recording.
 */
final class ActiveObjectEvents implements ActiveObjectProbe {
  static final ActiveObjectProbe INSTANCE = new ActiveObjectEvents();

  private ActiveObjectEvents() {}

  @Override
  public Object requestStarts() {
    return Jfr.initialized() ? ActiveObjectRecorder.requestStarts() : null;
  }

  @Override
  public void requestEnds(Object started, ActiveObjectScheduler<?> activeObject, MethodRequest<?, ?> request) {
    ActiveObjectRecorder.requestEnds(started, activeObject, request);
  }

  /**
   * Adds {@code activeObject} to the queue samples if a recording takes them; whether it did. Once
   * added it stays until it terminates or is collected, so a caller that got {@code true} need not
   * call again.
   */
  @Override
  public boolean watch(ActiveObjectScheduler<?> activeObject) {
    if (!Jfr.initialized() || !ActiveObjectRecorder.queuesSampled()) {
      return false;
    }
    LiveActiveObjects.add(activeObject);
    return true;
  }

  @Override
  public String toString() {
    return "posa4j Flight Recorder events of active objects";
  }
}

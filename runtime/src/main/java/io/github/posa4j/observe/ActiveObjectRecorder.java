package io.github.posa4j.observe;

import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.active.internal.MethodRequest;
import jdk.jfr.FlightRecorder;

/**
 * Emits the events of active objects. Loaded only once Flight Recorder is initialised
 * ({@link Jfr#initialized()}), so that registering the periodic queue sample costs an
 * application that never records nothing.
 *
 * <p>Whether an event is recorded is asked of a shared instance: {@code isEnabled()} reads the
 * state of the event type, not of the instance, so the question allocates nothing.
 */
final class ActiveObjectRecorder {
  private static final ActiveObjectRequestEvent REQUESTS = new ActiveObjectRequestEvent();
  private static final ActiveObjectQueueEvent QUEUES = new ActiveObjectQueueEvent();

  static {
    // An active object's consumer initialises this class: nothing thrown here may reach it.
    try {
      FlightRecorder.addPeriodicEvent(ActiveObjectQueueEvent.class, ActiveObjectRecorder::sampleQueues);
    } catch (RuntimeException | LinkageError e) {
      System.getLogger(ActiveObjectRecorder.class.getName()).log(System.Logger.Level.WARNING,
          "[posa4j] active object queues cannot be sampled by Flight Recorder; the other events are unaffected", e);
    }
  }

  private ActiveObjectRecorder() {}

  /** A started request event if a recording takes it, else {@code null}. */
  static Object requestStarts() {
    if (!REQUESTS.isEnabled()) {
      return null;
    }
    ActiveObjectRequestEvent event = new ActiveObjectRequestEvent();
    event.begin();
    return event;
  }

  /** Ends {@code started}, and commits it if it lasted at least its threshold. */
  static void requestEnds(Object started, ActiveObjectScheduler<?> activeObject, MethodRequest<?, ?> request) {
    ActiveObjectRequestEvent event = (ActiveObjectRequestEvent) started;
    event.end();
    if (event.shouldCommit()) {
      event.activeObject = activeObject.name();
      String type = request.getClass().getSimpleName();
      event.requestType = type.isEmpty() ? request.getClass().getName() : type;
      event.failed = request.isCompletedExceptionally();
      event.commit();
    }
  }

  /** Whether a recording takes queue samples. */
  static boolean queuesSampled() {
    return QUEUES.isEnabled();
  }

  /** The periodic hook: one sample per active object still running. */
  private static void sampleQueues() {
    for (ActiveObjectScheduler<?> activeObject : LiveActiveObjects.running()) {
      ActiveObjectQueueEvent event = new ActiveObjectQueueEvent();
      event.activeObject = activeObject.name();
      event.pendingRequests = activeObject.pendingRequests();
      event.commit();
    }
  }
}

package io.github.posa4j.observe;

import io.github.posa4j.active.ActiveObjectObserver;
import io.github.posa4j.active.ActiveObjectScheduler;

/** The JMX face of one active object, and the observer that registers and unregisters them. */
final class ActiveObjectJmx implements ActiveObjectMXBean {
  private final ActiveObjectScheduler<?> activeObject;

  ActiveObjectJmx(ActiveObjectScheduler<?> activeObject) {
    this.activeObject = activeObject;
  }

  /** Registers each active object that starts, and unregisters it when it terminates. */
  static ActiveObjectObserver registrar() {
    return new ActiveObjectObserver() {
      @Override
      public void started(ActiveObjectScheduler<?> activeObject) {
        Jmx.register(Jmx.name("ActiveObject", activeObject.name()), new ActiveObjectJmx(activeObject));
      }

      @Override
      public void terminated(ActiveObjectScheduler<?> activeObject) {
        Jmx.unregister(Jmx.name("ActiveObject", activeObject.name()));
      }
    };
  }

  @Override
  public String getName() {
    return activeObject.name();
  }

  @Override
  public int getQueueLength() {
    return activeObject.pendingRequests();
  }

  @Override
  public long getExecutedRequests() {
    return activeObject.executedRequests();
  }

  @Override
  public long getFailedRequests() {
    return activeObject.failedRequests();
  }

  @Override
  public boolean isClosed() {
    return activeObject.isClosed();
  }
}

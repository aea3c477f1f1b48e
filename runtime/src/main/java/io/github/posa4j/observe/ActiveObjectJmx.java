package io.github.posa4j.observe;

import io.github.posa4j.active.internal.ActiveObjectObserver;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;

/** The JMX face of one active object, and the observer that registers and unregisters them. */
final class ActiveObjectJmx implements ActiveObjectMXBean {
  private final ActiveObjectScheduler<?> activeObject;

  ActiveObjectJmx(ActiveObjectScheduler<?> activeObject) {
    this.activeObject = activeObject;
  }

  /**
   * Registers each active object that starts, and unregisters it when it terminates. Only its own
   * MBean: of two active objects of one name, the second is not registered, and its end leaves the
   * first one's MBean alone.
   */
  static ActiveObjectObserver registrar() {
    Map<ActiveObjectScheduler<?>, ObjectName> registered = new ConcurrentHashMap<>();
    return new ActiveObjectObserver() {
      @Override
      public void started(ActiveObjectScheduler<?> activeObject) {
        ObjectName name = Jmx.name("ActiveObject", activeObject.name());
        if (Jmx.register(name, new ActiveObjectJmx(activeObject))) {
          registered.put(activeObject, name);
        }
      }

      @Override
      public void terminated(ActiveObjectScheduler<?> activeObject) {
        ObjectName name = registered.remove(activeObject);
        if (name != null) {
          Jmx.unregister(name);
        }
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

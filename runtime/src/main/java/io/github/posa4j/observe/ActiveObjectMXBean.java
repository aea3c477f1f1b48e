package io.github.posa4j.observe;

/**
 * A running active object seen through JMX, registered as
 * {@code io.github.posa4j:type=ActiveObject,name="<active object name>"} when it starts and
 * unregistered when it terminates.
 */
public interface ActiveObjectMXBean {

  /** The active object's name. */
  String getName();

  /** Requests queued and not started yet (not the one running). */
  int getQueueLength();

  /** Requests started, in all. */
  long getExecutedRequests();

  /** Requests whose servant method threw, in all. */
  long getFailedRequests();

  /** Whether it was closed (it terminates once its queue is empty). */
  boolean isClosed();
}

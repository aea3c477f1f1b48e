package io.github.posa4j.net;

/**
 * The JMX view of one {@link Transport}, registered as
 * {@code io.github.posa4j:type=Transport,name="<transport name>"} while it is open, when
 * {@code posa4j.jmx} is true (see {@code io.github.posa4j.observe.Observability}).
 */
public interface TransportMXBean {
  /** {@code reactor} or {@code proactor}. */
  String getKind();

  /** Its threads: event loops or completion threads. */
  int getThreads();

  int getOpenConnections();

  long getAcceptedConnections();

  long getConnectedConnections();

  long getBytesRead();

  long getBytesWritten();

  long getFramesRead();

  long getFramesWritten();

  /**
   * The share of their lives its threads spent handling events rather than waiting for them, 0
   * to 1 (for the Proactor, the time spent in completion handlers).
   */
  double getBusyRatio();
}

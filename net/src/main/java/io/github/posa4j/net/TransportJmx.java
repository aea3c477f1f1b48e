package io.github.posa4j.net;

import io.github.posa4j.net.TransportMXBean;
import io.github.posa4j.observe.Observability;
import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;
import javax.management.JMException;
import javax.management.ObjectName;

/** A transport's MBean, and its registration when {@code posa4j.jmx} is on. */
final class TransportJmx implements TransportMXBean {
  private static final System.Logger LOG = System.getLogger("io.github.posa4j.net");

  private final String kind;
  private final int threads;
  private final TransportStats stats;
  private final DoubleSupplier busyRatio;

  public TransportJmx(String kind, int threads, TransportStats stats, DoubleSupplier busyRatio) {
    this.kind = kind;
    this.threads = threads;
    this.stats = stats;
    this.busyRatio = busyRatio;
  }

  /** Registers {@code mbean} for the transport {@code name} if JMX is on; the name to unregister, or null. */
  public static ObjectName register(String name, TransportJmx mbean) {
    if (!Observability.jmxEnabled()) {
      return null;
    }
    try {
      ObjectName objectName = new ObjectName("io.github.posa4j:type=Transport,name=" + ObjectName.quote(name));
      ManagementFactory.getPlatformMBeanServer().registerMBean(mbean, objectName);
      return objectName;
    } catch (JMException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j-net: cannot register the MBean of transport " + name + "; it is left out", e);
      return null;
    }
  }

  public static void unregister(ObjectName name) {
    if (name == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException | RuntimeException e) {
      // unregistered already
    }
  }

  @Override
  public String getKind() {
    return kind;
  }

  @Override
  public int getThreads() {
    return threads;
  }

  @Override
  public int getOpenConnections() {
    return stats.openConnections();
  }

  @Override
  public long getAcceptedConnections() {
    return stats.acceptedConnections();
  }

  @Override
  public long getConnectedConnections() {
    return stats.connectedConnections();
  }

  @Override
  public long getBytesRead() {
    return stats.bytesRead();
  }

  @Override
  public long getBytesWritten() {
    return stats.bytesWritten();
  }

  @Override
  public long getFramesRead() {
    return stats.framesRead();
  }

  @Override
  public long getFramesWritten() {
    return stats.framesWritten();
  }

  @Override
  public double getBusyRatio() {
    return busyRatio.getAsDouble();
  }
}

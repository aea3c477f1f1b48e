package io.github.posa4j.observe;

/**
 * The JMX face of this JVM's membership of one leader election, registered as
 * {@code io.github.posa4j:type=LeaderElection,name="<election>"} while the membership lasts.
 */
public interface LeaderElectionMXBean {

  /** The election's name. */
  String getName();

  /** This process's member id. */
  String getMemberId();

  /** The URL of the election's store. */
  String getUrl();

  /** Whether this process leads now. */
  boolean isLeader();

  /** The epoch (fencing token) of the leadership held now; 0 when not leading. */
  long getEpoch();

  /** The lease, in milliseconds. */
  long getLeaseMillis();

  /** Milliseconds before the current leadership's deadline unless it is renewed; 0 when not leading. */
  long getLeaseRemainingMillis();
}

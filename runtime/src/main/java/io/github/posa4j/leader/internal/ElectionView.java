package io.github.posa4j.leader.internal;

/**
 * What observers may read of one membership of an election: for the MBean and Micrometer's gauges.
 * Any thread may call it.
 */
public interface ElectionView {

  /** The election's name. */
  String name();

  /** The URL of the election's store. */
  String url();

  /** This member's id. */
  String memberId();

  /** The lease, in milliseconds. */
  long leaseMillis();

  /** Whether this process leads now. */
  boolean isLeader();

  /** The epoch of the leadership held now, or 0 when not leading. */
  long epoch();

  /** How many milliseconds the current leadership has left before its deadline, unless renewed; 0 when not leading. */
  long leaseRemainingMillis();
}

package io.github.posa4j.leader;

/**
 * Hears what happens to a {@link Membership}, on its thread: how Flight Recorder events, the
 * MBean and Micrometer's gauges learn of it. Must not throw.
 */
interface MembershipObserver {

  /** This process began to lead, with {@code epoch}. */
  void elected(Membership membership, long epoch);

  /** The leadership of {@code epoch} ended, for the reason {@code why}. */
  void revoked(Membership membership, long epoch, String why);

  /** Asking the store for the lease failed with {@code failure}. */
  void renewalFailed(Membership membership, Throwable failure);
}

package io.github.posa4j.leader.internal;

/**
 * Hears what happens to this JVM's memberships of elections: how Flight Recorder events, the
 * MBeans and Micrometer's gauges learn of them. Installed through
 * {@link io.github.posa4j.internal.InstalledObservers} or added at run time; called on the
 * membership's own thread (joined and left: on the joining and closing thread). Must not throw,
 * and must return quickly.
 */
public interface ElectionObserver {

  /** This JVM joined an election. */
  default void joined(ElectionView election) {}

  /** This process began to lead {@code election}, with {@code epoch}. */
  default void elected(ElectionView election, long epoch) {}

  /** The leadership of {@code epoch} ended, for the reason {@code why}. */
  default void revoked(ElectionView election, long epoch, String why) {}

  /** Asking the store for the lease failed with {@code failure}; the membership tries again later. */
  default void renewalFailed(ElectionView election, Throwable failure) {}

  /** This JVM left the election (the membership was closed). */
  default void left(ElectionView election) {}
}

package io.github.posa4j.observe;

import io.github.posa4j.leader.internal.ElectionObserver;
import io.github.posa4j.leader.internal.ElectionView;

/**
 * The observer through which leader elections emit their Flight Recorder events,
 * {@code io.github.posa4j.LeaderElected}, {@code LeaderRevoked} and {@code LeaseRenewalFailed};
 * {@link StandardObservers} installs it. Until Flight Recorder is initialised it loads no event class.
 */
final class ElectionEvents implements ElectionObserver {
  static final ElectionObserver INSTANCE = new ElectionEvents();

  private ElectionEvents() {}

  @Override
  public void elected(ElectionView election, long epoch) {
    if (Jfr.initialized()) {
      ElectionRecorder.elected(election, epoch);
    }
  }

  @Override
  public void revoked(ElectionView election, long epoch, String why) {
    if (Jfr.initialized()) {
      ElectionRecorder.revoked(election, epoch, why);
    }
  }

  @Override
  public void renewalFailed(ElectionView election, Throwable failure) {
    if (Jfr.initialized()) {
      ElectionRecorder.renewalFailed(election, failure);
    }
  }

  @Override
  public String toString() {
    return "posa4j Flight Recorder events of leader elections";
  }
}

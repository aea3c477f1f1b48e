package io.github.posa4j.observe;

import io.github.posa4j.leader.internal.ElectionView;

/** Commits the events of leader elections. Loaded only once Flight Recorder is initialised ({@link Jfr}). */
final class ElectionRecorder {
  private ElectionRecorder() {}

  static void elected(ElectionView election, long epoch) {
    LeaderElectedEvent event = new LeaderElectedEvent();
    if (event.shouldCommit()) {
      event.election = election.name();
      event.member = election.memberId();
      event.epoch = epoch;
      event.commit();
    }
  }

  static void revoked(ElectionView election, long epoch, String why) {
    LeaderRevokedEvent event = new LeaderRevokedEvent();
    if (event.shouldCommit()) {
      event.election = election.name();
      event.member = election.memberId();
      event.epoch = epoch;
      event.reason = why;
      event.commit();
    }
  }

  static void renewalFailed(ElectionView election, Throwable failure) {
    LeaseRenewalFailedEvent event = new LeaseRenewalFailedEvent();
    if (event.shouldCommit()) {
      event.election = election.name();
      event.member = election.memberId();
      event.leader = election.isLeader();
      event.failureClass = failure.getClass().getName();
      event.failureMessage = failure.getMessage();
      event.commit();
    }
  }
}

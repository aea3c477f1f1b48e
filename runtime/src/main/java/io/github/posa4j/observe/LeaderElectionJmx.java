package io.github.posa4j.observe;

import io.github.posa4j.leader.internal.ElectionObserver;
import io.github.posa4j.leader.internal.ElectionView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;

/** The JMX face of one membership of an election, and the observer that registers and unregisters them. */
final class LeaderElectionJmx implements LeaderElectionMXBean {
  private final ElectionView election;

  LeaderElectionJmx(ElectionView election) {
    this.election = election;
  }

  /** Registers each membership when it is joined, and unregisters it when it is left. */
  static ElectionObserver registrar() {
    Map<ElectionView, ObjectName> registered = new ConcurrentHashMap<>();
    return new ElectionObserver() {
      @Override
      public void joined(ElectionView election) {
        ObjectName name = Jmx.name("LeaderElection", election.name());
        if (Jmx.register(name, new LeaderElectionJmx(election))) {
          registered.put(election, name);
        }
      }

      @Override
      public void left(ElectionView election) {
        ObjectName name = registered.remove(election);
        if (name != null) {
          Jmx.unregister(name);
        }
      }
    };
  }

  @Override
  public String getName() {
    return election.name();
  }

  @Override
  public String getMemberId() {
    return election.memberId();
  }

  @Override
  public String getUrl() {
    return election.url();
  }

  @Override
  public boolean isLeader() {
    return election.isLeader();
  }

  @Override
  public long getEpoch() {
    return election.epoch();
  }

  @Override
  public long getLeaseMillis() {
    return election.leaseMillis();
  }

  @Override
  public long getLeaseRemainingMillis() {
    return election.leaseRemainingMillis();
  }
}

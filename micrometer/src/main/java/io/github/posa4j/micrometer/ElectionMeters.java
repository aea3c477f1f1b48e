package io.github.posa4j.micrometer;

import io.github.posa4j.leader.internal.ElectionObserver;
import io.github.posa4j.leader.internal.ElectionView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Registers the gauges of each membership of a leader election while it lasts, on one
 * {@link MeterRegistry}; see the table in {@link Posa4jMetrics}.
 */
final class ElectionMeters implements ElectionObserver {
  static final String LEADER = "posa4j.election.leader";
  static final String EPOCH = "posa4j.election.epoch";
  static final String LEASE_REMAINING = "posa4j.election.lease.remaining";
  static final String MEMBER_TAG = "member";

  private final MetersByName<ElectionView> meters;

  ElectionMeters(MeterRegistry registry) {
    this.meters = new MetersByName<>("an election", registry);
  }

  @Override
  public void joined(ElectionView election) {
    meters.bind(election.name(), election, ElectionMeters::register);
  }

  @Override
  public void left(ElectionView election) {
    meters.unbind(election.name(), election);
  }

  /** Removes every meter registered here and registers none from now on. */
  void close() {
    meters.close();
  }

  private static List<Meter> register(ElectionView election, MeterRegistry registry) {
    Tags tags = Tags.of(ActiveObjectMeters.NAME_TAG, election.name(), MEMBER_TAG, election.memberId());
    return List.of(
        Gauge.builder(LEADER, election, view -> view.isLeader() ? 1 : 0)
            .tags(tags)
            .description("1 while this process leads the election, 0 otherwise")
            .register(registry),
        Gauge.builder(EPOCH, election, ElectionView::epoch)
            .tags(tags)
            .description("The epoch (fencing token) of the leadership this process holds; 0 when it does not lead")
            .register(registry),
        Gauge.builder(LEASE_REMAINING, election, ElectionView::leaseRemainingMillis)
            .tags(tags)
            .baseUnit("milliseconds")
            .description("Time left before the leadership's deadline unless the lease is renewed; 0 when not leading")
            .register(registry));
  }
}

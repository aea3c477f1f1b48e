package io.github.posa4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.leader.LeaderElection;
import io.github.posa4j.leader.PostgresServer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A membership's gauges, against a real PostgreSQL server: leading, its epoch and its lease, gone when it is left. */
class ElectionMetricsTest extends MetricsFixture {
  private static final String ELECTION = "metered-" + ProcessHandle.current().pid();

  @AfterEach
  void clearProperties() {
    System.clearProperty("posa4j.election." + ELECTION + ".lease");
    System.clearProperty("posa4j.election." + ELECTION + ".member");
  }

  private double gauge(String meter) {
    return meters.get(meter).tag("name", ELECTION).tag("member", "metered-1").gauge().value();
  }

  @Test
  void theGaugesShowTheLeadershipAndGoWhenTheMembershipIsLeft() throws Exception {
    System.setProperty("posa4j.election." + ELECTION + ".lease", "3000");
    System.setProperty("posa4j.election." + ELECTION + ".member", "metered-1");
    LeaderElection election = LeaderElection.join(ELECTION, PostgresServer.shared().url());
    metrics.bindTo(meters); // after joining: a membership that exists when bound gets its meters too
    BlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    election.onElected(elected::add);
    long epoch = elected.poll(10, TimeUnit.SECONDS);

    assertThat(gauge("posa4j.election.leader")).isEqualTo(1.0);
    assertThat(gauge("posa4j.election.epoch")).isEqualTo((double) epoch);
    assertThat(gauge("posa4j.election.lease.remaining")).isPositive().isLessThanOrEqualTo(3000.0);
    assertThat(meters.get("posa4j.election.lease.remaining").gauge().getId().getBaseUnit()).isEqualTo("milliseconds");

    election.close();
    assertThat(meters.find("posa4j.election.leader").tag("name", ELECTION).gauge()).as("gone with the membership").isNull();
  }
}

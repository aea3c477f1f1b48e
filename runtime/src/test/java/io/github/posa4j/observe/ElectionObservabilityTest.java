package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.leader.LeaderElection;
import io.github.posa4j.leader.PostgresServer;
import io.github.posa4j.leader.internal.ElectionObserver;
import io.github.posa4j.leader.internal.ElectionView;
import io.github.posa4j.leader.internal.Elections;
import java.lang.management.ManagementFactory;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A membership of an election is an MBean while it lasts, and its leaderships and failed
 * renewals are Flight Recorder events; against a real PostgreSQL server.
 */
class ElectionObservabilityTest {
  private static RecordedEvents recorded;
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ElectionObserver registrar = LeaderElectionJmx.registrar();

  @BeforeAll
  static void record() {
    recorded = RecordedEvents.start();
  }

  @AfterAll
  static void stop() {
    recorded.close();
  }

  @AfterEach
  void clearProperties() {
    Elections.removeObserver(registrar);
    System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("posa4j.election."))
        .forEach(System::clearProperty);
  }

  @Test
  void aMembershipIsAnMBeanAndItsLeadershipsAreEvents() throws Exception {
    String election = "observed-" + ProcessHandle.current().pid();
    System.setProperty("posa4j.election." + election + ".lease", "2000");
    System.setProperty("posa4j.election." + election + ".member", "observer-1");
    Elections.addObserver(registrar);
    BlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    LeaderElection membership = LeaderElection.join(election, PostgresServer.shared().url()).onElected(elected::add);
    long epoch = elected.poll(10, TimeUnit.SECONDS);
    ObjectName name = new ObjectName("io.github.posa4j:type=LeaderElection,name=\"" + election + "\"");

    assertThat(server.getAttribute(name, "Name")).isEqualTo(election);
    assertThat(server.getAttribute(name, "MemberId")).isEqualTo("observer-1");
    assertThat(server.getAttribute(name, "Url")).isEqualTo(PostgresServer.shared().url());
    assertThat(server.getAttribute(name, "Leader")).isEqualTo(true);
    assertThat(server.getAttribute(name, "Epoch")).isEqualTo(epoch);
    assertThat(server.getAttribute(name, "LeaseMillis")).isEqualTo(2000L);
    assertThat((Long) server.getAttribute(name, "LeaseRemainingMillis")).isPositive().isLessThanOrEqualTo(2000L);

    RecordedEvent began = recorded.await("LeaderElected", event -> election.equals(event.getString("election")));
    assertThat(began.getLong("epoch")).isEqualTo(epoch);
    assertThat(began.getString("member")).isEqualTo("observer-1");
    assertThat(began.getEventType().getCategoryNames()).containsExactly("posa4j", "Leader Election");

    membership.close();
    RecordedEvent ended = recorded.await("LeaderRevoked", event -> election.equals(event.getString("election")));
    assertThat(ended.getLong("epoch")).isEqualTo(epoch);
    assertThat(ended.getString("reason")).isEqualTo("the member resigned");
    assertThat(server.isRegistered(name)).as("gone with the membership").isFalse();
  }

  @Test
  void aStoreThatCannotBeReachedIsAFailedRenewalEventAndTheLeaderStepsDownByItsDeadline() throws Exception {
    String election = "unreachable-" + ProcessHandle.current().pid();
    System.setProperty("posa4j.election." + election + ".lease", "1000");
    try (PostgresServer own = PostgresServer.start()) {
      BlockingQueue<Long> elected = new LinkedBlockingQueue<>();
      BlockingQueue<String> reasons = new LinkedBlockingQueue<>();
      ElectionObserver observer = new ElectionObserver() {
        @Override
        public void revoked(ElectionView view, long epoch, String why) {
          if (view.name().equals(election)) {
            reasons.add(why);
          }
        }
      };
      Elections.addObserver(observer);
      try (LeaderElection membership = LeaderElection.join(election, own.url())) {
        membership.onElected(elected::add);
        assertThat(elected.poll(10, TimeUnit.SECONDS)).isPositive();
        own.stop();

        RecordedEvent failed = recorded.await("LeaseRenewalFailed", event -> election.equals(event.getString("election")));
        assertThat(failed.getString("failureClass")).isNotBlank();
        assertThat(reasons.poll(10, TimeUnit.SECONDS)).as("stepped down by its deadline")
            .isEqualTo("its lease could not be renewed before its deadline");
        own.restart();
      } finally {
        Elections.removeObserver(observer);
      }
    }
  }
}

package io.github.posa4j.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database going away under a leader and coming back, with a lease of one second: the
 * leader steps down by its deadline, nobody leads while the server is down, the member leads
 * again once it is back (with a greater epoch), and no exception reaches any other thread.
 */
class PostgresOutageTest {
  private static final long LEASE_MILLIS = 1_000;
  /** The deadline timer on 2 busy cores, and the JVM: slack on top of the bound. */
  private static final long SLACK_MILLIS = 500;

  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
    System.clearProperty("posa4j.election.outage.lease");
  }

  @Test
  void theLeaderStepsDownByItsDeadlineNobodyLeadsMeanwhileAndItLeadsAgainAfter() throws Exception {
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
    System.setProperty("posa4j.election.outage.lease", Long.toString(LEASE_MILLIS));
    BlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    BlockingQueue<Long> revoked = new LinkedBlockingQueue<>();
    try (PostgresServer server = PostgresServer.start();
        LeaderElection election = LeaderElection.join("outage", server.url())) {
      election.onElected(elected::add).onRevoked(() -> revoked.add(System.nanoTime()));
      long first = elected.poll(10, TimeUnit.SECONDS);

      long stopped = System.nanoTime();
      server.stop();
      long steppedDown = revoked.poll(10, TimeUnit.SECONDS);
      assertThat(TimeUnit.NANOSECONDS.toMillis(steppedDown - stopped)).as("stepped down by its deadline")
          .isLessThanOrEqualTo(LEASE_MILLIS + SLACK_MILLIS);
      assertThat(election.isLeader()).isFalse();

      long downUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * LEASE_MILLIS);
      while (System.nanoTime() - downUntil < 0) {
        assertThat(election.isLeader()).as("nobody leads while the database is down").isFalse();
        Thread.sleep(10);
      }
      assertThat(elected).as("no leadership began while the database was down").isEmpty();

      server.restart();
      long second = elected.poll(10, TimeUnit.SECONDS);
      assertThat(second).as("a new leadership after the outage").isGreaterThan(first);
      assertThat(election.isLeader()).isTrue();
    }
    assertThat(uncaught).as("exceptions that escaped to other threads").isEmpty();
  }
}

package io.github.posa4j.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.leader.ElectionMember;
import io.github.posa4j.leader.LeaderElection;
import io.github.posa4j.leader.LeaseStore;
import io.github.posa4j.leader.MemberJvm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The ZooKeeper server goes away and comes back, under a member in this JVM that leads and one in
 * a child JVM that waits: the leader steps down by its deadline, nobody leads while the server is
 * gone, someone leads once it is back, and no exception escapes to any thread.
 */
@EnabledOnOs(OS.LINUX) // the child member's clock is compared with this JVM's
class ZooKeeperOutageTest {
  private static final long LEASE_MILLIS = 1_000;
  private static final Duration LEASE = Duration.ofMillis(LEASE_MILLIS);
  /** How long the server stays away: long enough for the sessions of both members to time out. */
  private static final long OUTAGE_MILLIS = 2_500;
  private static final String NAME = "outage";

  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
  private ZooKeeperTestServer server;
  private LeaderElection election;
  private MemberJvm child;
  private LeaseStore probe;

  @AfterEach
  void cleanUp() throws Exception {
    if (election != null) {
      election.close();
    }
    if (child != null) {
      MemberJvm.destroyAll(List.of(child));
    }
    if (probe != null) {
      probe.close();
    }
    if (server != null) {
      server.close();
    }
    System.clearProperty("posa4j.election." + NAME + ".lease");
    Thread.setDefaultUncaughtExceptionHandler(previousHandler);
  }

  @Test
  void theLeaderStepsDownByItsDeadlineNobodyLeadsWhileTheServerIsGoneAndSomeoneLeadsWhenItIsBack() throws Exception {
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
    server = ZooKeeperTestServer.start();
    String url = server.url("/posa4j");
    System.setProperty("posa4j.election." + NAME + ".lease", Long.toString(LEASE_MILLIS));
    BlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    CountDownLatch revoked = new CountDownLatch(1);
    election = LeaderElection.join(NAME, url).onElected(elected::add).onRevoked(revoked::countDown);
    Long firstEpoch = elected.poll(MemberJvm.PATIENCE_SECONDS, TimeUnit.SECONDS);
    assertThat(firstEpoch).as("elected").isNotNull();
    child = MemberJvm.start("child", MemberJvm.electionOptions(NAME, "child", LEASE_MILLIS), ElectionMember.class, NAME, url);
    child.await(line -> line.startsWith("READY"));
    probe = connectedProbe(server.url("/probe"));

    long stopped = System.nanoTime();
    server.stop();

    long asked = System.nanoTime();
    assertThatThrownBy(() -> probe.acquire(LEASE, 0)).as("a connected store's call to a stopped server")
        .hasMessageContaining(server.url("/probe"));
    assertThat(millisSince(asked)).as("a call waits a third of the lease").isLessThan(LEASE_MILLIS / 3 + 500);

    long until = stopped + TimeUnit.MILLISECONDS.toNanos(OUTAGE_MILLIS);
    long revokedAfter = -1;
    while (System.nanoTime() - until < 0) {
      if (revokedAfter < 0 && revoked.getCount() == 0) {
        revokedAfter = millisSince(stopped);
      }
      if (millisSince(stopped) >= LEASE_MILLIS) {
        assertThat(election.isLeader()).as("leading a lease after the server went away").isFalse();
      }
      assertThat(child.openBegin()).as("the child leading while the server is gone").isZero();
      Thread.sleep(10);
    }
    // Told on the election's thread, which may be waiting for a call to the server when the deadline passes.
    assertThat(revokedAfter).as("the leader was told it stepped down, ms after the server went away")
        .isBetween(0L, LEASE_MILLIS + LEASE_MILLIS / 3 + 200);
    long restarted = System.nanoTime();
    server.restart();

    long deadline = restarted + TimeUnit.SECONDS.toNanos(MemberJvm.PATIENCE_SECONDS);
    while (!election.isLeader() && child.openBegin() == 0 && System.nanoTime() - deadline < 0) {
      Thread.sleep(10);
    }
    long epoch = election.isLeader() ? election.epoch().orElse(0) : child.openEpoch();
    assertThat(epoch).as("someone leads once the server is back, with a greater epoch").isGreaterThan(firstEpoch);
    for (long[] interval : child.intervals()) {
      assertThat(interval[1]).as("the child began to lead only after the server came back").isGreaterThan(restarted);
    }
    assertThat(uncaught).as("exceptions that escaped to threads").isEmpty();
  }

  /** A store of another election, connected, to time one call to the stopped server. */
  private static LeaseStore connectedProbe(String url) throws Exception {
    LeaseStore store = new ZooKeeperLeaseStoreProvider().open("probe", url, "probe");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MemberJvm.PATIENCE_SECONDS);
    while (true) {
      try {
        store.acquire(LEASE, 0);
        return store;
      } catch (java.io.IOException e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
        Thread.sleep(10);
      }
    }
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}

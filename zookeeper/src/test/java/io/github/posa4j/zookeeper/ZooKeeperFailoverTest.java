package io.github.posa4j.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Three members in child JVMs against a real ZooKeeper server, with a lease of one second: one
 * leader at a time, a killed leader replaced within a lease and a renewal, and a paused leader
 * that learns it lost. Every member prints its leadership intervals with
 * {@link System#nanoTime()}, which is one clock for every process on Linux, so that they can be
 * compared across processes.
 */
@EnabledOnOs(OS.LINUX) // SIGKILL, SIGSTOP and one monotonic clock shared by processes
class ZooKeeperFailoverTest {
  private static final long LEASE_MILLIS = 1_000;
  private static final long RENEWAL_MILLIS = LEASE_MILLIS / 3;
  /** The server's tick (its sessions expire on ticks), polling every millisecond, 2 busy cores. */
  private static final long SLACK_MILLIS = 700;
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static ZooKeeperTestServer server;

  private final String name = "failover-" + NAMES.incrementAndGet();
  private final List<MemberProcess> members = new ArrayList<>();

  @BeforeAll
  static void startServer() throws Exception {
    server = ZooKeeperTestServer.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @AfterEach
  void killMembers() throws Exception {
    for (MemberProcess member : members) {
      member.signal("CONT");
      member.process.destroyForcibly();
    }
  }

  @Test
  void oneLeaderAtATimeAndAKilledLeaderIsReplacedWithinALeaseAndARenewal() throws Exception {
    String url = server.url("/posa4j");
    for (int i = 1; i <= 3; i++) {
      members.add(MemberProcess.start(name, url, "m" + i, LEASE_MILLIS));
    }
    for (MemberProcess member : members) {
      member.await(line -> line.startsWith("READY"));
    }
    for (int round = 1; round <= 2; round++) {
      MemberProcess leader = awaitLeaderOtherThan(null);
      leader.kill();
      MemberProcess next = awaitLeaderOtherThan(leader);
      long failoverMillis = TimeUnit.NANOSECONDS.toMillis(next.openBegin() - leader.killedAt);
      assertThat(failoverMillis).as("round %d: from the kill to the next leader", round)
          .isLessThanOrEqualTo(LEASE_MILLIS + RENEWAL_MILLIS + SLACK_MILLIS);
      members.add(MemberProcess.start(name, url, "m" + (3 + round), LEASE_MILLIS));
    }
    assertOneLeaderAtATime();
  }

  @Test
  void aPausedLeaderNeverSeesItselfLeadAfterThePauseWhileAnotherLeadsWithAGreaterEpoch() throws Exception {
    String url = server.url("/posa4j");
    for (int i = 1; i <= 3; i++) {
      members.add(MemberProcess.start(name, url, "m" + i, LEASE_MILLIS));
    }
    MemberProcess leader = awaitLeaderOtherThan(null);
    long held = leader.openEpoch();

    leader.signal("STOP");
    long paused = System.nanoTime(); // kill has returned: the signal was delivered
    MemberProcess next = awaitLeaderOtherThan(leader);
    assertThat(next.openEpoch()).isGreaterThan(held);
    awaitMillisSince(paused, LEASE_MILLIS + RENEWAL_MILLIS); // paused well past its lease
    long resumed = System.nanoTime();
    leader.signal("CONT");

    String end = leader.await(line -> line.startsWith("END " + held + " "));
    long lastSeenLeading = Long.parseLong(end.split(" ")[2]);
    assertThat(lastSeenLeading).as("it never saw itself lead after it was paused").isLessThan(paused);
    assertThat(lastSeenLeading).as("its leadership ended before the next began").isLessThan(next.openBegin());
    // Its member goes on: it rejoins the line behind the others, and another lease on it still does not lead.
    awaitMillisSince(resumed, LEASE_MILLIS);
    assertThat(leader.lines).as("it did not lead again after it was resumed at %d", resumed)
        .filteredOn(line -> line.startsWith("BEGIN ")).hasSize(1);
    assertThat(next.openBegin()).as("the next leader still leads").isPositive();
    assertOneLeaderAtATime();
  }

  /** Waits until a member other than {@code previous} leads: it printed a BEGIN with no END after it. */
  private MemberProcess awaitLeaderOtherThan(MemberProcess previous) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MemberProcess.WAIT_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      for (MemberProcess member : members) {
        if (member != previous && member.killedAt == 0 && member.openBegin() != 0) {
          return member;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no member other than " + previous + " led within " + MemberProcess.WAIT_SECONDS
        + " s: " + members);
  }

  private static void awaitMillisSince(long start, long millis) throws InterruptedException {
    long until = start + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
      Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
  }

  /** No two intervals of different members overlap, and epochs grow with time. */
  private void assertOneLeaderAtATime() {
    List<long[]> intervals = new ArrayList<>(); // epoch, begin, end, member
    for (int i = 0; i < members.size(); i++) {
      for (long[] interval : members.get(i).intervals()) {
        intervals.add(new long[] {interval[0], interval[1], interval[2], i});
      }
    }
    intervals.sort(Comparator.comparingLong(interval -> interval[1]));
    for (int i = 1; i < intervals.size(); i++) {
      long[] before = intervals.get(i - 1);
      long[] after = intervals.get(i);
      assertThat(after[0]).as("epochs grow: %s", describe(intervals)).isGreaterThan(before[0]);
      if (before[3] != after[3]) {
        assertThat(after[1]).as("a leader began only after the one before it ended: %s", describe(intervals))
            .isGreaterThan(before[2]);
      }
    }
    assertThat(intervals).as("leaderships seen").hasSizeGreaterThanOrEqualTo(2);
  }

  private static String describe(List<long[]> intervals) {
    StringBuilder text = new StringBuilder();
    for (long[] interval : intervals) {
      text.append("\n  epoch ").append(interval[0]).append(" by m").append(interval[3] + 1).append(": ")
          .append(interval[1]).append(" .. ").append(interval[2]);
    }
    return text.toString();
  }
}

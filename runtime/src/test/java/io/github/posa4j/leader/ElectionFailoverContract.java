package io.github.posa4j.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What every backend of {@link LeaderElection} must do, with three members in child JVMs
 * ({@link ElectionMember}) and a lease of one second: one leader at a time with epochs that only
 * grow, a killed leader replaced within a lease and a renewal, and a leader paused past its lease
 * that learns it lost, whose late fenced write the PostgreSQL table turns away, and which never
 * starts a {@code @LeaderOnly} body under its old epoch after the pause. A backend's test extends
 * this class and names its store; the fencing table is always on a real PostgreSQL server.
 */
@EnabledOnOs(OS.LINUX) // SIGKILL, SIGSTOP, /proc, and one monotonic clock shared by processes
public abstract class ElectionFailoverContract {
  protected static final long LEASE_MILLIS = 1_000;
  protected static final long RENEWAL_MILLIS = LEASE_MILLIS / 3;
  /** Starting a JVM, polling every millisecond, a server's tick, 2 busy cores: slack on top of the bound. */
  protected static final long SLACK_MILLIS = 700;
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final String name = "failover-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();
  private final List<MemberJvm> members = new ArrayList<>();

  /** The URL the members join, e.g. {@code jdbc:postgresql://...} or {@code zookeeper://...}. */
  protected abstract String electionUrl() throws Exception;

  @AfterEach
  void killMembers() {
    MemberJvm.destroyAll(members);
  }

  @Test
  void oneLeaderAtATimeAndAKilledLeaderIsReplacedWithinALeaseAndARenewal() throws Exception {
    startMembers();
    for (MemberJvm member : members) {
      member.await(line -> line.startsWith("READY"));
    }
    for (int round = 1; round <= 3; round++) {
      MemberJvm leader = MemberJvm.awaitLeader(members, null);
      leader.kill();
      MemberJvm next = MemberJvm.awaitLeader(members, leader);
      long failoverMillis = TimeUnit.NANOSECONDS.toMillis(next.openBegin() - leader.killedAt());
      assertThat(failoverMillis).as("round %d: from the kill to the next leader", round)
          .isLessThanOrEqualTo(LEASE_MILLIS + RENEWAL_MILLIS + SLACK_MILLIS);
      members.add(startMember("m" + (3 + round)));
    }
    assertOneLeaderAtATime();
  }

  @Test
  void aPausedLeaderLearnsItLostAndItsLateWriteIsTurnedAway() throws Exception {
    startMembers();
    MemberJvm leader = MemberJvm.awaitLeader(members, null);
    leader.send("HOLD");
    long held = Long.parseLong(leader.await(line -> line.startsWith("HOLDING ")).split(" ")[1]);
    assertThat(held).as("the epoch a call in flight holds").isPositive();
    leader.await(line -> line.startsWith("BODY " + held + " ")); // its @LeaderOnly body ran under that epoch

    leader.stop();
    long paused = System.nanoTime(); // every thread of the member has stopped
    MemberJvm next = MemberJvm.awaitLeader(members, leader);
    long newEpoch = next.openEpoch();
    assertThat(newEpoch).isGreaterThan(held);
    next.await(line -> line.equals("WROTE " + newEpoch));
    // The next leader may begin up to a renewal interval less than a lease after the pause (a
    // store counts from the last renewal): the pause is made to last past the lease all the same.
    awaitMillisSince(paused, LEASE_MILLIS + RENEWAL_MILLIS);
    long resumed = System.nanoTime();
    leader.signal("CONT");

    leader.send("WRITE");
    assertThat(leader.await(line -> line.startsWith("ACCEPTED ") || line.startsWith("REJECTED ")))
        .as("the paused call's fenced write").isEqualTo("REJECTED " + held);
    String end = leader.await(line -> line.startsWith("END " + held + " "));
    long lastSeenLeading = Long.parseLong(end.split(" ")[2]);
    assertThat(lastSeenLeading).as("it never saw itself lead after it was paused").isLessThan(paused);
    assertThat(lastSeenLeading).as("its leadership ended before the next began").isLessThan(next.openBegin());
    // A lease after it resumed, it has still not led again nor run a body under its old epoch.
    awaitMillisSince(resumed, LEASE_MILLIS);
    assertThat(leader.lines()).as("every @LeaderOnly body it ran with epoch %d began before the pause", held)
        .filteredOn(line -> line.startsWith("BODY " + held + " "))
        .allMatch(line -> Long.parseLong(line.split(" ")[2]) < paused);
    assertThat(leader.lines()).as("it did not lead again after it was resumed at %d", resumed)
        .filteredOn(line -> line.startsWith("BEGIN ")).hasSize(1);
    assertThat(next.openBegin()).as("the next leader still leads").isPositive();
    assertOneLeaderAtATime();
  }

  private void startMembers() throws Exception {
    for (int i = 1; i <= 3; i++) {
      members.add(startMember("m" + i));
    }
  }

  private MemberJvm startMember(String id) throws Exception {
    return MemberJvm.startElectionMember(id, name, electionUrl(), PostgresServer.shared().url(), LEASE_MILLIS);
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

  private String describe(List<long[]> intervals) {
    StringBuilder text = new StringBuilder();
    for (long[] interval : intervals) {
      text.append("\n  epoch ").append(interval[0]).append(" by ").append(members.get((int) interval[3]).id())
          .append(": ").append(interval[1]).append(" .. ").append(interval[2]);
    }
    return text.toString();
  }
}

package io.github.posa4j.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Three members in child JVMs against a real PostgreSQL server, with a lease of one second: one
 * leader at a time, a killed leader replaced within a lease and a renewal, and a paused leader
 * whose late write the fencing table turns away. Every member prints its leadership intervals with
 * {@link System#nanoTime()}, which is one clock for every process on Linux, so that they can be
 * compared across processes.
 */
@EnabledOnOs(OS.LINUX) // SIGKILL, SIGSTOP and one monotonic clock shared by processes
class PostgresFailoverTest {
  private static final long LEASE_MILLIS = 1_000;
  private static final long RENEWAL_MILLIS = LEASE_MILLIS / 3;
  /** Starting a JVM, polling every millisecond, scheduling on 2 busy cores: slack on top of the bound. */
  private static final long SLACK_MILLIS = 700;
  private static final long WAIT_SECONDS = 20;
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final String name = "failover-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();
  private final List<Member> members = new ArrayList<>();

  @AfterEach
  void killMembers() {
    for (Member member : members) {
      signal(member, "CONT");
      member.process.destroyForcibly();
    }
  }

  @Test
  void oneLeaderAtATimeAndAKilledLeaderIsReplacedWithinALeaseAndARenewal() throws Exception {
    String url = PostgresServer.shared().url();
    for (int i = 1; i <= 3; i++) {
      members.add(Member.start(name, url, "m" + i));
    }
    for (Member member : members) {
      member.await(line -> line.startsWith("READY"));
    }
    for (int round = 1; round <= 3; round++) {
      Member leader = awaitLeader();
      long killed = System.nanoTime();
      leader.process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      leader.killedAt = killed;
      Member next = awaitLeaderOtherThan(leader);
      long failoverMillis = TimeUnit.NANOSECONDS.toMillis(next.openBegin() - killed);
      assertThat(failoverMillis).as("round %d: from the kill to the next leader", round)
          .isLessThanOrEqualTo(LEASE_MILLIS + RENEWAL_MILLIS + SLACK_MILLIS);
      members.add(Member.start(name, url, "m" + (3 + round)));
    }
    assertOneLeaderAtATime();
  }

  @Test
  void aPausedLeaderLearnsItLostAndItsLateWriteIsTurnedAway() throws Exception {
    String url = PostgresServer.shared().url();
    for (int i = 1; i <= 3; i++) {
      members.add(Member.start(name, url, "m" + i));
    }
    Member leader = awaitLeader();
    leader.send("HOLD");
    long held = Long.parseLong(leader.await(line -> line.startsWith("HOLDING ")).split(" ")[1]);
    assertThat(held).isPositive();
    leader.await(line -> line.startsWith("BODY " + held + " ")); // its @LeaderOnly body ran under that epoch

    signal(leader, "STOP");
    awaitStopped(leader);
    long paused = System.nanoTime(); // every thread of the member has stopped
    Member next = awaitLeaderOtherThan(leader);
    long newEpoch = next.openEpoch();
    assertThat(newEpoch).isGreaterThan(held);
    next.await(line -> line.equals("WROTE " + newEpoch));
    // The next leader may begin up to a renewal interval less than a lease after the pause (the
    // store counts from the last renewal): the pause is made to last past the lease all the same.
    long pausedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - paused);
    if (pausedMillis <= LEASE_MILLIS) {
      Thread.sleep(LEASE_MILLIS - pausedMillis + 1);
    }
    long resumed = System.nanoTime();
    signal(leader, "CONT");

    leader.send("WRITE");
    assertThat(leader.await(line -> line.startsWith("ACCEPTED ") || line.startsWith("REJECTED ")))
        .isEqualTo("REJECTED " + held);
    String end = leader.await(line -> line.startsWith("END " + held + " "));
    long lastSeenLeading = Long.parseLong(end.split(" ")[2]);
    assertThat(lastSeenLeading).as("it never saw itself lead after it was paused").isLessThan(paused);
    assertThat(leader.lines).as("every @LeaderOnly body it ran with epoch %d began before the pause", held)
        .filteredOn(line -> line.startsWith("BODY " + held + " "))
        .allMatch(line -> Long.parseLong(line.split(" ")[2]) < paused);
    assertThat(lastSeenLeading).as("its leadership ended before the next began").isLessThan(next.openBegin());
    assertThat(leader.lines).as("it did not lead again after it was resumed at %d", resumed)
        .filteredOn(line -> line.startsWith("BEGIN ")).hasSize(1);
    assertOneLeaderAtATime();
  }

  private Member awaitLeader() throws InterruptedException {
    return awaitLeaderOtherThan(null);
  }

  /** Waits until a member other than {@code previous} leads: it printed a BEGIN with no END after it. */
  private Member awaitLeaderOtherThan(Member previous) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      for (Member member : members) {
        if (member != previous && member.killedAt == 0 && member.openBegin() != 0) {
          return member;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no member other than " + previous + " led within " + WAIT_SECONDS + " s: " + members);
  }

  /** No two intervals of different members overlap, and epochs grow with time. */
  private void assertOneLeaderAtATime() {
    List<long[]> intervals = new ArrayList<>(); // epoch, begin, end, member
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      for (long[] interval : member.intervals()) {
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
      text.append("\n  epoch ").append(interval[0]).append(" by m").append(interval[3] + 1).append(": ")
          .append(interval[1]).append(" .. ").append(interval[2]);
    }
    return text.toString();
  }

  /**
   * Waits until every thread of {@code member} is stopped: {@code kill} returns once the signal is
   * sent, and a thread running on another core goes on until it takes the signal.
   */
  private static void awaitStopped(Member member) throws IOException, InterruptedException {
    Path tasks = Path.of("/proc", Long.toString(member.process.pid()), "task");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      boolean allStopped = true;
      try (Stream<Path> threads = Files.list(tasks)) {
        for (Path thread : (Iterable<Path>) threads::iterator) {
          String stat = Files.readString(thread.resolve("stat"));
          char state = stat.charAt(stat.lastIndexOf(')') + 2);
          allStopped &= state == 'T' || state == 't';
        }
      } catch (NoSuchFileException threadEnded) {
        allStopped = false;
      }
      if (allStopped) {
        return;
      }
      Thread.sleep(1);
    }
    throw new AssertionError(member.id + " did not stop within " + WAIT_SECONDS + " s");
  }

  private static void signal(Member member, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(member.process.pid())).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A child JVM running {@link ElectionMember}, and every line it printed. */
  static final class Member {
    final String id;
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile long killedAt;

    private Member(String id, Process process) {
      this.id = id;
      this.process = process;
    }

    static Member start(String name, String url, String id) throws IOException {
      Process process = new ProcessBuilder(PostgresElectionTest.javaBin(), "-cp", System.getProperty("java.class.path"),
          "-Dposa4j.election." + name + ".lease=" + LEASE_MILLIS, "-Dposa4j.election." + name + ".member=" + id,
          ElectionMember.class.getName(), name, url).redirectErrorStream(true).start();
      Member member = new Member(id, process);
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            member.lines.add(line);
          }
        } catch (IOException e) {
          member.lines.add("READ FAILED " + e);
        }
      }, "member-" + id);
      reader.setDaemon(true);
      reader.start();
      return member;
    }

    void send(String command) throws IOException {
      OutputStream in = process.getOutputStream();
      in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    String await(Predicate<String> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (System.nanoTime() - deadline < 0) {
        for (String line : lines) {
          if (wanted.test(line)) {
            return line;
          }
        }
        Thread.sleep(5);
      }
      throw new AssertionError(id + " printed nothing wanted within " + WAIT_SECONDS + " s: " + lines);
    }

    /** The nanoTime of a BEGIN with no END after it, or 0. */
    long openBegin() {
      long begin = 0;
      for (String line : lines) {
        if (line.startsWith("BEGIN ")) {
          begin = Long.parseLong(line.split(" ")[2]);
        } else if (line.startsWith("END ")) {
          begin = 0;
        }
      }
      return begin;
    }

    long openEpoch() {
      long epoch = 0;
      for (String line : lines) {
        if (line.startsWith("BEGIN ")) {
          epoch = Long.parseLong(line.split(" ")[1]);
        } else if (line.startsWith("END ")) {
          epoch = 0;
        }
      }
      return epoch;
    }

    /** {epoch, begin, end}: an interval still open ends when the member was killed, or now. */
    List<long[]> intervals() {
      List<long[]> intervals = new ArrayList<>();
      long[] open = null;
      for (String line : lines) {
        String[] words = line.split(" ");
        if (words[0].equals("BEGIN")) {
          open = new long[] {Long.parseLong(words[1]), Long.parseLong(words[2]), 0};
        } else if (words[0].equals("END") && open != null) {
          open[2] = Long.parseLong(words[2]);
          intervals.add(open);
          open = null;
        }
      }
      if (open != null) {
        open[2] = killedAt != 0 ? killedAt : System.nanoTime();
        intervals.add(open);
      }
      return intervals;
    }

    @Override
    public String toString() {
      return id + lines;
    }
  }
}

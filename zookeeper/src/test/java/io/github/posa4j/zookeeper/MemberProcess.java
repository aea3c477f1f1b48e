package io.github.posa4j.zookeeper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A child JVM running {@link ZooKeeperMember}, every line it printed, and its leaderships. */
final class MemberProcess {
  static final long WAIT_SECONDS = 20;

  final String id;
  final Process process;
  final List<String> lines = new CopyOnWriteArrayList<>();
  /** When the test killed it ({@link System#nanoTime()}), or 0. */
  volatile long killedAt;

  private MemberProcess(String id, Process process) {
    this.id = id;
    this.process = process;
  }

  static MemberProcess start(String election, String url, String id, long leaseMillis) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dposa4j.election." + election + ".lease=" + leaseMillis, "-Dposa4j.election." + election + ".member=" + id,
        ZooKeeperMember.class.getName(), election, url).redirectErrorStream(true).start();
    MemberProcess member = new MemberProcess(id, process);
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

  /** Waits (at most {@value #WAIT_SECONDS} s) for a line that {@code wanted} accepts. */
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
    long[] open = open();
    return open == null ? 0 : open[1];
  }

  /** The epoch of a BEGIN with no END after it, or 0. */
  long openEpoch() {
    long[] open = open();
    return open == null ? 0 : open[0];
  }

  private long[] open() {
    long[] open = null;
    for (String line : lines) {
      String[] words = line.split(" ");
      if (words[0].equals("BEGIN")) {
        open = new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
      } else if (words[0].equals("END")) {
        open = null;
      }
    }
    return open;
  }

  /** Its leaderships as {epoch, begin, end}: one still open ends when it was killed, or now. */
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

  /** Sends {@code kill -<signal>} and waits for {@code kill} to return (the signal is then delivered). */
  void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
  }

  void kill() throws InterruptedException {
    long killed = System.nanoTime();
    process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    killedAt = killed;
  }

  @Override
  public String toString() {
    return id + lines;
  }
}

package io.github.posa4j.leader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A member of an election in a child JVM, as the failover tests and the benchmarks' harnesses
 * drive it: its process, every line it printed, and its leaderships read from those lines.
 *
 * <p>The members ({@link ElectionMember}, and the benchmarks' own) print {@code BEGIN <epoch>
 * <nanos>} when they first see themselves lead with an epoch and {@code END <epoch> <nanos>} when
 * they last did, with {@link System#nanoTime()}: one clock for every process of a Linux machine,
 * so that intervals of different processes compare.
 */
public final class MemberJvm {
  /** How long any wait of this harness lasts before it fails. */
  public static final long PATIENCE_SECONDS = 30;

  private final String id;
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  /** When the harness killed it ({@link System#nanoTime()}), or 0. */
  private volatile long killedAt;

  private MemberJvm(String id, Process process) {
    this.id = id;
    this.process = process;
  }

  /**
   * Starts {@link ElectionMember} in election {@code name} on {@code url}, making its fenced
   * writes on the PostgreSQL server at {@code fenceUrl}, with a lease of {@code leaseMillis}.
   */
  public static MemberJvm startElectionMember(String id, String name, String url, String fenceUrl, long leaseMillis)
      throws IOException {
    return start(id, electionOptions(name, id, leaseMillis), ElectionMember.class, name, url, fenceUrl);
  }

  /** The system properties that give member {@code id} of {@code name} its id and lease. */
  public static List<String> electionOptions(String name, String id, long leaseMillis) {
    return List.of("-Dposa4j.election." + name + ".lease=" + leaseMillis, "-Dposa4j.election." + name + ".member=" + id);
  }

  /** Starts {@code mainClass} with {@code arguments} on this JVM's class path, with {@code jvmOptions}. */
  public static MemberJvm start(String id, List<String> jvmOptions, Class<?> mainClass, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add(mainClass.getName());
    command.addAll(List.of(arguments));
    MemberJvm member = new MemberJvm(id, new ProcessBuilder(command).redirectErrorStream(true).start());
    Thread reader = new Thread(member::readLines, "member-" + id);
    reader.setDaemon(true);
    reader.start();
    return member;
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("READ FAILED " + e);
    }
  }

  public String id() {
    return id;
  }

  public Process process() {
    return process;
  }

  /** Every line it printed so far. */
  public List<String> lines() {
    return lines;
  }

  /** The first line {@code wanted} accepts, waiting up to {@value #PATIENCE_SECONDS} s. */
  public String await(Predicate<String> wanted) throws InterruptedException {
    return awaitFrom(0, wanted);
  }

  /** The first line from the {@code from}th on that {@code wanted} accepts, waiting up to {@value #PATIENCE_SECONDS} s. */
  public String awaitFrom(int from, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      for (int i = from; i < lines.size(); i++) {
        if (wanted.test(lines.get(i))) {
          return lines.get(i);
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError(id + " printed nothing wanted within " + PATIENCE_SECONDS + " s: " + lines);
  }

  /** Writes {@code command} and a new line to its standard input. */
  public void send(String command) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Sends {@code kill -<signal>} and waits for {@code kill} to return. */
  public void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
  }

  /** Kills it with {@code SIGKILL} and waits until it is gone. */
  public void kill() throws InterruptedException {
    long killed = System.nanoTime();
    process.destroyForcibly().waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
    killedAt = killed;
  }

  /** Whether the harness killed it. */
  public boolean killed() {
    return killedAt != 0;
  }

  /** When the harness killed it ({@link System#nanoTime()}), or 0. */
  public long killedAt() {
    return killedAt;
  }

  /**
   * Stops it with {@code SIGSTOP} and waits until every one of its threads is stopped: {@code kill}
   * returns once the signal is sent, and a thread running on another core goes on until it takes
   * the signal. Linux only ({@code /proc}).
   */
  public void stop() throws IOException, InterruptedException {
    signal("STOP");
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      if (allStopped(tasks)) {
        return;
      }
      Thread.sleep(1);
    }
    throw new AssertionError(id + " did not stop within " + PATIENCE_SECONDS + " s");
  }

  private static boolean allStopped(Path tasks) throws IOException {
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        String stat = Files.readString(thread.resolve("stat"));
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        if (state != 'T' && state != 't') {
          return false;
        }
      }
      return true;
    } catch (NoSuchFileException threadEnded) {
      return false;
    }
  }

  /** The nanoTime of a BEGIN with no END after it, or 0. */
  public long openBegin() {
    long[] open = open();
    return open == null ? 0 : open[1];
  }

  /** The epoch of a BEGIN with no END after it, or 0. */
  public long openEpoch() {
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

  /** When its first leadership that began after {@code since} began ({@link System#nanoTime()}), or 0. */
  public long beganAfter(long since) {
    for (String line : lines) {
      if (line.startsWith("BEGIN ")) {
        long at = Long.parseLong(line.split(" ")[2]);
        if (at - since > 0) {
          return at;
        }
      }
    }
    return 0;
  }

  /** Its leaderships as {epoch, begin, end}: one still open ends when it was killed, or now. */
  public List<long[]> intervals() {
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

  /** The live member of {@code members}, other than {@code other}, that leads now, waiting for one. */
  public static MemberJvm awaitLeader(List<MemberJvm> members, MemberJvm other) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      for (MemberJvm member : members) {
        if (member != other && !member.killed() && member.openBegin() != 0) {
          return member;
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no member other than " + other + " led within " + PATIENCE_SECONDS + " s: " + members);
  }

  /** Resumes and kills every one of {@code members}, ignoring failures: for cleaning up. */
  public static void destroyAll(List<MemberJvm> members) {
    for (MemberJvm member : members) {
      try {
        member.signal("CONT");
      } catch (IOException e) {
        // it is killed below all the same
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      member.process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return id + lines;
  }
}

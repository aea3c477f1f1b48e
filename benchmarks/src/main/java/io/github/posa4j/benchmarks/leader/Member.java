package io.github.posa4j.benchmarks.leader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A member of an election in a child JVM, as the harnesses drive it: its process and every line it printed. */
final class Member {
  static final long PATIENCE_SECONDS = 30;

  final String id;
  final Process process;
  final List<String> lines = new CopyOnWriteArrayList<>();
  volatile boolean dead;

  private Member(String id, Process process) {
    this.id = id;
    this.process = process;
  }

  /** Starts {@code mainClass} with {@code arguments} on this JVM's class path. */
  static Member start(String id, List<String> jvmOptions, Class<?> mainClass, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.add(mainClass.getName());
    command.addAll(List.of(arguments));
    Member member = new Member(id, new ProcessBuilder(command).redirectErrorStream(true).start());
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(member.process.getInputStream(),
          StandardCharsets.UTF_8))) {
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

  /** The first line {@code wanted} accepts, waiting up to {@value #PATIENCE_SECONDS} s. */
  String await(Predicate<String> wanted) throws InterruptedException {
    return awaitFrom(0, wanted);
  }

  /** The first line from the {@code from}th on that {@code wanted} accepts, waiting up to {@value #PATIENCE_SECONDS} s. */
  String awaitFrom(int from, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      for (int i = from; i < lines.size(); i++) {
        if (wanted.test(lines.get(i))) {
          return lines.get(i);
        }
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException(id + " printed nothing expected within " + PATIENCE_SECONDS + " s: " + lines);
  }

  /** When its first leadership that began after {@code since} began ({@link System#nanoTime()}), or 0. */
  long beganAfter(long since) {
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

  /** The epoch of a leadership that began and has not ended, or 0. */
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

  void send(String command) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
  }

  void kill() throws InterruptedException {
    dead = true;
    process.destroyForcibly().waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
  }

  /** The live member, other than {@code other}, that leads now, waiting for one. */
  static Member awaitLeader(List<Member> members, Member other) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      for (Member member : members) {
        if (member != other && !member.dead && member.openEpoch() != 0) {
          return member;
        }
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("no member led within " + PATIENCE_SECONDS + " s: " + members);
  }

  @Override
  public String toString() {
    return id + lines;
  }
}

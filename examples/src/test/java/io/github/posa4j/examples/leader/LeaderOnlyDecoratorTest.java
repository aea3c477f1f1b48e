package io.github.posa4j.examples.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.posa4j.leader.ElectionMember;
import io.github.posa4j.leader.LeaderElection;
import io.github.posa4j.leader.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @LeaderOnly} through a generated decorator ({@code ResilientBillingRun}), against a real
 * PostgreSQL server: the leader runs the body under its epoch and allocates nothing doing so; a
 * follower (a child JVM leads) gets the fallback on {@code NotLeaderException}, and the body
 * never runs.
 */
class LeaderOnlyDecoratorTest {
  private static final int CALLS = 100_000;

  private LeaderElection election;
  private Process leader;

  @AfterEach
  void leave() {
    if (election != null) {
      election.close();
    }
    if (leader != null) {
      leader.destroyForcibly();
    }
    System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("posa4j.election."))
        .forEach(System::clearProperty);
  }

  @Test
  void theLeaderRunsTheBodyUnderItsEpochAndAllocatesNothing() throws Exception {
    System.setProperty("posa4j.election.billing.lease", "1000");
    LinkedBlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    election = LeaderElection.join("billing", PostgresServer.shared().url()).onElected(elected::add);
    assertThat(elected.poll(10, TimeUnit.SECONDS)).as("this JVM leads billing").isNotNull();
    BillingRun run = new ResilientBillingRun();

    assertThat(run.chargeDueInvoices()).isEqualTo(election.epoch().getAsLong());
    assertThat(run.runs).hasValue(1);

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeThat(threads.isThreadAllocatedMemorySupported()).as("this JVM counts allocations").isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    long threadId = Thread.currentThread().getId();
    long sum = 0;
    for (int i = 0; i < 20_000; i++) {
      sum += run.chargeDueInvoices();
    }
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < CALLS; i++) {
      sum += run.chargeDueInvoices();
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;
    assertThat(sum).isPositive();
    // As in AllocationFreeTest: one object per call would be 1.6 MB. The lease may lapse between
    // two renewals on a busy machine; a refusal then allocates, so such a run proves nothing.
    assumeThat(run.runs.get()).as("every call ran as the leader").isEqualTo(1 + 20_000 + CALLS);
    assertThat(allocated).as("bytes allocated by %d calls of the leader", CALLS).isLessThan(CALLS);
  }

  @Test
  void aFollowerGetsTheFallbackAndTheBodyNeverRuns() throws Exception {
    String url = PostgresServer.shared().url();
    leader = startLeader("statements", url);
    System.setProperty("posa4j.election.statements.url", url);
    System.setProperty("posa4j.election.statements.lease", "1000");
    BillingRun run = new ResilientBillingRun();

    for (int call = 0; call < 3; call++) {
      assertThat(run.sendStatements()).isEqualTo("left to the leader");
    }
    assertThat(run.runs).hasValue(0);
    election = LeaderElection.join("statements", url);
    assertThat(election.isLeader()).as("this JVM joined as a follower").isFalse();
  }

  /** A child JVM that joins {@code name} first and leads it; returns once it leads. */
  private static Process startLeader(String name, String url) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dposa4j.election." + name + ".lease=1000",
        ElectionMember.class.getName(), name, url).redirectErrorStream(true).start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        lines.add("READ FAILED " + e);
      }
    }, "leader-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() - deadline < 0) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        if (line.startsWith("BEGIN ")) {
          return child;
        }
      }
    }
    child.destroyForcibly();
    throw new AssertionError("the child never led " + name + " within 20 s:\n" + seen);
  }
}

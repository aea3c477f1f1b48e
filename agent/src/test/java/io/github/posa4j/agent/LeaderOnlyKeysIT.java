package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.LegacyBillingMain;
import io.github.posa4j.leader.ElectionMember;
import io.github.posa4j.leader.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @LeaderOnly} woven from a key alone ({@code <FQCN>/<method>/LeaderOnly/value}) into a
 * method without annotations, the election joined from {@code -Dposa4j.election.<name>.url} on a
 * real PostgreSQL server: the leader runs the body under the election's epoch; a follower (another
 * JVM leads) is refused and never runs it; the start-up listing names the policy.
 */
class LeaderOnlyKeysIT {
  private static final Path POSTGRES_DRIVER = Path.of(System.getProperty("posa4j.postgresql.jar"));
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final String name = "woven-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();
  private Process leader;

  @AfterEach
  void stopTheLeader() {
    if (leader != null) {
      leader.destroyForcibly();
    }
  }

  @Test
  void theLeaderRunsTheWovenBodyUnderTheElectionsEpoch(@TempDir Path directory) throws Exception {
    ChildJvm.Result run = billing(directory, "lead");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.posa4jLines()).contains("[posa4j] woven com.acme.billing.LegacyBilling/chargeDueInvoices(): LeaderOnly("
        + name + ") [from keys]");
    String led = run.lines().stream().filter(line -> line.startsWith("led: ")).findFirst().orElseThrow(() ->
        new AssertionError(run.output()));
    String[] words = led.split("[ ,]+");
    assertThat(words[3]).as("the call's epoch: %s", led).isEqualTo(words[6]).isNotEqualTo("0");
    assertThat(led).endsWith("body ran 1 times");
    assertThat(run.lines()).contains("outside: no epoch");
  }

  @Test
  void aFollowerIsRefusedAndTheWovenBodyNeverRuns(@TempDir Path directory) throws Exception {
    leader = startLeader(name, PostgresServer.shared().url());

    ChildJvm.Result run = billing(directory, "follow");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).filteredOn(line -> line.startsWith("refused: ")).hasSize(3).allSatisfy(line ->
        assertThat(line).contains("com.acme.billing.LegacyBilling/chargeDueInvoices() runs only on the leader of election '"
            + name + "'"));
    assertThat(run.lines()).contains("followed: body ran 0 times", "outside: no epoch");
  }

  /** Runs {@link LegacyBillingMain} with the agent, the key naming the method, and the election's URL and lease. */
  private ChildJvm.Result billing(Path directory, String mode) throws Exception {
    Path keys = directory.resolve("keys.properties");
    Files.writeString(keys, "com.acme.billing.LegacyBilling/chargeDueInvoices/LeaderOnly/value=" + name + "\n");
    return ChildJvm.withAgent("config=" + keys)
        .jvmOption("-Dposa4j.election." + name + ".url=" + PostgresServer.shared().url())
        .jvmOption("-Dposa4j.election." + name + ".lease=1000")
        .classPathFirst(POSTGRES_DRIVER)
        .run(LegacyBillingMain.class, mode, name);
  }

  /** A JVM that joins {@code name} first and leads it; returns once it leads. */
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
    throw new AssertionError("the leader never led " + name + " within 20 s:\n" + seen);
  }
}

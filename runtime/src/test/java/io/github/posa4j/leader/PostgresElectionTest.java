package io.github.posa4j.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.posa4j.config.ConfigException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One member in this JVM against a real PostgreSQL server: joining, leading, resigning, and bad input. */
class PostgresElectionTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final String name = "test-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();

  @AfterEach
  void clearProperties() {
    System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("posa4j.election."))
        .forEach(System::clearProperty);
  }

  @Test
  void aMemberAloneLeadsAndResignsAtOnceWhenClosed() throws Exception {
    PostgresServer server = PostgresServer.shared();
    System.setProperty("posa4j.election." + name + ".lease", "2000");
    BlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    CountDownLatch revoked = new CountDownLatch(1);

    LeaderElection election = LeaderElection.join(name, server.url()).onElected(elected::add).onRevoked(revoked::countDown);
    long first = elected.poll(10, TimeUnit.SECONDS);
    assertThat(first).isPositive();
    assertThat(election.isLeader()).isTrue();
    assertThat(election.epoch()).hasValue(first);
    assertThat(election.lease()).isEqualTo(Duration.ofSeconds(2));
    assertThat(election.memberId()).endsWith("-" + ProcessHandle.current().pid());
    assertThat(LeaderElection.join(name, server.url()).isLeader()).as("one membership per name in a JVM").isTrue();

    election.close();
    assertThat(election.isLeader()).isFalse();
    assertThat(election.epoch()).isEmpty();
    assertThat(revoked.await(5, TimeUnit.SECONDS)).as("told of the end").isTrue();

    LeaderElection again = LeaderElection.join(name, server.url());
    try {
      BlockingQueue<Long> electedAgain = new LinkedBlockingQueue<>();
      again.onElected(electedAgain::add);
      long second = electedAgain.poll(10, TimeUnit.SECONDS);
      assertThat(second).as("a new leadership after resigning has a greater epoch").isGreaterThan(first);
    } finally {
      again.close();
    }
  }

  @Test
  void aListenerAddedWhileLeadingHearsAtOnce() throws Exception {
    PostgresServer server = PostgresServer.shared();
    try (LeaderElection election = LeaderElection.join(name, server.url())) {
      BlockingQueue<Long> first = new LinkedBlockingQueue<>();
      election.onElected(first::add);
      long epoch = first.poll(10, TimeUnit.SECONDS);
      BlockingQueue<Long> late = new LinkedBlockingQueue<>();
      election.onElected(late::add);
      assertThat(late.poll(10, TimeUnit.SECONDS)).isEqualTo(epoch);
    }
  }

  @Test
  void aUrlNoStoreServesIsRefusedByScheme() {
    assertThatThrownBy(() -> LeaderElection.join(name, "redis://127.0.0.1:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no store serves redis: URLs")
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageContaining("posa4j-zookeeper");
    assertThatThrownBy(() -> LeaderElection.join(name, "jdbc:mysql://127.0.0.1/app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only PostgreSQL");
  }

  @Test
  void anUnreachableDatabaseFailsTheJoinQuicklyNamingTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?user=postgres&password=";
    System.setProperty("posa4j.election." + name + ".lease", "3000");
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> LeaderElection.join(name, url + "s3cret"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("election '" + name + "'")
            .hasMessageContaining(url + "***")
            .satisfies(refused -> assertThat(refused.getMessage() + refused.getCause()).doesNotContain("s3cret")));
  }

  @Test
  void aPasswordInTheUrlIsNeverShown() throws Exception {
    PostgresServer server = PostgresServer.shared(); // trusts local connections: any password is accepted
    try (LeaderElection election = LeaderElection.join(name, server.url() + "&password=s3cret")) {
      // What the MBean, the Flight Recorder events and the log lines show.
      assertThat(Memberships.find(name).orElseThrow().url()).isEqualTo(server.url() + "&password=***");
      assertThat(Memberships.find(name).orElseThrow().toString()).doesNotContain("s3cret");
      assertThatThrownBy(() -> LeaderElection.join(name, server.url() + "&password=an0ther"))
          .hasMessageContaining("&password=***")
          .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("s3cret").doesNotContain("an0ther"));
    }
  }

  @Test
  void aJoinWaitingForItsStoreHoldsUpNoOtherElection() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Accepts connections (the kernel's backlog) and never answers: the driver waits out its timeouts.
      String slowUrl = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/postgres?user=postgres";
      String slowName = name + "-slow";
      System.setProperty("posa4j.election." + slowName + ".lease", "9000");
      CountDownLatch slowDone = new CountDownLatch(1);
      Thread slowJoin = new Thread(() -> {
        try {
          LeaderElection.join(slowName, slowUrl).close();
        } catch (RuntimeException expected) {
          // the silent server never answers
        } finally {
          slowDone.countDown();
        }
      }, "slow-join");
      slowJoin.start();
      silent.setSoTimeout(20_000);
      try (Socket opened = silent.accept()) { // the slow join is now opening its store
        try (LeaderElection other = LeaderElection.join(name, PostgresServer.shared().url())) {
          assertThat(slowDone.getCount()).as("the slow join is still waiting for its store").isEqualTo(1);
          assertThat(other.name()).isEqualTo(name);
        }
      }
      assertThat(slowDone.await(30, TimeUnit.SECONDS)).as("the slow join gave up").isTrue();
    }
  }

  @Test
  void aMalformedLeaseNamesItsKey() throws Exception {
    PostgresServer server = PostgresServer.shared();
    System.setProperty("posa4j.election." + name + ".lease", "soon");
    assertThatThrownBy(() -> LeaderElection.join(name, server.url()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("posa4j.election." + name + ".lease=soon")
        .hasMessageContaining("milliseconds");
    System.setProperty("posa4j.election." + name + ".lease", "10");
    assertThatThrownBy(() -> LeaderElection.join(name, server.url()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("at least 30 ms");
  }

  @Test
  void oneNameHasOneStore() throws Exception {
    PostgresServer server = PostgresServer.shared();
    try (LeaderElection election = LeaderElection.join(name, server.url())) {
      assertThatThrownBy(() -> LeaderElection.join(name, server.url() + "&ApplicationName=other"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("already is a member of election '" + name + "' at " + server.url());
      assertThat(election.name()).isEqualTo(name);
    }
  }

  @Test
  void anElectionWithoutAConfiguredUrlNamesTheKey() {
    assertThatThrownBy(() -> LeaderElection.join(name))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("posa4j.election." + name + ".url");
  }

  @Test
  void aMissingDriverIsNamed() throws Exception {
    PostgresServer server = PostgresServer.shared();
    String withoutDriver = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("postgresql"))
        .collect(Collectors.joining(File.pathSeparator));
    Process child = new ProcessBuilder(javaBin(), "-cp", withoutDriver, JoinOnce.class.getName(), name, server.url())
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("no JDBC driver for " + server.url()).contains("org.postgresql:postgresql");
  }

  /** Joins once in a child JVM and prints what happened. */
  public static final class JoinOnce {
    public static void main(String[] args) {
      try (LeaderElection election = LeaderElection.join(args[0], args[1])) {
        System.out.println("JOINED " + election);
      } catch (RuntimeException e) {
        System.out.println("REFUSED " + e.getMessage());
      }
    }
  }

  /** The running JVM's {@code java}. */
  static String javaBin() {
    return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

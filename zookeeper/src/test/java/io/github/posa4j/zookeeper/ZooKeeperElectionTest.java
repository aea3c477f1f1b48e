package io.github.posa4j.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.leader.LeaderElection;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link LeaderElection#join} with a {@code zookeeper://} URL, its store found by ServiceLoader. */
class ZooKeeperElectionTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static ZooKeeperTestServer server;

  private final String name = "election-" + NAMES.incrementAndGet();

  @BeforeAll
  static void startServer() throws Exception {
    server = ZooKeeperTestServer.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @AfterEach
  void clearProperties() {
    System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("posa4j.election."))
        .forEach(System::clearProperty);
  }

  @Test
  void aMemberAloneLeadsAndResignsAtOnceWhenClosed() throws Exception {
    String url = server.url("/posa4j");
    System.setProperty("posa4j.election." + name + ".lease", "1000");
    BlockingQueue<Long> elected = new LinkedBlockingQueue<>();
    CountDownLatch revoked = new CountDownLatch(1);

    LeaderElection election = LeaderElection.join(name, url).onElected(elected::add).onRevoked(revoked::countDown);
    Long first = elected.poll(10, TimeUnit.SECONDS);
    assertThat(first).as("elected").isNotNull().isPositive();
    assertThat(election.isLeader()).isTrue();
    assertThat(election.epoch()).hasValue(first);

    election.close();
    assertThat(election.isLeader()).isFalse();
    assertThat(revoked.await(5, TimeUnit.SECONDS)).as("told of the end").isTrue();

    try (LeaderElection again = LeaderElection.join(name, url)) {
      BlockingQueue<Long> electedAgain = new LinkedBlockingQueue<>();
      again.onElected(electedAgain::add);
      Long second = electedAgain.poll(10, TimeUnit.SECONDS);
      assertThat(second).as("a new leadership after resigning has a greater epoch").isNotNull().isGreaterThan(first);
    }
  }

  @Test
  void aMalformedUrlIsRefusedByJoin() {
    String url = "zookeeper://127.0.0.1:" + server.port();
    assertThatThrownBy(() -> LeaderElection.join(name, url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed ZooKeeper URL '" + url + "'")
        .hasMessageContaining("zookeeper://host:port[,host:port...]/path");
  }
}

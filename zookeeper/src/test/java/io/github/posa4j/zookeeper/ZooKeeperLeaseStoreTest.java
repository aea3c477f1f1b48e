package io.github.posa4j.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.leader.LeaseStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lease stores of several members in this JVM against one real ZooKeeper server, and bad input. */
class ZooKeeperLeaseStoreTest {
  private static final Duration LEASE = Duration.ofSeconds(1);
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static ZooKeeperTestServer server;

  private final String election = "store-" + NAMES.incrementAndGet();
  private final List<LeaseStore> stores = new ArrayList<>();
  private final ZooKeeperLeaseStoreProvider provider = new ZooKeeperLeaseStoreProvider();

  @BeforeAll
  static void startServer() throws Exception {
    server = ZooKeeperTestServer.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @AfterEach
  void closeStores() {
    stores.forEach(LeaseStore::close);
  }

  private LeaseStore store(String url, String memberId) throws Exception {
    LeaseStore store = provider.open(election, url, memberId);
    stores.add(store);
    return store;
  }

  /**
   * {@link LeaseStore#acquire}, asked again while the store's new client has not connected yet:
   * on a busy machine the first connection can take longer than the lease it may wait.
   */
  private static long acquire(LeaseStore store, Duration lease, long heldEpoch) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return store.acquire(lease, heldEpoch);
      } catch (IOException e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
        Thread.sleep(10);
      }
    }
  }

  private LeaseStore store(String memberId) throws Exception {
    return store(server.url("/posa4j/tests"), memberId);
  }

  @Test
  void onlyOneOfThreeMembersLeadsAndKeepsItsEpochWhileItRenews() throws Exception {
    LeaseStore first = store("m1");
    LeaseStore second = store("m2");
    LeaseStore third = store("m3");

    long epoch = acquire(first, LEASE, 0);
    assertThat(epoch).isPositive();
    assertThat(acquire(second, LEASE, 0)).isZero();
    assertThat(acquire(third, LEASE, 0)).isZero();
    for (int renewal = 0; renewal < 3; renewal++) {
      assertThat(acquire(first, LEASE, epoch)).as("a renewal continues the leadership").isEqualTo(epoch);
      assertThat(acquire(second, LEASE, 0)).isZero();
      assertThat(acquire(third, LEASE, 0)).isZero();
    }
  }

  @Test
  void releaseHandsTheLeadOnWithAGreaterEpochAndTheOldLeaderQueuesAgain() throws Exception {
    LeaseStore first = store("m1");
    LeaseStore second = store("m2");
    long firstEpoch = acquire(first, LEASE, 0);
    assertThat(acquire(second, LEASE, 0)).isZero();

    first.release();
    long secondEpoch = acquire(second, LEASE, 0);
    assertThat(secondEpoch).isGreaterThan(firstEpoch);
    assertThat(acquire(first, LEASE, 0)).as("the old leader is at the end of the line").isZero();

    second.release();
    long thirdEpoch = acquire(first, LEASE, 0);
    assertThat(thirdEpoch).isGreaterThan(secondEpoch);
    first.release();
    first.release(); // nothing left to give up
  }

  @Test
  void aLeaderAskingWithoutItsEpochBeginsANewLeadership() throws Exception {
    LeaseStore leader = store("m1");
    LeaseStore other = store("m2");
    long first = acquire(leader, LEASE, 0);
    assertThat(acquire(other, LEASE, 0)).isZero();

    long second = acquire(leader, LEASE, 0);
    assertThat(second).as("its own deadline passed: a new leadership").isGreaterThan(first);
    assertThat(acquire(leader, LEASE, first)).as("the old epoch does not continue").isGreaterThan(second);
    long fourth = acquire(leader, LEASE, 0);
    assertThat(acquire(leader, LEASE, fourth)).isEqualTo(fourth);
    assertThat(acquire(other, LEASE, 0)).isZero();
  }

  @Test
  void aDeletedEpochNodeIsCreatedAgainAndEpochsStillGrow() throws Exception {
    LeaseStore first = store("m1");
    LeaseStore second = store("m2");
    long firstEpoch = acquire(first, LEASE, 0);
    assertThat(acquire(second, LEASE, 0)).isZero();
    first.release();
    try (CuratorFramework operator = CuratorFrameworkFactory.newClient("127.0.0.1:" + server.port(),
        new RetryNTimes(3, 100))) {
      operator.start();
      operator.delete().forPath("/posa4j/tests/" + election + "/epoch");
    }

    assertThatThrownBy(() -> second.acquire(LEASE, 0)).as("the epoch node is missing")
        .isInstanceOf(IOException.class)
        .hasMessageContaining(server.url("/posa4j/tests"))
        .hasMessageContaining("/posa4j/tests/" + election + "/epoch");
    assertThat(acquire(second, LEASE, 0)).as("created again: epochs are zxids").isGreaterThan(firstEpoch);
  }

  @Test
  void theElectionLivesUnderTheUrlsPath() throws Exception {
    String url = server.url("/a/deeper/root");
    LeaseStore store = store(url, "m1");
    assertThat(acquire(store, LEASE, 0)).isPositive();
    assertThat(store.toString()).contains("/a/deeper/root/" + election + "/members").contains(url);
  }

  @Test
  void aServerGrantingShorterSessionsThanTheLeaseIsRefused() throws Exception {
    try (ZooKeeperTestServer strict = ZooKeeperTestServer.start(Map.of("maxSessionTimeout", "500"))) {
      String url = strict.url("/posa4j");
      LeaseStore store = store(url, "m1");
      assertThatThrownBy(() -> acquire(store, LEASE, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(url)
          .hasMessageContaining("grants sessions of 500 ms, shorter than the lease of 1000 ms")
          .hasMessageContaining("maxSessionTimeout")
          .hasMessageContaining("tickTime")
          .hasMessageContaining("posa4j.election.<name>.lease");
      assertThat(acquire(store(url, "m2"), Duration.ofMillis(500), 0)).as("a lease the server grants").isPositive();
    }
  }

  @Test
  void malformedUrlsAreRefusedShowingTheRightForm() {
    for (String url : List.of("zookeeper://127.0.0.1:2181", "zookeeper://127.0.0.1:2181/", "zookeeper:///posa4j",
        "zookeeper://127.0.0.1/posa4j", "zookeeper://127.0.0.1:zk/posa4j", "zookeeper://127.0.0.1:70000/posa4j",
        "zookeeper://127.0.0.1:2181,/posa4j", "zookeeper://127.0.0.1:2181/posa4j//x", "zookeeper://h:2181/a?x=1")) {
      assertThatThrownBy(() -> provider.open(election, url, "m1")).as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed ZooKeeper URL '" + url + "'")
          .hasMessageContaining("zookeeper://host:port[,host:port...]/path");
    }
    assertThatThrownBy(() -> provider.open("a/b", "zookeeper://127.0.0.1:2181/posa4j", "m1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("election name 'a/b'");
    assertThat(provider.accepts("zookeeper://zk1:2181,zk2:2181/posa4j")).isTrue();
    assertThat(provider.accepts("jdbc:postgresql://127.0.0.1/app")).isFalse();
  }

  @Test
  void anUnreachableServerFailsWithinALeaseAtFirstAndAThirdOfItLaterNamingTheUrl() throws Exception {
    String url = "zookeeper://127.0.0.1:" + ZooKeeperTestServer.freeLoopbackPort() + "/posa4j";
    LeaseStore store = store(url, "m1");
    long started = System.nanoTime();
    assertThatThrownBy(() -> store.acquire(LEASE, 0)).hasMessageContaining(url);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("before the first connection")
        .isLessThan(LEASE.toMillis() + 500);
    // Once connected, every call waits a third of the lease: the stopped server of ZooKeeperOutageTest.
    started = System.nanoTime();
    store.close();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("closing").isLessThan(LEASE.toMillis() * 3);
  }
}

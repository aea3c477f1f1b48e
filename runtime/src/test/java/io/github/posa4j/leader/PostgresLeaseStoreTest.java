package io.github.posa4j.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lease row itself, on a real PostgreSQL server: who may take it, and which epoch it gets. */
class PostgresLeaseStoreTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration RENEWAL = Duration.ofSeconds(10);
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final String name = "store-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();

  @Test
  void twoMembersGivenTheSameIdAreStillTwoHolders() throws Exception {
    String url = PostgresServer.shared().url();
    try (PostgresLeaseStore first = PostgresLeaseStore.open(name, url, "same-id", RENEWAL);
        PostgresLeaseStore second = PostgresLeaseStore.open(name, url, "same-id", RENEWAL)) {
      long epoch = first.acquire(LEASE, 0);
      assertThat(epoch).isPositive();
      assertThat(second.acquire(LEASE, 0)).as("the same id, another membership, the lease unexpired").isZero();
      assertThat(first.acquire(LEASE, epoch)).as("the holder renews and keeps its epoch").isEqualTo(epoch);
      assertThat(second.acquire(LEASE, 0)).as("still refused after the holder renewed").isZero();

      first.release();
      long next = second.acquire(LEASE, 0);
      assertThat(next).as("taken once given up, with a greater epoch").isGreaterThan(epoch);
      assertThat(first.acquire(LEASE, 0)).as("the first is now refused in turn").isZero();
    }
  }

  @Test
  void aHolderThatStoppedLeadingBeginsANewLeadershipWithItsOwnUnexpiredLease() throws Exception {
    String url = PostgresServer.shared().url();
    try (PostgresLeaseStore store = PostgresLeaseStore.open(name, url, "m1", RENEWAL)) {
      long epoch = store.acquire(LEASE, 0);
      assertThat(store.acquire(LEASE, 0)).as("asked with no epoch held: a new leadership").isGreaterThan(epoch);
    }
  }
}

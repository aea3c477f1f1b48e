package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.ActiveObjectScheduler;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Active objects emit an event per request they run (named by active object and request type,
 * failed or not, lasting as long as the servant method), and queue samples naming the active
 * object and its pending requests; on a dedicated thread and on a shared executor.
 */
class ActiveObjectEventsTest {
  private static RecordedEvents recorded;

  @BeforeAll
  static void record() {
    recorded = RecordedEvents.start();
  }

  @AfterAll
  static void stop() {
    recorded.close();
  }

  private static ActiveObjectOptions named(String name) {
    return ActiveObjectOptions.builder().name(name).build();
  }

  @Test
  void eachRequestIsAnEventNamingTheActiveObjectTheRequestTypeAndWhetherItFailed() throws Exception {
    ActiveObjectScheduler<Account> account = ActiveObjectScheduler.start(new Account(), named("jfr-requests"), "Account");
    account.submit(new Account.DepositRequest(5)).join();
    assertThatThrownBy(() -> account.submit(new Account.WithdrawRequest()).join()).isInstanceOf(CompletionException.class);
    account.close();

    RecordedEvent deposit = recorded.await("ActiveObjectRequest",
        e -> "jfr-requests".equals(e.getString("activeObject")) && "DepositRequest".equals(e.getString("requestType")));
    assertThat(deposit.getBoolean("failed")).isFalse();
    assertThat(deposit.getDuration()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(deposit.getThread().getJavaName()).isEqualTo("jfr-requests");
    assertThat(deposit.getEventType().getCategoryNames()).containsExactly("posa4j", "Active Object");

    RecordedEvent withdraw = recorded.await("ActiveObjectRequest",
        e -> "jfr-requests".equals(e.getString("activeObject")) && "WithdrawRequest".equals(e.getString("requestType")));
    assertThat(withdraw.getBoolean("failed")).isTrue();
  }

  @Test
  void theQueueIsSampledWithItsPendingRequests() throws Exception {
    ActiveObjectScheduler<Account> account = ActiveObjectScheduler.start(new Account(), named("jfr-queue"), "Account");
    CountDownLatch release = new CountDownLatch(1);
    Account.HoldRequest hold = new Account.HoldRequest(release);
    account.submit(hold);
    hold.started.await();
    for (int i = 0; i < 3; i++) {
      account.submit(new Account.DepositRequest(i));
    }

    RecordedEvent sample = recorded.await("ActiveObjectQueue",
        e -> "jfr-queue".equals(e.getString("activeObject")) && e.getInt("pendingRequests") == 3);
    assertThat(sample.getEventType().getCategoryNames()).containsExactly("posa4j", "Active Object");
    release.countDown();
    account.close();
  }

  @Test
  void activeObjectsOnASharedExecutorAreRecordedToo() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ActiveObjectScheduler<Account> account = ActiveObjectScheduler.start(new Account(),
          ActiveObjectOptions.builder().name("jfr-shared").sharedExecutor(pool).build(), "Account");
      CountDownLatch release = new CountDownLatch(1);
      Account.HoldRequest hold = new Account.HoldRequest(release);
      account.submit(hold);
      hold.started.await();
      account.submit(new Account.DepositRequest(1));

      recorded.await("ActiveObjectQueue",
          e -> "jfr-shared".equals(e.getString("activeObject")) && e.getInt("pendingRequests") == 1);
      release.countDown();
      account.close();
      RecordedEvent held = recorded.await("ActiveObjectRequest",
          e -> "jfr-shared".equals(e.getString("activeObject")) && "HoldRequest".equals(e.getString("requestType")));
      assertThat(held.getBoolean("failed")).isFalse();
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}

package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Active objects emit an event per request they run (named by active object and request type,
 * failed or not, lasting as long as the servant method), and queue samples naming the active
 * object and its pending requests; on a dedicated thread and on a shared executor. By default a
 * recording takes request events from 1 ms on and a sample every second.
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

  /**
   * What a recording gets unless its settings say otherwise, as Flight Recorder reads it from the
   * event classes: request events from 1 ms on, queue samples every second. The queue event is
   * periodic once the runtime has registered its sampling, which an active object running a
   * request during a recording does.
   */
  @Test
  void requestEventsHaveAOneMillisecondThresholdAndQueueSamplesAOneSecondPeriodByDefault() {
    ActiveObjectScheduler<Account> account = ActiveObjectScheduler.start(new Account(), named("jfr-defaults"), "Account");
    account.submit(new Account.DepositRequest(1)).join();
    account.close();

    EventType request = EventType.getEventType(ActiveObjectRequestEvent.class);
    EventType queue = EventType.getEventType(ActiveObjectQueueEvent.class);

    assertThat(request.getName()).isEqualTo("io.github.posa4j.ActiveObjectRequest");
    assertThat(defaultSettings(request)).containsEntry("threshold", "1 ms").containsEntry("enabled", "true");
    assertThat(queue.getName()).isEqualTo("io.github.posa4j.ActiveObjectQueue");
    assertThat(defaultSettings(queue)).containsEntry("period", "1 s").containsEntry("enabled", "true");
  }

  private static Map<String, String> defaultSettings(EventType type) {
    return type.getSettingDescriptors().stream()
        .collect(Collectors.toMap(SettingDescriptor::getName, SettingDescriptor::getDefaultValue));
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

package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An active object that started before the recording (as when an operator starts one with
 * {@code jcmd} in a running application) is sampled once it runs a turn of requests.
 */
class ActiveObjectStartedBeforeRecordingTest {

  @Test
  void anActiveObjectStartedEarlierIsSampledOnceItRuns() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    ActiveObjectScheduler<Account> account = ActiveObjectScheduler.start(new Account(),
        ActiveObjectOptions.builder().name("jfr-started-before").sharedExecutor(pool).build(), "Account");
    account.submit(new Account.DepositRequest(1)).join();
    try (RecordedEvents recorded = RecordedEvents.start()) {
      CountDownLatch release = new CountDownLatch(1);
      Account.HoldRequest hold = new Account.HoldRequest(release);
      account.submit(hold);
      hold.started.await();
      account.submit(new Account.DepositRequest(2));
      account.submit(new Account.DepositRequest(3));

      recorded.await("ActiveObjectQueue",
          e -> "jfr-started-before".equals(e.getString("activeObject")) && e.getInt("pendingRequests") == 2);
      release.countDown();
      account.close();
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}

package io.github.posa4j.examples.active;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActiveObjectDemoTest {
  private static List<String> story;

  @BeforeAll
  static void runDemo() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ActiveObjectDemo.run(out);
    }
    story = bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aTakeBeforeAnyPutWaitsForItsGuardAndGetsTheFirstItem() {
    assertThat(story).contains(
        "   take() before any put: waits for its guard isNotEmpty(), done = false; size() still answers: 0",
        "   put(0): the waiting take() got 0");
  }

  @Test
  void everyOrderReachesTheAccountOnce() {
    assertThat(story).contains(
        "   orders moved: 6000 of 6000, duplicates: 0, left in buffer: 0",
        "   account balance: 18003000 (sum of the orders: 18003000) after 6000 deposits",
        "   withdraw(18003001) failed through its future:"
            + " io.github.posa4j.examples.active.InsufficientFundsException: cannot withdraw 18003001 from a balance of 18003000",
        "   the account keeps serving: withdraw(18003000) leaves 0");
  }

  @Test
  void tenThousandActiveObjectsShareTwoThreads() {
    assertThat(story).contains("   10 deposits of 1 into each: total balance 100000 (expected 100000)");
  }

  @Test
  void closeDrainsAndShutdownNowCancels() {
    assertThat(story).contains(
        "   close() ran the queued requests first: size() answered 50; a call after close(): refused with RejectedExecutionException",
        "   5 take() calls wait on an empty buffer: pendingRequests() = 5",
        "   shutdownNow() cancelled 5 requests; cancelled futures: 5");
  }
}

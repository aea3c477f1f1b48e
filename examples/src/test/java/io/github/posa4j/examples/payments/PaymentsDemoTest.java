package io.github.posa4j.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The payments demo tells its story: retried success, fallback, then an open breaker. */
class PaymentsDemoTest {

  @Test
  void retriesFallsBackAndStopsCallingAFailingBank() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ScriptedBank bank;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      bank = PaymentsDemo.run(out);
    }
    String story = bytes.toString(StandardCharsets.UTF_8);

    assertThat(story).contains("pay(alice, 500) -> OK-3 after 3 requests");
    assertThat(story).contains("pay(bob, 700) -> QUEUED; requests so far: 6");
    assertThat(story).contains("pay(carol, 900) -> QUEUED; requests that reached the bank: 0");
    assertThat(bank.requests()).isEqualTo(6);
    // alice: F F S; bob: F F F, which opens the breaker; carol: 3 attempts rejected, then the fallback.
    assertThat(story).contains("breaker io.github.posa4j.examples.payments.PaymentClient/pay(java.lang.String,long): "
        + "OPEN, 1 successful, 5 failed, 3 rejected, opened 1 time(s)");
  }
}

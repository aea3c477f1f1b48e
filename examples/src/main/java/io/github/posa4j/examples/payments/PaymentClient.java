package io.github.posa4j.examples.payments;

import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.Retry;
import java.io.IOException;
import java.time.temporal.ChronoUnit;

/**
 * Pays through a {@link Bank}, with resilience annotations: each payment is retried twice, a
 * breaker stops calling a bank that keeps failing, and a payment that finally fails is queued
 * instead. Use the generated {@code ResilientPaymentClient}, which applies them.
 */
public class PaymentClient {
  private final Bank bank;

  /** A client of {@code bank}. */
  public PaymentClient(Bank bank) {
    this.bank = bank;
  }

  /** Pays {@code cents} from {@code account}; answers the bank's confirmation or "QUEUED". */
  @Retry(maxRetries = 2, jitter = 0)
  @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 1, delayUnit = ChronoUnit.HOURS)
  @Fallback(fallbackMethod = "queue")
  public String pay(String account, long cents) throws IOException {
    return bank.debit(account, cents);
  }

  /** The fallback: the payment will be made later. */
  protected String queue(String account, long cents) {
    return "QUEUED";
  }
}

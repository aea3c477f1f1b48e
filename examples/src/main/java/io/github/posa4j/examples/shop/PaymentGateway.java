package io.github.posa4j.examples.shop;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import io.github.posa4j.examples.legacy.LegacyPaymentClient;
import io.github.posa4j.resilience.BulkheadFullException;
import io.github.posa4j.resilience.CircuitBreakerOpenException;
import java.io.IOException;
import java.net.URI;

/**
 * The order service's way to the payment service: the company's plain HTTP client (the one the
 * legacy app uses too), with resilience annotations. Use the generated
 * {@code ResilientPaymentGateway}, which applies them:
 *
 * <ul>
 *   <li>each attempt may take {@value #TIMEOUT_MILLIS} ms;
 *   <li>a failed attempt is retried twice, 50 ms apart, but not when the breaker or the bulkhead
 *       turned it away, since retrying at once could only be turned away again;
 *   <li>the breaker opens when 3 of the last 4 attempts failed, and lets a trial call through
 *       after {@value #BREAKER_DELAY_MILLIS} ms;
 *   <li>at most 2 payments are in flight at once; a third is rejected at once;
 *   <li>while the breaker is open, the order ships with an invoice instead; other failures reach
 *       the order service.
 * </ul>
 */
public class PaymentGateway {
  /** How long one attempt may take. */
  public static final long TIMEOUT_MILLIS = 800;

  /** How long the breaker stays open before a trial call. */
  public static final long BREAKER_DELAY_MILLIS = 1_000;

  /** What {@link #invoiceLater} answers begins with this. */
  public static final String INVOICED = "invoice ";

  private final LegacyPaymentClient http;

  /** A gateway to the payment service at {@code server}, e.g. {@code http://127.0.0.1:8080/}. */
  public PaymentGateway(URI server) {
    this.http = new LegacyPaymentClient(server);
  }

  /** Charges {@code cents} to {@code account}; answers the confirmation, or an invoice while the breaker is open. */
  @Timeout(TIMEOUT_MILLIS)
  @Retry(maxRetries = 2, delay = 50, jitter = 0,
      abortOn = {CircuitBreakerOpenException.class, BulkheadFullException.class})
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = BREAKER_DELAY_MILLIS)
  @Bulkhead(2)
  @Fallback(fallbackMethod = "invoiceLater", applyOn = CircuitBreakerOpenException.class)
  public String charge(String account, long cents) throws IOException {
    return http.charge(account, cents);
  }

  /** The fallback: the customer gets the goods and an invoice, and pays later. */
  protected String invoiceLater(String account, long cents) {
    return INVOICED + account + " " + cents;
  }
}

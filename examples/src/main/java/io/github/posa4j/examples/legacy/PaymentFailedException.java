package io.github.posa4j.examples.legacy;

import java.io.IOException;

/**
 * The payment service answered something other than {@code 200}. Thrown by
 * {@link LegacyPaymentClient}, part of the legacy app the posa4j agent protects through
 * {@code legacy.properties}.
 */
public class PaymentFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** The service answered {@code status}; the message is {@code HTTP <status>}. */
  public PaymentFailedException(int status) {
    super("HTTP " + status);
    this.status = status;
  }

  /** The HTTP status the service answered. */
  public int status() {
    return status;
  }
}

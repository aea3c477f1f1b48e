package io.github.posa4j.examples.legacy;

/**
 * Where payments go when the payment service cannot take them: the fallback that
 * {@code legacy.properties} names for {@link LegacyPaymentClient#charge}, so that the posa4j agent
 * can call it. Part of the legacy app; it knows nothing of posa4j.
 */
public final class OfflinePayments {

  private OfflinePayments() {}

  /**
   * Queues a charge for later; same parameters and return type as
   * {@link LegacyPaymentClient#charge}. Answers {@code queued <account> <cents> for later}.
   */
  public static String chargeOffline(String account, long cents) {
    return "queued " + account + " " + cents + " for later";
  }
}

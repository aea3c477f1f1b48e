package com.acme.billing;

import io.github.posa4j.leader.LeaderElection;
import io.github.posa4j.leader.Leadership;
import io.github.posa4j.leader.NotLeaderException;
import java.util.concurrent.TimeUnit;

/**
 * {@code LegacyBillingMain lead <election>}: calls {@link LegacyBilling#chargeDueInvoices()} until
 * this process leads (at most 20 s) and prints the epoch the call saw beside the election's;
 * {@code LegacyBillingMain follow <election>}: calls it three times while another process leads.
 */
public final class LegacyBillingMain {
  private LegacyBillingMain() {}

  public static void main(String[] args) throws Exception {
    String election = args[1];
    LegacyBilling billing = new LegacyBilling();
    if (args[0].equals("lead")) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        try {
          long epoch = billing.chargeDueInvoices();
          System.out.println("led: call epoch " + epoch + ", election epoch "
              + LeaderElection.join(election).epoch().orElse(0) + ", body ran " + billing.runs.get() + " times");
          break;
        } catch (NotLeaderException notYet) {
          if (System.nanoTime() - deadline > 0) {
            System.out.println("never led: " + notYet.getMessage());
            System.exit(1);
          }
          Thread.sleep(20);
        }
      }
    } else {
      for (int call = 0; call < 3; call++) {
        try {
          billing.chargeDueInvoices();
          System.out.println("ran although another process leads");
        } catch (NotLeaderException refused) {
          System.out.println("refused: " + refused.getMessage());
        }
      }
      System.out.println("followed: body ran " + billing.runs.get() + " times");
    }
    try {
      Leadership.epoch();
      System.out.println("outside: an epoch");
    } catch (IllegalStateException outside) {
      System.out.println("outside: no epoch");
    }
  }
}

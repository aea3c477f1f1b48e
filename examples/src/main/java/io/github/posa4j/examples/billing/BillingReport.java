package io.github.posa4j.examples.billing;

import java.util.List;

/**
 * What the billing part of the demo saw: how long after {@code kill -9} of the leader another
 * process billed, whether the paused leader's late write was refused, and the runs billed.
 *
 * @param ran whether the part ran (PostgreSQL was there)
 * @param failoverMillis from the kill of the leader to the next run billed by another process
 * @param staleWriteRefused whether the table turned away the write of the leader that was paused
 * @param runs runs billed in all
 */
public record BillingReport(boolean ran, long failoverMillis, boolean staleWriteRefused, long runs) {

  /** The part was left out. */
  static BillingReport leftOut() {
    return new BillingReport(false, 0, false, 0);
  }

  /** The demo's summary row. */
  public List<String> row() {
    return List.of("@LeaderOnly billing, 3 processes", !ran ? "left out: no PostgreSQL here"
        : "next leader billed " + failoverMillis + " ms after kill -9 (lease 1,000 ms); paused leader's late write "
            + (staleWriteRefused ? "refused by its epoch" : "ACCEPTED") + "; " + runs + " runs billed");
  }
}

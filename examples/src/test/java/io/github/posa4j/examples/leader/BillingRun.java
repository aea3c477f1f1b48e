package io.github.posa4j.examples.leader;

import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.leader.Leadership;
import io.github.posa4j.leader.NotLeaderException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work that one process of a cluster does at a time: {@code ResilientBillingRun}, generated from
 * it, runs each method only on the leader of its election.
 */
public class BillingRun {
  /** How many times a body ran, for the tests. */
  final AtomicInteger runs = new AtomicInteger();

  /** Charges the invoices due; answers the fencing token its writes would carry. */
  @LeaderOnly("billing")
  public long chargeDueInvoices() {
    runs.incrementAndGet();
    return Leadership.epoch();
  }

  /** Sends the monthly statements, or says that another process does. */
  @LeaderOnly("statements")
  @Fallback(fallbackMethod = "leftToTheLeader", applyOn = NotLeaderException.class)
  public String sendStatements() {
    runs.incrementAndGet();
    return "sent under epoch " + Leadership.epoch();
  }

  String leftToTheLeader() {
    return "left to the leader";
  }
}

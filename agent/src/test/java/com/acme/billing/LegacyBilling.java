package com.acme.billing;

import io.github.posa4j.leader.Leadership;
import java.util.concurrent.atomic.AtomicInteger;

/** Legacy code without annotations: a configuration key makes it {@code @LeaderOnly}. */
public class LegacyBilling {
  final AtomicInteger runs = new AtomicInteger();

  /** The work only the leader may do; answers the epoch its writes would carry. */
  public long chargeDueInvoices() {
    runs.incrementAndGet();
    return Leadership.epoch();
  }
}

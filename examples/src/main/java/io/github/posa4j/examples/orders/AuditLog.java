package io.github.posa4j.examples.orders;

import java.util.ArrayList;
import java.util.List;

/**
 * A synchronous subscriber: it writes one line per event before the publishing call returns, so
 * the audit log is complete the moment the order service moves on.
 */
public final class AuditLog implements OrderEvents {
  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void orderPlaced(Order order) {
    lines.add("placed " + order.id());
  }

  @Override
  public synchronized void orderShipped(Order order, String carrier) {
    lines.add("shipped " + order.id() + " by " + carrier);
  }

  @Override
  public synchronized void orderCancelled(Order order, String reason) {
    lines.add("cancelled " + order.id() + ": " + reason);
  }

  /** The lines written so far, oldest first. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}

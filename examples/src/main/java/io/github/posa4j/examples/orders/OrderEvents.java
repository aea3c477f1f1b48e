package io.github.posa4j.examples.orders;

import io.github.posa4j.annotation.Publisher;

/**
 * What happens to orders. The processor generates {@code OrderEventsPublisher}, which the order
 * service calls like any {@code OrderEvents} and which delivers each call to every subscriber.
 */
@Publisher
public interface OrderEvents {

  void orderPlaced(Order order);

  void orderShipped(Order order, String carrier);

  void orderCancelled(Order order, String reason);

  /** Not an event: a convenience that publishes through {@link #orderCancelled}. */
  default void customerCancelled(Order order) {
    orderCancelled(order, "cancelled by the customer");
  }
}

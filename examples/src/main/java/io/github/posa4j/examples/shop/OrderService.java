package io.github.posa4j.examples.shop;

import io.github.posa4j.examples.catalog.Catalogue;
import io.github.posa4j.examples.catalog.Product;
import io.github.posa4j.examples.orders.Order;
import io.github.posa4j.examples.orders.OrderEvents;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small order service, the demo's application code. It sees only plain interfaces and classes:
 * that the catalogue is a lazy, access-controlled proxy, that the inventory is an active object,
 * that the events go to a publisher and that payments are resilient is decided where it is wired
 * ({@link ShopStory}).
 */
public final class OrderService {
  private final Catalogue catalogue;
  private final InventoryActiveObject inventory;
  private final OrderEvents events;
  private final PaymentGateway payments;
  private final AtomicInteger orders = new AtomicInteger();

  /** An order service over these collaborators. */
  public OrderService(Catalogue catalogue, InventoryActiveObject inventory, OrderEvents events, PaymentGateway payments) {
    this.catalogue = catalogue;
    this.inventory = inventory;
    this.events = events;
    this.payments = payments;
  }

  /**
   * Takes an order for one unit of {@code sku}: prices it from the catalogue, announces it, and
   * asks the inventory for a unit. The reservation completes when a unit is set aside (with the
   * units left), which may be at once or after a restock.
   *
   * @throws IllegalArgumentException if the catalogue has no such product
   */
  public Placed place(String customer, String sku) {
    Product product = catalogue.find(sku);
    if (product == null) {
      throw new IllegalArgumentException("no product " + sku + " in the catalogue");
    }
    Order order = new Order("order-" + orders.incrementAndGet(), customer + "@example.com", product.priceCents());
    events.orderPlaced(order);
    return new Placed(order, inventory.reserve(order.id()));
  }

  /**
   * Pays for a reserved order: ships it when the payment goes through or is invoiced; otherwise
   * cancels it and puts its unit back, for the next customer waiting.
   */
  public Settlement settle(Order order) {
    try {
      String answer = payments.charge(accountOf(order), order.totalCents());
      events.orderShipped(order, "parcel post");
      return new Settlement(answer.startsWith(PaymentGateway.INVOICED) ? Outcome.INVOICED : Outcome.PAID, answer);
    } catch (IOException | RuntimeException e) {
      inventory.release(order.id());
      String why = GatewayWatch.describe(e);
      events.orderCancelled(order, "payment failed: " + why);
      return new Settlement(Outcome.PAYMENT_FAILED, why);
    }
  }

  /** Cancels an order whose reservation will never be granted. */
  public Settlement soldOut(Order order) {
    events.orderCancelled(order, "sold out");
    return new Settlement(Outcome.SOLD_OUT, "sold out");
  }

  private static String accountOf(Order order) {
    return "acct-" + order.id().substring(order.id().indexOf('-') + 1);
  }

  /** An order taken, and its reservation, which completes with the units left once one is set aside. */
  public record Placed(Order order, CompletableFuture<Integer> reservation) {}

  /** How an order ended, and the payment service's answer or the failure. */
  public record Settlement(Outcome outcome, String detail) {}

  /** How an order ends. */
  public enum Outcome {
    /** Paid, and shipped. */
    PAID,
    /** Shipped with an invoice, as the payment service was not to be called. */
    INVOICED,
    /** Cancelled: the payment failed; its unit went back to the inventory. */
    PAYMENT_FAILED,
    /** Cancelled: no unit could be reserved. */
    SOLD_OUT
  }
}

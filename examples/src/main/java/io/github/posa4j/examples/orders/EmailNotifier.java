package io.github.posa4j.examples.orders;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An asynchronous subscriber that is slow on purpose: every e-mail takes a millisecond of "SMTP",
 * and the mail server does not answer at all until {@link #mailServerUp()} is called. Subscribed
 * with {@code Delivery.async(...)}, it never slows the order service: its e-mails wait in its own
 * queue.
 */
public final class EmailNotifier implements OrderEvents {
  private final CountDownLatch mailServer = new CountDownLatch(1);
  private volatile int sent;

  @Override
  public void orderPlaced(Order order) {
    send(order.customerEmail(), "Thank you for order " + order.id());
  }

  @Override
  public void orderShipped(Order order, String carrier) {
    send(order.customerEmail(), "Order " + order.id() + " is on its way with " + carrier);
  }

  @Override
  public void orderCancelled(Order order, String reason) {
    send(order.customerEmail(), "Order " + order.id() + " was cancelled: " + reason);
  }

  /** Lets the mail server answer. */
  public void mailServerUp() {
    mailServer.countDown();
  }

  /** The e-mails sent so far. */
  public int sent() {
    return sent;
  }

  private void send(String to, String text) {
    try {
      mailServer.await();
      TimeUnit.MILLISECONDS.sleep(1); // the latency of a real SMTP exchange
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + to, e);
    }
    sent++; // only the notifier's queue calls this, one event at a time
  }
}

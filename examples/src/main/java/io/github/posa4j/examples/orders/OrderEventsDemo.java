package io.github.posa4j.examples.orders;

import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.DeliveryFailure;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.QueueOverflow;
import io.github.posa4j.pubsub.Subscription;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code @Publisher} demo: an order service publishes order events to a synchronous
 * {@link AuditLog}, an asynchronous and slow {@link EmailNotifier}, a refund listener written as a
 * lambda, and a loyalty listener that fails on one order without disturbing anyone else.
 *
 * <p>Run it from the repository root:
 *
 * <pre>
 * mvn -B -pl examples -am package -DskipTests
 * java -cp examples/target/classes:runtime/target/posa4j-runtime-0.1.0-SNAPSHOT.jar:annotations/target/posa4j-annotations-0.1.0-SNAPSHOT.jar \
 *     io.github.posa4j.examples.orders.OrderEventsDemo
 * </pre>
 */
public final class OrderEventsDemo {
  private static final int ORDERS = 200;

  private OrderEventsDemo() {}

  /** Tells the story on {@code System.out}. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Tells the story on {@code out}. */
  public static void run(PrintStream out) {
    ExecutorService mailThread = Executors.newSingleThreadExecutor(task -> new Thread(task, "mailer"));
    List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    AuditLog audit = new AuditLog();
    EmailNotifier mailer = new EmailNotifier();
    AtomicInteger refunds = new AtomicInteger();
    AtomicInteger loyaltyPoints = new AtomicInteger();
    try (OrderEventsPublisher orders = OrderEventsPublisher.create(PublisherOptions.builder()
        .name("orders")
        .errorHandler(failures::add)
        .build())) {
      orders.subscribe(audit);
      Subscription emails = orders.subscribe(mailer, Delivery.async(mailThread, 1_000, QueueOverflow.BLOCK));
      orders.onOrderCancelled((order, reason) -> refunds.addAndGet((int) order.totalCents()));
      orders.onOrderPlaced(order -> {
        if (order.id().equals("order-13")) {
          throw new IllegalArgumentException("no loyalty account for " + order.customerEmail());
        }
        loyaltyPoints.addAndGet((int) (order.totalCents() / 100));
      });
      out.println("1. " + orders + ": a synchronous audit log, an asynchronous e-mail notifier,"
          + " and two lambda listeners");

      for (int i = 1; i <= ORDERS; i++) {
        Order order = new Order("order-" + i, "customer" + i + "@example.com", 1_000 + i);
        orders.orderPlaced(order);
        if (i % 10 == 0) {
          orders.customerCancelled(order);
        } else if (i % 2 == 0) {
          orders.orderShipped(order, "parcel post");
        }
      }
      int events = audit.lines().size();
      out.println("2. Published " + events + " events while the mail server was not answering:");
      out.println("   the audit log already has " + events + " lines (first: " + audit.lines().get(0) + ")");
      out.println("   the e-mail notifier has sent " + mailer.sent() + " e-mails; the others wait in its own queue ("
          + emails.pendingEvents() + " queued)");
      out.println("   refunds listened to with a lambda: " + refunds.get() + " cents");
      DeliveryFailure failure = failures.get(0);
      out.println("   the loyalty listener failed " + failures.size() + " time, on " + failure.event() + "("
          + ((Order) failure.arguments().get(0)).id() + "): " + failure.error().getMessage()
          + "; the error went to the error handler, every other subscriber got the event");

      mailer.mailServerUp();
      orders.close(); // waits until every queued e-mail is sent
      out.println("3. close() waited for the e-mail queue: " + mailer.sent() + " e-mails sent, "
          + emails.pendingEvents() + " waiting, subscription active: " + emails.isActive());
      try {
        orders.orderPlaced(new Order("order-late", "late@example.com", 1));
      } catch (IllegalStateException e) {
        out.println("4. Publishing after close(): " + e.getMessage());
      }
    } finally {
      mailThread.shutdown();
    }
  }
}

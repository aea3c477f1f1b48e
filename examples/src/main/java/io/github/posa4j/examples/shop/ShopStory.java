package io.github.posa4j.examples.shop;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.examples.catalog.Catalogue;
import io.github.posa4j.examples.catalog.CatalogueProxy;
import io.github.posa4j.examples.catalog.Product;
import io.github.posa4j.examples.catalog.WarehouseCatalogue;
import io.github.posa4j.examples.legacy.FlakyPaymentServer;
import io.github.posa4j.examples.legacy.FlakyPaymentServer.Phase;
import io.github.posa4j.examples.orders.AuditLog;
import io.github.posa4j.examples.orders.EmailNotifier;
import io.github.posa4j.examples.orders.Order;
import io.github.posa4j.examples.orders.OrderEventsPublisher;
import io.github.posa4j.examples.shop.OrderService.Outcome;
import io.github.posa4j.examples.shop.OrderService.Placed;
import io.github.posa4j.examples.shop.OrderService.Settlement;
import io.github.posa4j.proxy.AccessDeniedException;
import io.github.posa4j.proxy.AccessPolicy;
import io.github.posa4j.proxy.Interceptors;
import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.QueueOverflow;
import io.github.posa4j.pubsub.Subscription;
import io.github.posa4j.resilience.BulkheadView;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Launch day at a small shop, the first part of the demo: twelve customers order a book of which
 * six copies are in stock, and the {@link OrderService} meets every pattern of posa4j on the way.
 *
 * <ol>
 *   <li>{@code @Proxy}: the catalogue is created on its first call, and only {@code find} gets
 *       through its access control;
 *   <li>{@code @ActiveObject}: the inventory grants six reservations and holds the other six at its
 *       guard until copies come back or arrive;
 *   <li>{@code @Publisher}: every order event reaches a synchronous audit log at once and an
 *       asynchronous e-mail notifier whose mail server is down, without slowing the shop;
 *   <li>resilience annotations: payments against a {@link FlakyPaymentServer} that glitches, turns
 *       slow and fails on a script are retried, timed out, refused by an open breaker and invoiced
 *       instead, and turned away by a full bulkhead.
 * </ol>
 *
 * <p>The story depends only on the order of events, not on timing, except in two places it waits
 * on purpose: for the breaker's delay, and (at most ten seconds) for two slow payments to fill the
 * bulkhead. Its threads are daemons, so a failure cannot keep the JVM alive. Run it once per JVM:
 * the gateway's policies, like every method's, are the JVM's.
 */
public final class ShopStory {
  /** The product everybody wants. */
  public static final String SKU = "BK-042";

  /** Copies in stock when the shop opens. */
  public static final int IN_STOCK = 6;

  /** Customers, each ordering one copy. */
  public static final int CUSTOMERS = 12;

  /** Copies the printer delivers once the first six are paid. */
  public static final int RESTOCKED = 4;

  /** The payment server's script, by request number; healthy afterwards. */
  public static final List<Phase> PAYMENT_SERVER_SCRIPT = List.of(
      Phase.healthy(1),                                          // order-1 pays
      Phase.failing(1), Phase.healthy(1),                        // order-2: a glitch, retried away
      Phase.slow(1, Duration.ofMillis(1_500)), Phase.healthy(1), // order-3: too slow, timed out, retried
      Phase.failing(2),                                          // order-4: an outage opens the breaker
      Phase.healthy(1),                                          // order-7: the trial call closes it
      Phase.slow(2, Duration.ofMillis(500)));                    // order-8 and order-9 fill the bulkhead

  private static final int BULKHEAD_WAIT_SECONDS = 10;
  private static final String CHARGE = PaymentGateway.class.getName() + "/charge(java.lang.String,long)";

  private final PrintStream out;
  private final FlakyPaymentServer server;
  private final ExecutorService checkout;
  private final GatewayWatch gateway;
  private final AuditLog audit = new AuditLog();
  private final EmailNotifier notifier = new EmailNotifier();
  private final AtomicInteger catalogueCreations = new AtomicInteger();
  private final AtomicInteger lookups = new AtomicInteger();
  private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
  private int fewestUnitsLeft = Integer.MAX_VALUE;
  private int updatesRefused;

  private ShopStory(PrintStream out, FlakyPaymentServer server, ExecutorService checkout) {
    this.out = out;
    this.server = server;
    this.checkout = checkout;
    this.gateway = new GatewayWatch(CHARGE, out);
  }

  /** Tells the story on {@code out}; the payment server and the threads it started are stopped on return. */
  public static ShopReport run(PrintStream out) throws IOException, InterruptedException {
    ExecutorService mailer = Executors.newSingleThreadExecutor(daemon("mailer"));
    ExecutorService checkout = Executors.newFixedThreadPool(2, daemon("checkout"));
    try (FlakyPaymentServer server = FlakyPaymentServer.start(PAYMENT_SERVER_SCRIPT)) {
      return new ShopStory(out, server, checkout).tell(mailer);
    } finally {
      checkout.shutdown();
      mailer.shutdown();
    }
  }

  private ShopReport tell(ExecutorService mailer) throws InterruptedException {
    out.println("The payment server at " + server.uri() + " follows a script, by request: "
        + PAYMENT_SERVER_SCRIPT + ", then healthy.");
    FaultToleranceRegistry.global().addListener(gateway);

    Catalogue catalogue = catalogue();
    OrderEventsPublisher events = OrderEventsPublisher.create(PublisherOptions.builder().name("order-events").build());
    events.subscribe(audit);
    Subscription emails = events.subscribe(notifier, Delivery.async(mailer, 1_000, QueueOverflow.BLOCK));
    InventoryActiveObject inventory = InventoryActiveObject.start(new Inventory(SKU, IN_STOCK),
        ActiveObjectOptions.builder().name("inventory").threadFactory(daemon("inventory")).build());
    OrderService shop = new OrderService(catalogue, inventory, events, new ResilientPaymentGateway(server.uri()));

    List<Placed> placed = takeOrders(shop, inventory, emails);
    int reservedAtOnce = (int) placed.stream().filter(order -> order.reservation().isDone()).count();
    int waitedAtGuard = placed.size() - reservedAtOnce;

    payOneAtATime(shop, placed.subList(0, IN_STOCK));
    List<Placed> granted = restock(inventory, placed.subList(IN_STOCK, placed.size()));
    payTheTrialCall(shop, granted.get(0));
    List<Placed> stillWaiting = fillTheBulkhead(shop, granted.subList(1, granted.size()),
        placed.subList(IN_STOCK + RESTOCKED, placed.size()));
    int grantedAfterWaiting = waitedAtGuard - stillWaiting.size();

    int emailsSentWhileDown = notifier.sent();
    int cancelledAtClose = close(shop, inventory, stillWaiting, events, emails);

    return new ShopReport(catalogueCreations.get(), lookups.get(), updatesRefused,
        reservedAtOnce, waitedAtGuard, grantedAfterWaiting, cancelledAtClose, fewestUnitsLeft,
        audit.lines().size(), emailsSentWhileDown, notifier.sent(),
        server.requests(), gateway.retries(), gateway.timeouts(), gateway.timesOpened(), gateway.timesClosed(),
        gateway.rejectedByBreaker(), gateway.rejectedByBulkhead(), gateway.fallbacks(), new EnumMap<>(outcomes));
  }

  private Catalogue catalogue() {
    out.println();
    out.println("1. @Proxy: a catalogue created on its first call, behind an access policy that lets only find() through");
    Catalogue catalogue = CatalogueProxy.intercept(
        CatalogueProxy.lazy(() -> {
          catalogueCreations.incrementAndGet();
          return new WarehouseCatalogue(out);
        }),
        Interceptors.protection(AccessPolicy.onlyMethodsNamed("find")),
        Interceptors.timing((method, nanos, failure) -> lookups.incrementAndGet()));
    out.println("   proxy ready; catalogue created " + catalogueCreations.get() + " times so far");
    Product book = catalogue.find(SKU);
    out.println("   find(\"" + SKU + "\") -> " + book + "; catalogue created " + catalogueCreations.get() + " time");
    Product bargain = new Product(SKU, book.name(), 1);
    try {
      catalogue.update(bargain);
      out.println("   update(" + bargain + ") went through: the access policy failed!");
    } catch (AccessDeniedException refused) {
      updatesRefused++;
      out.println("   update(" + bargain + ") -> refused: " + refused.getMessage());
    }
    return catalogue;
  }

  private List<Placed> takeOrders(OrderService shop, InventoryActiveObject inventory, Subscription emails) {
    out.println();
    out.println("2. @ActiveObject and @Publisher: " + CUSTOMERS + " customers order " + SKU + "; "
        + IN_STOCK + " copies in stock");
    List<Placed> placed = new ArrayList<>();
    for (int customer = 1; customer <= CUSTOMERS; customer++) {
      placed.add(shop.place("customer" + customer, SKU));
    }
    int available = inventory.available().join(); // runs after every reservation the inventory could grant
    for (Placed order : placed) {
      if (order.reservation().isDone()) {
        fewestUnitsLeft = Math.min(fewestUnitsLeft, order.reservation().join());
      }
    }
    out.println("   " + placed.size() + " orders placed; the audit log (synchronous) has " + audit.lines().size()
        + " lines already; the e-mail notifier (asynchronous) has sent " + notifier.sent() + " e-mails, "
        + emails.pendingEvents() + " wait in its queue: its mail server is down, and the shop does not wait for it");
    out.println("   reservations granted at once: " + ids(placed, true) + "; copies left: " + available);
    out.println("   waiting at @Guard(\"inStock\"): " + ids(placed, false) + " (pendingRequests() = "
        + inventory.pendingRequests() + "); none was granted a copy that is not there");
    return placed;
  }

  private void payOneAtATime(OrderService shop, List<Placed> orders) {
    out.println();
    out.println("3. @Timeout, @Retry, @CircuitBreaker, @Fallback: the " + orders.size()
        + " reserved orders pay, one at a time, while the payment server misbehaves");
    for (Placed order : orders) {
      pay(shop, order.order());
    }
  }

  private List<Placed> restock(InventoryActiveObject inventory, List<Placed> waiting) {
    out.println();
    out.println("4. The printer delivers " + RESTOCKED + " copies: restock(" + RESTOCKED + ") lets the oldest waiting"
        + " reservations through the guard");
    inventory.restock(RESTOCKED);
    List<Placed> granted = new ArrayList<>();
    for (Placed order : waiting.subList(0, RESTOCKED)) {
      fewestUnitsLeft = Math.min(fewestUnitsLeft, order.reservation().join());
      granted.add(order);
    }
    out.println("   granted now: " + ids(granted, true) + "; still waiting: " + ids(waiting, false));
    return granted;
  }

  private void payTheTrialCall(OrderService shop, Placed order) throws InterruptedException {
    out.println("   the shop lets the breaker's delay pass (" + PaymentGateway.BREAKER_DELAY_MILLIS + " ms), then "
        + order.order().id() + " pays: the breaker's trial call");
    TimeUnit.MILLISECONDS.sleep(PaymentGateway.BREAKER_DELAY_MILLIS);
    pay(shop, order.order());
  }

  /**
   * Two orders pay at once on a slow server and fill the bulkhead; a third, paying meanwhile, is
   * turned away at once and gives its copy back, which the oldest waiting reservation gets.
   * Answers the reservations still waiting.
   */
  private List<Placed> fillTheBulkhead(OrderService shop, List<Placed> burst, List<Placed> waiting)
      throws InterruptedException {
    Placed third = burst.get(2);
    out.println();
    out.println("5. @Bulkhead(2): " + burst.get(0).order().id() + " and " + burst.get(1).order().id()
        + " pay at once, and the server is slow; " + third.order().id() + " pays while both are in flight");
    List<Future<Settlement>> slow = new ArrayList<>();
    for (Placed order : burst.subList(0, 2)) {
      slow.add(checkout.submit(() -> shop.settle(order.order())));
    }
    awaitFullBulkhead();
    Settlement turnedAway = pay(shop, third.order());
    for (int i = 0; i < slow.size(); i++) {
      Settlement settled = join(slow.get(i));
      count(settled);
      out.println("   " + burst.get(i).order().id() + " -> " + describe(settled));
    }

    List<Placed> stillWaiting = new ArrayList<>(waiting);
    if (turnedAway.outcome() == Outcome.PAYMENT_FAILED) {
      Placed next = stillWaiting.remove(0);
      fewestUnitsLeft = Math.min(fewestUnitsLeft, next.reservation().join());
      out.println("   " + next.order().id() + "'s reservation got the copy " + third.order().id() + " gave back");
      pay(shop, next.order());
    }
    return stillWaiting;
  }

  /** Waits until both slow payments hold a slot of the bulkhead, or gives up after a while. */
  private void awaitFullBulkhead() throws InterruptedException {
    BulkheadView bulkhead = FaultToleranceRegistry.global().find(CHARGE).flatMap(FaultTolerance::bulkhead)
        .orElseThrow(() -> new IllegalStateException("no bulkhead registered for " + CHARGE));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BULKHEAD_WAIT_SECONDS);
    while (bulkhead.inUse() < bulkhead.maxConcurrent() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(1);
    }
    out.println("   in flight: " + bulkhead.inUse() + " of " + bulkhead.maxConcurrent() + " slots of the bulkhead");
  }

  /**
   * Closes the inventory, which cancels the reservations nothing can grant any more, then the
   * publisher, which waits for the e-mails. Answers how many reservations were cancelled.
   */
  private int close(OrderService shop, InventoryActiveObject inventory, List<Placed> stillWaiting,
      OrderEventsPublisher events, Subscription emails) {
    out.println();
    out.println("6. Closing time");
    inventory.close();
    int cancelled = 0;
    for (Placed order : stillWaiting) {
      try {
        fewestUnitsLeft = Math.min(fewestUnitsLeft, order.reservation().join());
        out.println("   " + order.order().id() + "'s reservation was granted after all");
        pay(shop, order.order());
      } catch (CancellationException | CompletionException e) {
        cancelled++;
        count(shop.soldOut(order.order()));
        out.println("   inventory.close(): " + order.order().id() + "'s reservation still waited at the guard, and"
            + " nothing could let it through any more: cancelled, and the order with it (sold out)");
      }
    }
    out.println("   the mail server is back; the notifier has sent " + notifier.sent() + " e-mails so far, and "
        + audit.lines().size() + " events have been published");
    notifier.mailServerUp();
    events.close();
    out.println("   events.close() waited for the notifier's queue: " + notifier.sent() + " e-mails sent, "
        + emails.pendingEvents() + " left; the audit log has " + audit.lines().size() + " lines");
    return cancelled;
  }

  private Settlement pay(OrderService shop, Order order) {
    out.println("   " + order.id() + " pays " + order.totalCents() + " cents");
    long start = System.nanoTime();
    Settlement settled = shop.settle(order);
    count(settled);
    out.println("     -> " + describe(settled) + " (" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms)");
    return settled;
  }

  private void count(Settlement settled) {
    outcomes.merge(settled.outcome(), 1, Integer::sum);
  }

  private static String describe(Settlement settled) {
    return switch (settled.outcome()) {
      case PAID -> "paid and shipped: " + settled.detail();
      case INVOICED -> "shipped with an invoice (fallback): " + settled.detail();
      case PAYMENT_FAILED -> "cancelled, its copy back in stock: " + settled.detail();
      case SOLD_OUT -> "cancelled: " + settled.detail();
    };
  }

  private static String ids(List<Placed> orders, boolean reserved) {
    List<String> ids = orders.stream().filter(order -> order.reservation().isDone() == reserved)
        .map(order -> order.order().id()).toList();
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }

  private static Settlement join(Future<Settlement> settlement) throws InterruptedException {
    try {
      return settlement.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a payment failed outside the order service", e.getCause());
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger threads = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

package com.acme.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Drives {@link AnnotatedShop} and prints one line per scenario, {@code <scenario>: <outcome>}. */
public final class AnnotatedShopMain {
  private AnnotatedShopMain() {}

  public static void main(String[] args) throws Exception {
    runScenarios();
    System.exit(0);
  }

  /** Prints one line per scenario. */
  static void runScenarios() throws Exception {
    AnnotatedShop shop = new AnnotatedShop();
    System.out.println("retry: " + shop.restock("tea") + " after " + shop.attempts.get() + " attempts");

    shop.attempts.set(0);
    System.out.println("retry-arguments: " + shop.label(2));

    shop.attempts.set(0);
    System.out.println("retry-exhausted: " + outcome(() -> {
      shop.ship("tea");
      return null;
    }) + " after " + shop.attempts.get() + " attempts");

    shop.attempts.set(0);
    System.out.println("abort-on: " + outcome(() -> shop.count(7)) + " after " + shop.attempts.get() + " attempts");

    List<String> prices = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      prices.add(outcome(() -> shop.price("tea")));
    }
    System.out.println("breaker: " + prices + ", body ran " + shop.bodies.get() + " times");

    shop.inside = new CountDownLatch(2);
    shop.release = new CountDownLatch(1);
    // Two threads of their own: the common pool may have only one on a small machine.
    ExecutorService packerThreads = Executors.newFixedThreadPool(2);
    List<CompletableFuture<String>> packers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String item = "box " + i;
      packers.add(CompletableFuture.supplyAsync(() -> outcome(() -> shop.pack(item)), packerThreads));
    }
    shop.inside.await();
    String third = outcome(() -> shop.pack("box 2"));
    shop.release.countDown();
    List<String> packed = new ArrayList<>();
    for (CompletableFuture<String> packer : packers) {
      packed.add(packer.get(10, TimeUnit.SECONDS));
    }
    packerThreads.shutdown();
    packed.sort(null);
    System.out.println("bulkhead: third " + third + ", others " + packed);

    long start = System.nanoTime();
    String weighed = outcome(() -> shop.weigh("tea"));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.println("timeout: " + weighed + ", interrupted in body " + shop.interruptedInBody
        + ", flag after " + Thread.currentThread().isInterrupted() + ", within 10 s " + (millis < 10_000));

    System.out.println("fallback-method: " + shop.discount(40));
    System.out.println("fallback-handler: " + shop.review("tea"));
    System.out.println("static: " + AnnotatedShop.audit(new AtomicInteger()));

    shop.attempts.set(0);
    System.out.println("async-retry: " + shop.deliver("tea").toCompletableFuture().get(10, TimeUnit.SECONDS));
    shop.bodies.set(0);
    System.out.println("async-timeout: " + asyncOutcome(shop.track("parcel 9").toCompletableFuture())
        + ", body ran " + shop.bodies.get() + " times");
    System.out.println("async-fallback: " + shop.courier("tea").toCompletableFuture().get(10, TimeUnit.SECONDS));
    ExpressParcels express = new ExpressParcels();
    System.out.println("async-override: " + express.send("p1").toCompletableFuture().get(10, TimeUnit.SECONDS)
        + ", override ran " + express.overrides.get() + " times, woven body " + express.bodies.get() + " times");
  }

  /** Runs {@code call} and describes its result or its exception by simple class name and message. */
  static String outcome(Call call) {
    try {
      return "returned " + call.call();
    } catch (Exception e) {
      return e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
    }
  }

  static String asyncOutcome(CompletableFuture<?> stage) throws InterruptedException {
    try {
      return "completed " + stage.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return "failed " + e.getCause().getClass().getSimpleName();
    } catch (java.util.concurrent.TimeoutException e) {
      return "still pending after 10 s";
    }
  }

  /** A call that may throw anything. */
  interface Call {
    Object call() throws Exception;
  }
}

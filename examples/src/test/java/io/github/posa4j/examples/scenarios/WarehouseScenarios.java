package io.github.posa4j.examples.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The shared scenario suite: the same calls on a {@link Warehouse}, protected either by the
 * processor's generated decorator or by the agent's woven advice, described line by line so that
 * the two front ends can be compared. {@link #main} runs it on a plain {@code Warehouse}, for the
 * agent to weave.
 */
public final class WarehouseScenarios {
  private WarehouseScenarios() {}

  /** Prints the outcomes of the scenarios on a {@code new Warehouse()}, one per line. */
  public static void main(String[] args) throws Exception {
    run(Warehouse::new).forEach(System.out::println);
  }

  /** Runs every scenario, each on a fresh warehouse from {@code warehouses}, and describes the outcomes. */
  public static List<String> run(java.util.function.Supplier<? extends Warehouse> warehouses) throws Exception {
    List<String> outcomes = new ArrayList<>();

    Warehouse warehouse = warehouses.get();
    outcomes.add("retry: " + outcome(() -> warehouse.restock("tea")) + ", runs " + warehouse.runs.get());

    Warehouse shipping = warehouses.get();
    outcomes.add("retry exhausted: " + outcome(() -> {
      shipping.ship("tea");
      return null;
    }) + ", runs " + shipping.runs.get());
    shipping.runs.set(0);
    outcomes.add("abort on: " + outcome(() -> {
      shipping.ship("");
      return null;
    }) + ", runs " + shipping.runs.get());

    Warehouse counting = warehouses.get();
    List<String> counts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      counts.add(outcome(() -> counting.count("A" + counting.runs.get())));
    }
    outcomes.add("breaker: " + counts + ", runs " + counting.runs.get());

    Warehouse packing = warehouses.get();
    packing.inside = new CountDownLatch(1);
    packing.release = new CountDownLatch(1);
    ExecutorService packer = Executors.newSingleThreadExecutor();
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> outcome(() -> packing.pack("box 1")), packer);
    packing.inside.await();
    String second = outcome(() -> packing.pack("box 2"));
    packing.release.countDown();
    outcomes.add("bulkhead: first " + first.get(10, TimeUnit.SECONDS) + ", second " + second);
    packer.shutdown();

    Warehouse weighing = warehouses.get();
    outcomes.add("timeout and fallback: " + outcome(() -> weighing.weigh("tea")) + ", interrupted " + weighing.interrupted
        + ", flag after " + Thread.currentThread().isInterrupted());

    Warehouse delivering = warehouses.get();
    outcomes.add("async retry: " + stage(delivering.deliver("tea").toCompletableFuture()) + ", runs " + delivering.runs.get());
    Warehouse pianos = warehouses.get();
    outcomes.add("async fallback: " + stage(pianos.deliver("piano").toCompletableFuture()) + ", runs " + pianos.runs.get());

    Warehouse tracking = warehouses.get();
    outcomes.add("async timeout: " + stage(tracking.track("parcel").toCompletableFuture()) + ", runs " + tracking.runs.get());
    return outcomes;
  }

  private static String outcome(Call call) {
    try {
      return "returned " + call.call();
    } catch (Exception e) {
      return e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
    }
  }

  private static String stage(CompletableFuture<?> stage) throws InterruptedException {
    try {
      return "completed " + stage.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return "failed " + e.getCause().getClass().getSimpleName();
    } catch (java.util.concurrent.TimeoutException e) {
      return "still pending after 10 s";
    }
  }

  /** A call that may throw anything. */
  private interface Call {
    Object call() throws Exception;
  }
}

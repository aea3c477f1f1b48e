package io.github.posa4j.benchmarks.pubsub;

import com.google.common.eventbus.AsyncEventBus;
import io.github.posa4j.benchmarks.pubsub.AsyncPublishBenchmark.Completion;
import io.github.posa4j.benchmarks.pubsub.AsyncPublishBenchmark.CountingSubscriber;
import io.github.posa4j.benchmarks.pubsub.AsyncPublishBenchmark.GuavaSubscriber;
import io.github.posa4j.benchmarks.pubsub.AsyncPublishBenchmark.Posa4jSubscriber;
import io.github.posa4j.pubsub.Delivery;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A diagnostic, not a JMH benchmark: how many times each bus calls {@code executor.execute} per
 * batch of {@value AsyncPublishBenchmark#BATCH} events in the loop of {@link AsyncPublishBenchmark}
 * (same subscribers, same {@link Completion}, same kind of pool, behind an executor that counts
 * its calls and forwards them), and the time per event, measured with {@code System.nanoTime()}
 * over the second half of the run. Each {@code execute} on an idle pool thread costs a wake-up.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.posa4j.benchmarks.pubsub.AsyncHandOffs posa4j|guava SUBSCRIBERS THREADS SECONDS
 * }</pre>
 */
public final class AsyncHandOffs {
  private AsyncHandOffs() {}

  public static void main(String[] args) throws InterruptedException {
    boolean posa4j = args[0].equals("posa4j");
    int subscribers = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    int batch = AsyncPublishBenchmark.BATCH;

    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "pubsub-handoffs-pool");
      thread.setDaemon(true);
      return thread;
    });
    LongAdder executes = new LongAdder();
    Executor counting = task -> {
      executes.increment();
      pool.execute(task);
    };
    Completion done = new Completion();
    CountingSubscriber[] targets = new CountingSubscriber[subscribers];
    PriceEventsPublisher publisher = PriceEventsPublisher.create();
    AsyncEventBus guava = new AsyncEventBus(counting);
    for (int i = 0; i < subscribers; i++) {
      if (posa4j) {
        Posa4jSubscriber subscriber = new Posa4jSubscriber(done);
        publisher.subscribe(subscriber, Delivery.async(counting));
        targets[i] = subscriber;
      } else {
        targets[i] = new GuavaSubscriber(done);
        guava.register(targets[i]);
      }
    }

    PriceChange change = new PriceChange(42, 12_345L);
    long start = System.nanoTime();
    long half = start + TimeUnit.SECONDS.toNanos(seconds) / 2;
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    long batches = 0;
    long measuredFrom = 0;
    long batchesBefore = 0;
    long executesBefore = 0;
    for (long now = start; now < end; now = System.nanoTime()) {
      if (measuredFrom == 0 && now >= half) {
        measuredFrom = now;
        batchesBefore = batches;
        executesBefore = executes.sum();
      }
      done.begin(subscribers);
      for (int i = 0; i < batch; i++) {
        if (posa4j) {
          publisher.priceChanged(change);
        } else {
          guava.post(change);
        }
      }
      done.await();
      batches++;
    }
    long measured = batches - batchesBefore;
    for (CountingSubscriber target : targets) {
      if (target.received() != batches * batch) {
        throw new IllegalStateException("a subscriber received " + target.received() + " of " + batches * batch);
      }
    }
    System.out.printf("%s, %d subscriber(s), %d pool thread(s): %.1f ns/event, %.1f executor.execute calls per batch of %d events%n",
        posa4j ? "posa4j" : "guava", subscribers, threads, (System.nanoTime() - measuredFrom) / (double) (measured * batch),
        (executes.sum() - executesBefore) / (double) measured, batch);
    publisher.close();
    pool.shutdown();
  }
}

package io.github.posa4j.examples.active;

import io.github.posa4j.active.ActiveObjectOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code @ActiveObject} demo: producers and consumers on several threads sharing a
 * {@link BoundedBuffer} of two items through its active object, consumers paying each order into
 * an {@link Account} active object, ten thousand accounts on a two-thread executor, and the
 * lifecycle: {@code close()} drains, {@code shutdownNow()} cancels.
 *
 * <p>Run it from the repository root:
 *
 * <pre>
 * mvn -B -pl examples -am package -DskipTests
 * java -cp examples/target/classes:runtime/target/posa4j-runtime-0.1.0-SNAPSHOT.jar:annotations/target/posa4j-annotations-0.1.0-SNAPSHOT.jar \
 *     io.github.posa4j.examples.active.ActiveObjectDemo
 * </pre>
 */
public final class ActiveObjectDemo {
  private static final int PRODUCERS = 3;
  private static final int CONSUMERS = 2;
  private static final int ORDERS_PER_PRODUCER = 2_000;

  private ActiveObjectDemo() {}

  /** Tells the story on {@code System.out}. */
  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  /** Tells the story on {@code out}. */
  public static void run(PrintStream out) throws InterruptedException {
    producersAndConsumers(out);
    out.println();
    manyActiveObjectsOnFewThreads(out);
    out.println();
    lifecycle(out);
  }

  private static void producersAndConsumers(PrintStream out) throws InterruptedException {
    out.println("1. A bounded buffer of 2 orders between " + PRODUCERS + " producer and " + CONSUMERS
        + " consumer threads; consumers pay each order into an account");
    try (BoundedBufferActiveObject<Integer> buffer = BoundedBufferActiveObject.start(new BoundedBuffer<>(2));
        AccountActiveObject account = AccountActiveObject.start(new Account())) {
      CompletableFuture<Integer> early = buffer.take();
      out.println("   take() before any put: waits for its guard isNotEmpty(), done = " + early.isDone()
          + "; size() still answers: " + buffer.size().join());
      buffer.put(0);
      out.println("   put(0): the waiting take() got " + early.join());

      int orders = PRODUCERS * ORDERS_PER_PRODUCER;
      Set<Integer> received = ConcurrentHashMap.newKeySet();
      AtomicInteger duplicates = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        int first = 1 + p * ORDERS_PER_PRODUCER;
        threads.add(new Thread(() -> {
          for (int order = first; order < first + ORDERS_PER_PRODUCER; order++) {
            buffer.put(order).join();
          }
        }, "producer-" + p));
      }
      for (int c = 0; c < CONSUMERS; c++) {
        threads.add(new Thread(() -> {
          for (int i = 0; i < orders / CONSUMERS; i++) {
            int order = buffer.take().join();
            if (!received.add(order)) {
              duplicates.incrementAndGet();
            }
            account.deposit(order); // fire and forget: the account queues it
          }
        }, "consumer-" + c));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      long expected = (long) orders * (orders + 1) / 2;
      out.println("   orders moved: " + received.size() + " of " + orders + ", duplicates: " + duplicates.get()
          + ", left in buffer: " + buffer.size().join());
      out.println("   account balance: " + account.balance().join() + " (sum of the orders: " + expected + ")"
          + " after " + account.operations().join() + " deposits");

      CompletableFuture<Long> tooMuch = account.withdraw(expected + 1);
      try {
        tooMuch.join();
      } catch (CompletionException e) {
        out.println("   withdraw(" + (expected + 1) + ") failed through its future: " + e.getCause());
      }
      out.println("   the account keeps serving: withdraw(" + expected + ") leaves " + account.withdraw(expected).join());
    }
  }

  private static void manyActiveObjectsOnFewThreads(PrintStream out) {
    int accounts = 10_000;
    out.println("2. " + accounts + " account active objects sharing an executor of 2 threads");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ActiveObjectOptions shared = ActiveObjectOptions.builder().sharedExecutor(pool).build();
      List<AccountActiveObject> all = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        all.add(AccountActiveObject.start(new Account(), shared));
      }
      for (int round = 0; round < 10; round++) {
        for (AccountActiveObject account : all) {
          account.deposit(1);
        }
      }
      long total = 0;
      for (AccountActiveObject account : all) {
        total += account.balance().join();
        account.close();
      }
      out.println("   10 deposits of 1 into each: total balance " + total + " (expected " + 10L * accounts + ")");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void lifecycle(PrintStream out) {
    out.println("3. Lifecycle");
    BoundedBufferActiveObject<String> draining = BoundedBufferActiveObject.start(new BoundedBuffer<>(100));
    for (int i = 0; i < 50; i++) {
      draining.put("item " + i);
    }
    CompletableFuture<Integer> size = draining.size();
    draining.close();
    out.println("   close() ran the queued requests first: size() answered " + size.join()
        + "; a call after close(): " + describe(draining.size()));

    BoundedBufferActiveObject<String> stopping = BoundedBufferActiveObject.start(new BoundedBuffer<>(1));
    List<CompletableFuture<String>> takes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      takes.add(stopping.take());
    }
    stopping.size().join();
    out.println("   5 take() calls wait on an empty buffer: pendingRequests() = " + stopping.pendingRequests());
    int cancelled = stopping.shutdownNow();
    long cancelledFutures = takes.stream().filter(CompletableFuture::isCancelled).count();
    out.println("   shutdownNow() cancelled " + cancelled + " requests; cancelled futures: " + cancelledFutures);
  }

  private static String describe(CompletableFuture<?> future) {
    try {
      return "answered " + future.join();
    } catch (CompletionException e) {
      return "refused with " + e.getCause().getClass().getSimpleName();
    }
  }
}

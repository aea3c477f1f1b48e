package io.github.posa4j.benchmarks.active;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Fire-and-forget throughput from one producer: each invocation submits a batch of
 * {@value #BATCH} void calls without waiting, then joins only the last future, so that the score
 * is end-to-end throughput (every call of the batch has run when the invocation returns: the
 * requests run in order), not the rate of appending to an unbounded queue. Mode
 * {@code Throughput}, {@code @OperationsPerInvocation(BATCH)}: one operation is one call.
 *
 * <ul>
 *   <li>{@link #posa4jDedicatedThread}: {@code CounterActiveObject.start(new Counter())}, the
 *       default options (a dedicated platform thread, a queue of 65,536 that blocks when full),
 *       {@code increment()} {@value #BATCH} times. The goal of the issue is about this one.
 *   <li>{@link #posa4jSharedExecutor}: the same on a shared executor, a single-thread
 *       {@code ThreadPoolExecutor} like the baseline's (for information: the scheduler hands
 *       the thread back every 256 requests).
 *   <li>{@link #baselineRunAsync}: {@code CompletableFuture.runAsync(task, executor)}
 *       {@value #BATCH} times on {@code new ThreadPoolExecutor(1, 1, 0, MILLISECONDS, new
 *       LinkedBlockingQueue<>())}, with {@code task} a prebuilt {@code Runnable} doing the same
 *       increment on a {@link Counter.Box} confined to the executor's thread.
 * </ul>
 *
 * <p>Each JMH fork runs one benchmark method, so each state's threads exist only in its own fork;
 * the tear-down checks that every call ran, then closes the active object and shuts the executor
 * down, so that the fork exits.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FireAndForgetBenchmark {
  static final int BATCH = 1_000;

  /** Fails the trial if the calls that were counted did not all run. */
  static void check(String what, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(what + ": " + expected + " calls submitted, " + actual + " ran");
    }
  }

  @State(Scope.Thread)
  public static class DedicatedThread {
    CounterActiveObject counter;
    long calls;

    @Setup(Level.Trial)
    public void setUp() {
      counter = CounterActiveObject.start(new Counter());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      check("posa4j dedicated thread", calls, counter.get().join());
      counter.close();
    }
  }

  @State(Scope.Thread)
  public static class SharedExecutor {
    ThreadPoolExecutor executor;
    CounterActiveObject counter;
    long calls;

    @Setup(Level.Trial)
    public void setUp() {
      executor = Counter.singleThreadExecutor();
      counter = CounterActiveObject.start(new Counter(),
          io.github.posa4j.active.ActiveObjectOptions.builder().sharedExecutor(executor).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      check("posa4j shared executor", calls, counter.get().join());
      counter.close();
      executor.shutdown();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @State(Scope.Thread)
  public static class Baseline {
    ThreadPoolExecutor executor;
    final Counter.Box box = new Counter.Box();
    Runnable task;
    long calls;

    @Setup(Level.Trial)
    public void setUp() {
      executor = Counter.singleThreadExecutor();
      Counter.Box box = this.box;
      task = () -> box.value++;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      check("baseline runAsync", calls, CompletableFuture.supplyAsync(() -> box.value, executor).join());
      executor.shutdown();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Void posa4jDedicatedThread(DedicatedThread state) {
    state.calls += BATCH;
    return burst(state.counter);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Void posa4jSharedExecutor(SharedExecutor state) {
    state.calls += BATCH;
    return burst(state.counter);
  }

  /** {@value #BATCH} calls without waiting, then a wait for the last, which runs after the others. */
  private static Void burst(CounterActiveObject counter) {
    for (int i = 1; i < BATCH; i++) {
      counter.increment();
    }
    return counter.increment().join();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Void baselineRunAsync(Baseline state) {
    ThreadPoolExecutor executor = state.executor;
    Runnable task = state.task;
    for (int i = 1; i < BATCH; i++) {
      CompletableFuture.runAsync(task, executor);
    }
    state.calls += BATCH;
    return CompletableFuture.runAsync(task, executor).join();
  }
}

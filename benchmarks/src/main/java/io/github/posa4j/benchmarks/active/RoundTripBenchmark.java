package io.github.posa4j.benchmarks.active;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Call-then-join round trips from one caller: one call, then {@code join()}, per operation. Mode
 * {@code AverageTime}, ns/op.
 *
 * <ul>
 *   <li>{@link #posa4jDedicatedThread}: {@code counter.get().join()} on
 *       {@code CounterActiveObject.start(new Counter())} (default options: a dedicated thread).
 *       The goal of the issue is about this one.
 *   <li>{@link #posa4jSharedExecutor}: the same on a shared single-thread
 *       {@code ThreadPoolExecutor} like the baseline's (for information).
 *   <li>{@link #baselineSupplyAsync}: {@code CompletableFuture.supplyAsync(() -> box.value,
 *       executor).join()} on {@code new ThreadPoolExecutor(1, 1, 0, MILLISECONDS, new
 *       LinkedBlockingQueue<>())}.
 * </ul>
 *
 * <p>Both sides box the {@code long} result (values beyond the {@code Long} cache, since the
 * count is moved past it in the setup) and allocate one task object per call (the request, or
 * the capturing lambda plus {@code AsyncSupply} and its future).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoundTripBenchmark {
  /** Moves the counts past the {@code Long} cache, so that both sides allocate their box. */
  private static final int PAST_LONG_CACHE = 1_000;

  @State(Scope.Thread)
  public static class DedicatedThread {
    CounterActiveObject counter;

    @Setup(Level.Trial)
    public void setUp() {
      counter = CounterActiveObject.start(new Counter());
      for (int i = 0; i < PAST_LONG_CACHE; i++) {
        counter.increment();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      counter.close();
    }
  }

  @State(Scope.Thread)
  public static class SharedExecutor {
    ThreadPoolExecutor executor;
    CounterActiveObject counter;

    @Setup(Level.Trial)
    public void setUp() {
      executor = Counter.singleThreadExecutor();
      counter = CounterActiveObject.start(new Counter(),
          io.github.posa4j.active.ActiveObjectOptions.builder().sharedExecutor(executor).build());
      for (int i = 0; i < PAST_LONG_CACHE; i++) {
        counter.increment();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      counter.close();
      executor.shutdown();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @State(Scope.Thread)
  public static class Baseline {
    ThreadPoolExecutor executor;
    final Counter.Box box = new Counter.Box();

    @Setup(Level.Trial)
    public void setUp() {
      executor = Counter.singleThreadExecutor();
      Counter.Box box = this.box;
      for (int i = 0; i < PAST_LONG_CACHE; i++) {
        CompletableFuture.runAsync(() -> box.value++, executor);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      executor.shutdown();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Benchmark
  public Long posa4jDedicatedThread(DedicatedThread state) {
    return state.counter.get().join();
  }

  @Benchmark
  public Long posa4jSharedExecutor(SharedExecutor state) {
    return state.counter.get().join();
  }

  @Benchmark
  public Long baselineSupplyAsync(Baseline state) {
    Counter.Box box = state.box;
    return CompletableFuture.supplyAsync(() -> box.value, state.executor).join();
  }
}

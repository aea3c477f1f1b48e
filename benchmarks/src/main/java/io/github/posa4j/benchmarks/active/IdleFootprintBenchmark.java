package io.github.posa4j.benchmarks.active;

import io.github.posa4j.active.ActiveObjectOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * What starting an idle active object on a shared executor allocates: run with {@code -prof gc}
 * and subtract {@code gc.alloc.rate.norm} of {@link #newServantOnly} from that of
 * {@link #startIdleOnSharedExecutor}. That counts every byte allocated by {@code start}, garbage
 * included (the {@code Optional} of the name, the lambda that makes it, string building), so it
 * is an upper bound of what an idle active object retains; {@link IdleFootprint} measures the
 * retained size with a heap histogram.
 *
 * <p>The active objects are never called: no drain task is ever submitted, so the executor runs
 * nothing and no thread is held; they become garbage at once (an idle one needs no closing).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class IdleFootprintBenchmark {
  private ExecutorService executor;
  private ActiveObjectOptions sharedOptions;

  @Setup(Level.Trial)
  public void setUp() {
    executor = Executors.newFixedThreadPool(2);
    sharedOptions = ActiveObjectOptions.builder().sharedExecutor(executor).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public CounterActiveObject startIdleOnSharedExecutor() {
    return CounterActiveObject.start(new Counter(), sharedOptions);
  }

  @Benchmark
  public Counter newServantOnly() {
    return new Counter();
  }
}

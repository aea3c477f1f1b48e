package io.github.posa4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The success path of Retry + CircuitBreaker + Bulkhead through the processor's generated
 * {@code ResilientGuardedBackend}, against {@link HandWrittenGuardedBackend}, the code it stands
 * for. Both use the same policy object; the figures should be equal.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeneratedDecoratorBenchmark {
  private GuardedBackend generated;
  private GuardedBackend handWritten;

  /** Builds both decorators around a target that returns a field. */
  @Setup
  public void setUp() {
    Integer value = 42_000;
    GuardedBackend target = () -> value;
    generated = ResilientGuardedBackend.wrap(target);
    handWritten = new HandWrittenGuardedBackend(target);
    if (!generated.fetch().equals(handWritten.fetch())) {
      throw new IllegalStateException("the two decorators disagree");
    }
  }

  /** The generated decorator. */
  @Benchmark
  public Integer generated() {
    return generated.fetch();
  }

  /** The hand-written call protocol. */
  @Benchmark
  public Integer handWritten() {
    return handWritten.fetch();
  }
}

package io.github.posa4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline: {@link Backend#fetch()} called directly, with no policy. {@code success} returns
 * a field; {@code failure} throws and catches the preallocated exception. The overhead of a
 * library is its figure minus this one, from the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DirectBenchmark {
  /** Which path to measure: {@code success} or {@code failure}. */
  @Param({"success", "failure"})
  public String path;

  private Backend backend;

  /** Picks the backend for the path. */
  @Setup
  public void setUp() {
    backend = "failure".equals(path) ? Backend.failing() : Backend.succeeding(42);
  }

  /** The body alone, in the same try/catch the other benchmarks use. */
  @Benchmark
  public Object direct() {
    try {
      return backend.fetch();
    } catch (RuntimeException e) {
      return e;
    }
  }
}

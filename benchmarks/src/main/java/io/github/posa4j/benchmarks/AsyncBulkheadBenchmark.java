package io.github.posa4j.benchmarks;

import io.github.posa4j.resilience.BulkheadPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * A bulkhead alone around a method returning {@link CompletionStage}, single-threaded.
 *
 * <ul>
 *   <li>{@code success}: 10 slots, all free, and a body whose stage is already complete: each
 *       call takes a slot and gives it back when the stage completes, on the calling thread.
 *   <li>{@code failure}: 1 slot and 1 waiting place, both held by calls whose stages never
 *       complete, so every measured call is turned away through its stage.
 * </ul>
 *
 * <p>Resilience4j's semaphore bulkhead ({@code decorateCompletionStage}, no waiting) is the peer;
 * its asynchronous calls never wait, so on the failure path it is full with its one slot held.
 * Failsafe's {@code getStageAsync} always hands the call to another thread, which would measure
 * the hand-off rather than the bulkhead; it is left out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AsyncBulkheadBenchmark {
  private static final CompletableFuture<Integer> DONE = CompletableFuture.completedFuture(42);

  /** Which path to measure: {@code success} or {@code failure}. */
  @Param({"success", "failure"})
  public String path;

  private FaultTolerance posa4j;
  private final Supplier<CompletionStage<Integer>> body = () -> DONE;
  private Supplier<CompletionStage<Integer>> resilience4j;

  /** Builds both bulkheads, and fills them on the failure path. */
  @Setup
  public void setUp() {
    boolean failure = switch (path) {
      case "success" -> false;
      case "failure" -> true;
      default -> throw new IllegalArgumentException("path must be success or failure: " + path);
    };
    int slots = failure ? 1 : Policies.SLOTS;
    posa4j = FaultTolerance.builder("benchmarks.Backend/fetchAsync")
        .bulkhead(BulkheadPolicy.of(slots, failure ? 1 : Policies.SLOTS))
        .build();
    Bulkhead r4jBulkhead = Policies.resilience4jBulkhead(slots);
    resilience4j = Bulkhead.decorateCompletionStage(r4jBulkhead, body);

    if (failure) {
      CompletableFuture<Integer> never = new CompletableFuture<>();
      posa4j.callAsync(() -> never); // runs, and holds the slot
      posa4j.callAsync(() -> never); // waits, and holds the place
      if (posa4j.bulkheadInUse() != 1 || posa4j.bulkheadWaiting() != 1 || !r4jBulkhead.tryAcquirePermission()) {
        throw new IllegalStateException("could not fill every bulkhead");
      }
      if (!posa4j.callAsync(body).isCompletedExceptionally()) {
        throw new IllegalStateException("the full posa4j bulkhead accepted a call");
      }
    }
  }

  /** posa4j: {@code FaultTolerance.callAsync(Supplier)}, what generated code calls for such a method. */
  @Benchmark
  public CompletableFuture<Integer> posa4j() {
    return posa4j.callAsync(body);
  }

  /** Resilience4j 2.4.0: a stage supplier decorated once, called each time. */
  @Benchmark
  public CompletionStage<Integer> resilience4j() {
    return resilience4j.get();
  }
}

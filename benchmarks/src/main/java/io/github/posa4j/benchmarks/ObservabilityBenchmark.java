package io.github.posa4j.benchmarks;

import io.github.posa4j.config.Config;
import io.github.posa4j.observe.FlightRecorderEvents;
import io.github.posa4j.observe.Observability;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
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
 * What observability costs a healthy call: the success path of Retry(CircuitBreaker(Bulkhead)),
 * the configuration of {@link ComposedBenchmark}, in the call protocol of generated code, with
 * {@link #observability} {@code off} (a registry with no observer) and {@code jmx} (the breaker's
 * and bulkhead's MBeans registered on the platform MBean server and the Flight Recorder listener
 * added, no recording running). The setup checks that the MBeans are there, or not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class ObservabilityBenchmark {
  private static final String METHOD = "io.github.posa4j.benchmarks.Backend/observed()";

  /** {@code off} or {@code jmx}. */
  @Param({"off", "jmx"})
  public String observability;

  private Backend guarded;

  /** Builds the policies in a registry of their own, observed or not, and checks which. */
  @Setup
  public void setUp() throws Exception {
    FaultToleranceRegistry registry = new FaultToleranceRegistry(loader -> Config.empty());
    boolean observed = switch (observability) {
      case "off" -> false;
      case "jmx" -> true;
      default -> throw new IllegalArgumentException("observability must be off or jmx: " + observability);
    };
    if (observed) {
      Observability.registerMBeans(registry);
      registry.addListener(FlightRecorderEvents.listener());
    }
    FaultTolerance policy = registry.computeIfAbsent(METHOD, key -> FaultTolerance.builder(key)
        .retry(Policies.posa4jRetry())
        .circuitBreaker(Policies.posa4jCircuitBreaker())
        .bulkhead(Policies.posa4jBulkhead(Policies.SLOTS))
        .build());
    ObjectName breaker = new ObjectName("io.github.posa4j:type=CircuitBreaker,name=" + ObjectName.quote(METHOD));
    if (ManagementFactory.getPlatformMBeanServer().isRegistered(breaker) != observed) {
      throw new IllegalStateException("the breaker's MBean should " + (observed ? "" : "not ") + "be registered");
    }
    guarded = new ResilientBackend(Backend.succeeding(42), policy);
  }

  /** One healthy call through the whole stack. */
  @Benchmark
  public Object composedSuccess() {
    return guarded.fetch();
  }
}

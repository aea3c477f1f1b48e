package io.github.posa4j.benchmarks.agent;

import io.github.posa4j.resilience.BulkheadFullException;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.github.posa4j.resilience.internal.Permit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same policies applied two ways: the processor's generated decorator
 * {@code ResilientAnnotatedBackend} of the annotated {@link AnnotatedBackend}, and the agent's
 * advice woven into {@link PlainBackend}, a class without annotations, by the keys of
 * {@code benchmarks/agent-keys.properties}. Retry + CircuitBreaker + Bulkhead ({@code generated},
 * {@code woven}), the same with a Timeout ({@code generatedWithTimeout}, {@code wovenWithTimeout}),
 * and the body alone ({@code direct}: {@link PlainBackend#fetchDirect()}, named by no key). The failure path: a body that always throws under Retry (3, no delay) + a
 * CircuitBreaker that skips its exception + Bulkhead, so each call makes 4 attempts and ends with
 * the body's exception ({@code generatedFailure}, {@code wovenFailure}).
 *
 * <p>Every fork runs with the agent ({@link #AGENT}, paths relative to the repository root, so run
 * JMH from there; from elsewhere, give {@code -jvmArgsAppend} with absolute paths instead, which
 * replaces this one). The setup fails unless both sides really apply the policies, each exactly
 * once: same policies printed by both, and with all but one bulkhead slot held each call goes
 * through, with every slot held each call is rejected. An unwoven call can never be measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = WovenCallBenchmark.AGENT)
public class WovenCallBenchmark {
  /** The agent as the forks get it, relative to the repository root. */
  static final String AGENT = "-javaagent:agent/target/posa4j-agent.jar=config=benchmarks/agent-keys.properties";

  private static final int BULKHEAD = 10;

  private AnnotatedBackend generated;
  private PlainBackend plain;

  /** Builds both sides around the same value, then checks that each is protected exactly once. */
  @Setup
  public void setUp() {
    generated = new ResilientAnnotatedBackend(42_000);
    plain = new PlainBackend(42_000);
    check("fetch", generated::fetch, plain::fetch);
    check("fetchWithTimeout", generated::fetchWithTimeout, plain::fetchWithTimeout);
    if (registry(PlainBackend.class, "fetchDirect") != null) {
      throw new IllegalStateException("PlainBackend.fetchDirect() is woven: it must stay the bare baseline");
    }
    if (!plain.fetchDirect().equals(generated.fetch())) {
      throw new IllegalStateException("the baseline and the decorator disagree");
    }
    checkFailurePath();
  }

  /** Both failing methods have the same policies, and a call runs the body 1 + 3 times, then throws. */
  private void checkFailurePath() {
    generatedFailure();
    wovenFailure();
    FaultTolerance declared = registry(AnnotatedBackend.class, "fail");
    FaultTolerance woven = registry(PlainBackend.class, "fail");
    if (declared == null || woven == null || !declared.policies().toString().equals(woven.policies().toString())) {
      throw new IllegalStateException("fail() is not protected alike: generated " + declared + ", woven " + woven);
    }
    if (generated.attempts() != 4 || plain.attempts() != 4) {
      throw new IllegalStateException("a failing call must make 4 attempts; generated made " + generated.attempts()
          + ", woven " + plain.attempts());
    }
  }

  private static void check(String method, Supplier<Integer> generatedCall, Supplier<Integer> wovenCall) {
    FaultTolerance declared = registry(AnnotatedBackend.class, method);
    wovenCall.get(); // a woven method creates its policies on its first call
    FaultTolerance woven = registry(PlainBackend.class, method);
    if (declared == null) {
      throw new IllegalStateException("ResilientAnnotatedBackend registered no policies for " + method);
    }
    if (woven == null) {
      throw new IllegalStateException("PlainBackend." + method + "() is not woven: the agent did not run or"
          + " did not read benchmarks/agent-keys.properties (build it with `mvn -pl agent -am package`,"
          + " run JMH from the repository root, or pass -jvmArgsAppend \"" + AGENT.replace(":agent/", ":<abs>/agent/")
          .replace("=benchmarks/", "=<abs>/benchmarks/") + "\")");
    }
    if (!declared.policies().toString().equals(woven.policies().toString())) {
      throw new IllegalStateException("different policies for " + method + ": generated " + declared.policies()
          + ", woven " + woven.policies());
    }
    protectedOnce("ResilientAnnotatedBackend." + method, declared, generatedCall);
    protectedOnce("PlainBackend." + method + " (woven)", woven, wovenCall);
  }

  /** With one slot free the call succeeds (one bulkhead, not two); with none it is rejected. */
  private static void protectedOnce(String name, FaultTolerance policies, Supplier<Integer> call) {
    List<Permit> held = new ArrayList<>();
    try {
      while (held.size() < BULKHEAD - 1) {
        held.add(policies.enter());
      }
      call.get(); // throws if the bulkhead were applied twice
      held.add(policies.enter());
      try {
        call.get();
      } catch (BulkheadFullException expected) {
        return;
      }
      throw new IllegalStateException(name + " ran with its bulkhead full: its policies are not applied");
    } finally {
      held.forEach(policies::succeeded);
    }
  }

  private static FaultTolerance registry(Class<?> type, String method) {
    return FaultToleranceRegistry.global().find(type.getName() + "/" + method + "()").orElse(null);
  }

  /** The body alone: {@link PlainBackend#fetchDirect()}, which no key names. */
  @Benchmark
  public Integer direct() {
    return plain.fetchDirect();
  }

  /** Retry + CircuitBreaker + Bulkhead through the generated decorator. */
  @Benchmark
  public Integer generated() {
    return generated.fetch();
  }

  /** Retry + CircuitBreaker + Bulkhead woven by the agent from keys. */
  @Benchmark
  public Integer woven() {
    return plain.fetch();
  }

  /** Retry + CircuitBreaker + Timeout + Bulkhead through the generated decorator. */
  @Benchmark
  public Integer generatedWithTimeout() {
    return generated.fetchWithTimeout();
  }

  /** Retry + CircuitBreaker + Timeout + Bulkhead woven by the agent from keys. */
  @Benchmark
  public Integer wovenWithTimeout() {
    return plain.fetchWithTimeout();
  }

  /** The failure path of the generated decorator: 4 attempts, each failing, then the body's exception. */
  @Benchmark
  public Object generatedFailure() {
    try {
      return generated.fail();
    } catch (BackendFailure expected) {
      return expected;
    }
  }

  /** The failure path of the woven method: 4 attempts, each failing, then the body's exception. */
  @Benchmark
  public Object wovenFailure() {
    try {
      return plain.fail();
    } catch (BackendFailure expected) {
      return expected;
    }
  }
}

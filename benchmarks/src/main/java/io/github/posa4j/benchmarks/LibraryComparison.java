package io.github.posa4j.benchmarks;

import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.github.posa4j.resilience.FaultTolerance;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One policy (or composition) protecting {@link Backend#fetch()}, called four ways: posa4j's
 * functional style, posa4j's enter/exit style, Resilience4j and Failsafe. A subclass builds the
 * four for its scenario in a {@code @Setup} method, for the {@link #path} being measured:
 *
 * <ul>
 *   <li>{@code success}: the body returns a value on the first attempt;
 *   <li>{@code failure}: the scenario's failure path, described in the subclass's Javadoc.
 * </ul>
 *
 * <p>Every benchmark returns the result or the exception, so nothing is dead code. All objects,
 * including the decorated callables, are built once per trial, as an application would build them
 * once; single-threaded, so a shared state is fine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public abstract class LibraryComparison {
  /** Which path to measure: {@code success} or {@code failure}. */
  @Param({"success", "failure"})
  public String path;

  /** posa4j's policies, called in the functional style with {@link #posa4jBody}. */
  FaultTolerance posa4j;
  /** The body handed to {@link FaultTolerance#call(Callable)}. */
  Callable<Integer> posa4jBody;
  /** The same posa4j policies, called in the enter/exit style of generated code. */
  Backend posa4jEnterExit;
  /** The Resilience4j-decorated body. */
  Callable<Integer> resilience4j;
  /** The Failsafe executor, called with {@link #failsafeBody}. */
  FailsafeExecutor<Integer> failsafe;
  /** The body handed to {@link FailsafeExecutor#get(CheckedSupplier)}. */
  CheckedSupplier<Integer> failsafeBody;

  /** True on the failure path. */
  boolean failurePath() {
    switch (path) {
      case "success":
        return false;
      case "failure":
        return true;
      default:
        throw new IllegalArgumentException("path must be success or failure: " + path);
    }
  }

  /** The backend for this path: succeeding on the success path, failing on the failure path. */
  Backend backend() {
    return failurePath() ? Backend.failing() : Backend.succeeding(42);
  }

  /** Sets the posa4j fields for both styles from one policy object and the backend. */
  void usePosa4j(FaultTolerance policy, Backend backend) {
    posa4j = policy;
    posa4jBody = backend::fetch;
    posa4jEnterExit = new ResilientBackend(backend, policy);
  }

  /** posa4j, functional style: {@code FaultTolerance.call(Callable)}. */
  @Benchmark
  public Object posa4jCall() {
    try {
      return posa4j.call(posa4jBody);
    } catch (Exception e) {
      return e;
    }
  }

  /** posa4j, enter/exit style: the loop generated code writes around the body. */
  @Benchmark
  public Object posa4jEnterExit() {
    try {
      return posa4jEnterExit.fetch();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Resilience4j 2.4.0: a callable decorated once, called each time. */
  @Benchmark
  public Object resilience4j() {
    try {
      return resilience4j.call();
    } catch (Exception e) {
      return e;
    }
  }

  /** Failsafe 3.3.2: {@code FailsafeExecutor.get(CheckedSupplier)}. */
  @Benchmark
  public Object failsafe() {
    try {
      return failsafe.get(failsafeBody);
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * Calls {@code failingCall} until {@code isOpen} says the breaker is open; throws if it does
   * not open within a few windows.
   */
  static void failUntilOpen(String library, Callable<?> failingCall, BooleanSupplier isOpen) {
    for (int i = 0; i < 10 * Policies.WINDOW && !isOpen.getAsBoolean(); i++) {
      try {
        failingCall.call();
      } catch (Exception expected) {
        // each failure is what opens the breaker
      }
    }
    if (!isOpen.getAsBoolean()) {
      throw new IllegalStateException("the " + library + " circuit breaker did not open");
    }
  }
}

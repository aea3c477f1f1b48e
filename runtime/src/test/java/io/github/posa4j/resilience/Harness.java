package io.github.posa4j.resilience;

import io.github.posa4j.resilience.internal.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * What the policy tests of this package share: the two ways generated code and woven advice call
 * a {@link FaultTolerance}, scripted bodies, an exception hierarchy, and ways to wait.
 */
final class Harness {
  private Harness() {}

  /** How a synchronous method reaches its policies; scenarios where it matters run both ways. */
  enum Style {
    /** {@link FaultTolerance#call(Callable)}. */
    FUNCTIONAL {
      @Override
      <T> T invoke(FaultTolerance policy, Callable<T> body) throws Exception {
        return policy.call(body);
      }
    },
    /** The call protocol of generated code, as in the class Javadoc of {@link FaultTolerance}. */
    ENTER_EXIT {
      @Override
      <T> T invoke(FaultTolerance policy, Callable<T> body) {
        return enterExit(policy, body, failure -> handlerAnswer(policy, failure));
      }
    };

    abstract <T> T invoke(FaultTolerance policy, Callable<T> body) throws Exception;
  }

  /**
   * Runs {@code body} as generated code does, with {@code fallbackMethod} in the place of the
   * protected method's fallback method.
   */
  static <T> T enterExit(FaultTolerance policy, Callable<T> body, Function<Throwable, T> fallbackMethod) {
    try {
      Permit permit = policy.enter();
      T result;
      try {
        result = body.call();
      } catch (Throwable failure) {
        throw policy.failed(permit, failure);
      }
      policy.succeeded(permit);
      return result;
    } catch (Throwable failure) {
      return policy.afterFailure(failure, body::call, fallbackMethod::apply);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T handlerAnswer(FaultTolerance policy, Throwable failure) {
    return (T) policy.handleFallback(failure);
  }

  /**
   * The outcome of one call as a word: {@code S} (returned), {@code F} (the body's scripted
   * failure), {@code open}, {@code full} or {@code timeout}.
   */
  static String outcome(Style style, FaultTolerance policy, Callable<?> body) {
    try {
      style.invoke(policy, body);
      return "S";
    } catch (ScriptedFailure | E0 | IllegalStateException e) {
      return "F";
    } catch (CircuitBreakerOpenException e) {
      return "open";
    } catch (BulkheadFullException e) {
      return "full";
    } catch (TimeoutExceededException e) {
      return "timeout";
    } catch (Exception e) {
      throw new AssertionError("unexpected outcome " + e, e);
    }
  }

  /** The outcomes of {@code calls} calls in a row. */
  static List<String> outcomes(Style style, FaultTolerance policy, Callable<?> body, int calls) {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      outcomes.add(outcome(style, policy, body));
    }
    return outcomes;
  }

  /** What a future failed with, waiting up to 5 seconds for it. */
  static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException, TimeoutException {
    try {
      Object value = future.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /** Runs {@code task} on a new thread of its own (never a shared pool, which a blocked task could starve). */
  static <T> CompletableFuture<T> inNewThread(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(task.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }, "test-caller");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /**
   * Returns once at least {@code duration} has passed. Only for letting a policy's own delay
   * run out; never to wait for another thread.
   */
  static void letTimePass(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  /** The body's own failure in scripted scenarios. */
  static final class ScriptedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScriptedFailure(String message) {
      super(message);
    }
  }

  /**
   * A body whose n-th call succeeds ('S') or throws a {@link ScriptedFailure} ('F') as its
   * script says; calls past the end of the script succeed. It returns {@code "call <n>"}.
   */
  static final class Script implements Callable<String> {
    private final String script;
    private final AtomicInteger calls = new AtomicInteger();

    Script(String script) {
      this.script = script;
    }

    @Override
    public String call() {
      int call = calls.incrementAndGet();
      if (call <= script.length() && script.charAt(call - 1) == 'F') {
        throw new ScriptedFailure("call " + call);
      }
      return "call " + call;
    }

    int calls() {
      return calls.get();
    }
  }

  /** The root of a small checked hierarchy: E0 &lt;- E1 &lt;- E2, and E1 &lt;- E1Sibling. */
  static class E0 extends Exception {
    private static final long serialVersionUID = 1L;
  }

  static class E1 extends E0 {
    private static final long serialVersionUID = 1L;
  }

  static class E2 extends E1 {
    private static final long serialVersionUID = 1L;
  }

  static class E1Sibling extends E1 {
    private static final long serialVersionUID = 1L;
  }
}

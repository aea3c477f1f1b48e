package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * What woven code calls. Advice is inlined into application classes, so this class is public; it
 * is not an API. Each woven method has an index, a constant in its bytecode, into a table that
 * only grows.
 */
public final class Woven {
  private static final Object LOCK = new Object();
  private static volatile WovenMethod[] methods = new WovenMethod[0];
  /** Set just before posa4j itself runs the body of an asynchronous method, read and cleared on entry. */
  private static final ThreadLocal<Boolean> RUNNING_BODY = new ThreadLocal<>();

  private Woven() {}

  static int register(WovenMethod method) {
    synchronized (LOCK) {
      WovenMethod[] current = methods;
      WovenMethod[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = method;
      methods = next;
      return current.length;
    }
  }

  static WovenMethod method(int id) {
    return methods[id];
  }

  /** The policies of woven method {@code id}. */
  public static FaultTolerance policies(int id) {
    return methods[id].policies;
  }

  /** The state of a call whose attempt failed, ready to decide about retries. */
  public static WovenCall retrying(int id) {
    return new WovenCall(methods[id].policies);
  }

  /**
   * Answers a failed synchronous call of method {@code id} with its fallback: its fallback method,
   * or else the policy's handler. The fallback's own exception reaches the caller unchanged.
   */
  public static Object fallback(int id, Class<?> type, Object self, Object[] arguments, Throwable failure) throws Throwable {
    WovenMethod method = methods[id];
    if (!method.hasFallbackMethod()) {
      return method.policies.handleFallback(failure, arguments);
    }
    try {
      return method.fallback(type).invoke(self, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Whether the woven code of an asynchronous method should hand the call to its policies (true),
   * or run the body because posa4j itself is calling it for an attempt (false).
   */
  public static boolean interceptsAsync() {
    if (RUNNING_BODY.get() == null) {
      return true;
    }
    RUNNING_BODY.remove();
    return false;
  }

  /**
   * Runs asynchronous method {@code id} under its policies: each attempt calls the method again,
   * through reflection, with its woven code stepping aside. Never throws for a policy.
   */
  public static CompletableFuture<?> callAsync(int id, Class<?> type, Object self, Object[] arguments) {
    WovenMethod method = methods[id];
    CompletableFuture<Object> call = method.policies.callAsync(() -> runBody(method, type, self, arguments));
    if (!method.hasFallbackMethod()) {
      return call;
    }
    return call.exceptionallyCompose(failure -> {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (!method.policies.fallsBackOn(cause)) {
        return CompletableFuture.failedFuture(cause);
      }
      try {
        return asStage(method.fallback(type).invoke(self, arguments));
      } catch (InvocationTargetException e) {
        return CompletableFuture.failedFuture(e.getCause());
      } catch (ReflectiveOperationException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
  }

  private static CompletionStage<Object> runBody(WovenMethod method, Class<?> type, Object self, Object[] arguments) {
    try {
      RUNNING_BODY.set(Boolean.TRUE);
      return asStage(method.body(type).invoke(self, arguments));
    } catch (InvocationTargetException e) {
      throw FaultTolerance.propagate(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("posa4j cannot call " + method.key + " again: " + e, e);
    } finally {
      RUNNING_BODY.remove();
    }
  }

  @SuppressWarnings("unchecked")
  private static CompletionStage<Object> asStage(Object stage) {
    return (CompletionStage<Object>) stage;
  }
}

package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.internal.Attempt;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What woven code calls. Advice is inlined into application classes, so this class is public; it
 * is not an API. Each woven method has an index, a constant in its bytecode, into a table that
 * only grows, by one entry per method key however often its class is woven again.
 */
public final class Woven {
  private static final Object LOCK = new Object();
  private static final Map<String, Integer> IDS = new HashMap<>();
  private static volatile WovenMethod[] methods = new WovenMethod[0];
  /** Set just before posa4j itself runs the body of a method under advice again, read and cleared on entry. */
  private static final ThreadLocal<Boolean> RUNNING_BODY = new ThreadLocal<>();
  /** How many threads are running a body under advice again: while none is, entry reads no thread local. */
  private static final AtomicInteger BODIES_RUNNING = new AtomicInteger();

  private Woven() {}

  /** The index of {@code method}, registering it unless a method of the same key is there already. */
  static int register(WovenMethod method) {
    synchronized (LOCK) {
      Integer known = IDS.get(method.key);
      if (known != null) {
        return known;
      }
      WovenMethod[] current = methods;
      WovenMethod[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = method;
      methods = next;
      IDS.put(method.key, current.length);
      return current.length;
    }
  }

  /** Whether a method of this key was woven before. */
  static boolean isRegistered(String key) {
    synchronized (LOCK) {
      return IDS.containsKey(key);
    }
  }

  /** The policies of woven method {@code id}, declared in {@code type}; created on the first call. */
  public static FaultTolerance policies(int id, Class<?> type) {
    return methods[id].policies(type);
  }

  /**
   * Bootstrap of the dynamic constant through which a wrapper (see {@link WrapperWriter}) of a Java
   * 11+ class file reaches the policies of woven method {@code id}: resolved once, on its first
   * call, in the woven class.
   */
  public static FaultTolerance policies(MethodHandles.Lookup lookup, String name, Class<?> type, int id) {
    return methods[id].policies(lookup.lookupClass());
  }

  /**
   * Finishes a synchronous call of woven method {@code id} whose first attempt failed with
   * {@code failure}: the runtime's {@link FaultTolerance#afterFailure}, with {@code body} for each
   * retry and {@link #fallback} for its fallback. Returns the call's answer, boxed, or throws what
   * the call ends with. A wrapper ({@link WrapperWriter}) gives its body method as a lambda, which
   * the JIT can inline like a decorator's.
   */
  public static Object afterFailure(int id, Class<?> type, Object self, Object[] arguments, Throwable failure,
      Attempt<Object> body) {
    return methods[id].policies(type).afterFailure(failure, body,
        lastFailure -> fallback(id, type, self, arguments, lastFailure));
  }

  /** {@link #afterFailure(int, Class, Object, Object[], Throwable, Attempt)} for a {@code void} method. */
  public static void afterVoidFailure(int id, Class<?> type, Object self, Object[] arguments, Throwable failure,
      VoidBody body) {
    afterFailure(id, type, self, arguments, failure, () -> {
      body.run();
      return null;
    });
  }

  /**
   * {@link #afterFailure(int, Class, Object, Object[], Throwable, Attempt)} for advice, which has
   * no body method of its own: each retry calls the woven method again through a method handle,
   * and its advice steps aside.
   */
  public static Object afterFailure(int id, Class<?> type, Object self, Object[] arguments, Throwable failure) {
    WovenMethod method = methods[id];
    return afterFailure(id, type, self, arguments, failure, () -> runBody(method, type, self, arguments));
  }

  /**
   * Answers a failed synchronous call of method {@code id} with its fallback: its fallback method,
   * or else the policy's handler. The fallback's own exception reaches the caller unchanged.
   */
  private static Object fallback(int id, Class<?> type, Object self, Object[] arguments, Throwable failure) throws Throwable {
    WovenMethod method = methods[id];
    if (!method.hasFallbackMethod()) {
      return method.policies(type).handleFallback(failure, arguments);
    }
    try {
      return method.fallback(type).invoke(self, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Whether advice should step aside and let the body run unprotected, because posa4j itself is
   * calling it again for an attempt (true), or apply the policies (false).
   */
  public static boolean stepsAside() {
    if (BODIES_RUNNING.get() == 0 || RUNNING_BODY.get() == null) {
      return false;
    }
    RUNNING_BODY.remove();
    return true;
  }

  /**
   * Runs asynchronous method {@code id} under its policies: each attempt calls the method's own
   * body again, without virtual dispatch, its woven code stepping aside. Never throws for a policy.
   */
  public static CompletableFuture<?> callAsync(int id, Class<?> type, Object self, Object[] arguments) {
    WovenMethod method = methods[id];
    FaultTolerance policies = method.policies(type);
    if (!method.hasFallbackMethod()) {
      return policies.callAsync(() -> asStage(runBody(method, type, self, arguments)));
    }
    return policies.callAsync(() -> asStage(runBody(method, type, self, arguments)), lastFailure -> {
      try {
        return asStage(method.fallback(type).invoke(self, arguments));
      } catch (InvocationTargetException e) {
        return CompletableFuture.failedFuture(e.getCause());
      } catch (ReflectiveOperationException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
  }

  /**
   * Runs the body of {@code method} once more, without its policies: the separate body method of a
   * wrapped method, or the method itself with its advice told to step aside.
   */
  private static Object runBody(WovenMethod method, Class<?> type, Object self, Object[] arguments) {
    WovenMethod.Body body;
    try {
      body = method.body(type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("posa4j cannot call " + method.key + " again: " + e, e);
    }
    if (body.underAdvice()) {
      RUNNING_BODY.set(Boolean.TRUE);
      BODIES_RUNNING.incrementAndGet();
    }
    try {
      return body.handle().invokeExact(self, arguments);
    } catch (Throwable bodyFailure) {
      throw FaultTolerance.propagate(bodyFailure);
    } finally {
      if (body.underAdvice()) {
        BODIES_RUNNING.decrementAndGet();
        RUNNING_BODY.remove();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static CompletionStage<Object> asStage(Object stage) {
    return (CompletionStage<Object>) stage;
  }
}

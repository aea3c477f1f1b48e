package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * What woven code calls. Advice is inlined into application classes, so this class is public; it
 * is not an API. Each woven method has an index, a constant in its bytecode, into a table that
 * only grows, by one entry per method key however often its class is woven again.
 */
public final class Woven {
  private static final Object LOCK = new Object();
  private static final Map<String, Integer> IDS = new HashMap<>();
  private static volatile WovenMethod[] methods = new WovenMethod[0];
  /** Set just before posa4j itself runs the body of an asynchronous method, read and cleared on entry. */
  private static final ThreadLocal<Boolean> RUNNING_BODY = new ThreadLocal<>();

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

  /** The state of a call whose attempt failed, ready to decide about retries. */
  public static WovenCall retrying(int id) {
    return new WovenCall(methods[id].policies());
  }

  /**
   * Answers a failed synchronous call of method {@code id} with its fallback: its fallback method,
   * or else the policy's handler. The fallback's own exception reaches the caller unchanged.
   */
  public static Object fallback(int id, Class<?> type, Object self, Object[] arguments, Throwable failure) throws Throwable {
    WovenMethod method = methods[id];
    if (!method.hasFallbackMethod()) {
      return method.policies().handleFallback(failure, arguments);
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
   * Runs asynchronous method {@code id} under its policies: each attempt calls the method's own
   * body again, without virtual dispatch, its woven code stepping aside. Never throws for a policy.
   */
  public static CompletableFuture<?> callAsync(int id, Class<?> type, Object self, Object[] arguments) {
    WovenMethod method = methods[id];
    FaultTolerance policies = method.policies(type);
    CompletableFuture<Object> call = policies.callAsync(() -> runBody(method, type, self, arguments));
    if (!method.hasFallbackMethod()) {
      return call;
    }
    return call.exceptionallyCompose(failure -> {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (!policies.fallsBackOn(cause)) {
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
    Object[] receiverAndArguments = arguments;
    if (self != null) {
      receiverAndArguments = new Object[arguments.length + 1];
      receiverAndArguments[0] = self;
      System.arraycopy(arguments, 0, receiverAndArguments, 1, arguments.length);
    }
    try {
      if (!method.bodyIsSeparate()) {
        RUNNING_BODY.set(Boolean.TRUE);
      }
      return asStage(method.body(type).invokeWithArguments(receiverAndArguments));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("posa4j cannot call " + method.key + " again: " + e, e);
    } catch (Throwable bodyFailure) {
      throw FaultTolerance.propagate(bodyFailure);
    } finally {
      RUNNING_BODY.remove();
    }
  }

  @SuppressWarnings("unchecked")
  private static CompletionStage<Object> asStage(Object stage) {
    return (CompletionStage<Object>) stage;
  }
}

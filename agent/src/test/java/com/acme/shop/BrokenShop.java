package com.acme.shop;

import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.Retry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every kind of bad input the agent must survive: out-of-range attributes, a missing fallback, a
 * native method; {@code broken.properties} adds bad keys. Its one good method is still woven.
 */
public class BrokenShop {
  final AtomicInteger attempts = new AtomicInteger();

  /** A failure ratio above 1 cannot be built. */
  @CircuitBreaker(failureRatio = 2)
  public String badRatio() {
    return "bad ratio ran unprotected";
  }

  /** Names a fallback method that does not exist. */
  @Fallback(fallbackMethod = "nope")
  public String missingFallback() {
    throw new IllegalStateException("missing fallback ran unprotected");
  }

  /** A native method has no body to weave; it is never called. */
  @Retry
  public native void nativeCall();

  /** Keys with unparsable values and a fallback with other parameters name this one. */
  public String work() {
    attempts.incrementAndGet();
    throw new IllegalStateException("work ran unprotected");
  }

  /** Keys name a static fallback of a class that does not exist. */
  public String refund(String item) {
    throw new IllegalStateException("refund ran unprotected");
  }

  /** Keys name a static fallback with other parameters. */
  public String ship(String item) {
    throw new IllegalStateException("ship ran unprotected");
  }

  /** Keys name a fallback of another class that is not static. */
  public String pack(String item) {
    throw new IllegalStateException("pack ran unprotected");
  }

  /** A good method next to the bad ones: woven all the same. */
  @Retry(maxRetries = 1, jitter = 0)
  public String good() {
    if (attempts.incrementAndGet() == 1) {
      throw new IllegalStateException("first try");
    }
    return "good after " + attempts.get() + " attempts";
  }

  /** Holds a lambda, whose synthetic method a key names. */
  public Runnable task() {
    return () -> attempts.incrementAndGet();
  }

  /** An abstract method with an annotation: nothing to weave. */
  public abstract static class Counter {
    @Retry
    public abstract int next();
  }
}

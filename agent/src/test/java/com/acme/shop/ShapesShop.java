package com.acme.shop;

import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.Retry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Methods of every shape the agent's wrappers must reproduce: primitives of each size, arrays,
 * varargs, static, synchronized, generic, void and asynchronous methods, and fallbacks that box
 * and unbox. Each retried method fails on its first attempt. A top-level class with no nested
 * types, so that a test can run it as an older class file too.
 */
public class ShapesShop {
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  /** How often the body of {@code method} ran. */
  public static int calls(String method) {
    return CALLS.computeIfAbsent(method, m -> new AtomicInteger()).get();
  }

  private static void failFirst(String method) {
    if (CALLS.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet() == 1) {
      throw new IllegalStateException(method + " failed once");
    }
  }

  @Retry(maxRetries = 1, jitter = 0)
  public double scale(double value, float factor, char unit, boolean round, long offset) {
    failFirst("scale");
    double scaled = value * factor + offset;
    return unit == 'k' ? (round ? Math.round(scaled / 1000) : scaled / 1000) : scaled;
  }

  @Retry(maxRetries = 1, jitter = 0)
  public long total(long[] amounts, int... extra) {
    failFirst("total");
    long sum = 0;
    for (long amount : amounts) {
      sum += amount;
    }
    for (int more : extra) {
      sum += more;
    }
    return sum;
  }

  @Retry(maxRetries = 1, jitter = 0)
  public static String label(byte code, short shelf) {
    failFirst("label");
    return "code " + code + " on shelf " + shelf;
  }

  @Retry(maxRetries = 1, jitter = 0)
  public synchronized String locked() {
    failFirst("locked");
    return "lock held: " + Thread.holdsLock(this);
  }

  @Retry(maxRetries = 1, jitter = 0)
  public <T extends Comparable<T>> T largest(List<T> items) {
    failFirst("largest");
    return Collections.max(items);
  }

  @Retry(maxRetries = 1, jitter = 0)
  public void touch() {
    failFirst("touch");
  }

  @Retry(maxRetries = 1, jitter = 0)
  public int[] grid(int size) {
    failFirst("grid");
    return new int[size];
  }

  @Retry(maxRetries = 1, jitter = 0)
  public static CompletionStage<String> stamp(String item) {
    if (CALLS.computeIfAbsent("stamp", m -> new AtomicInteger()).incrementAndGet() == 1) {
      return CompletableFuture.failedFuture(new IllegalStateException("stamp failed once"));
    }
    return CompletableFuture.completedFuture("stamped " + item);
  }

  /** Always fails; the fallback's {@code double} goes back through a box. */
  @Fallback(fallbackMethod = "ratioLater")
  public double ratio(double numerator, long denominator) {
    throw new ArithmeticException("no ratio yet");
  }

  private double ratioLater(double numerator, long denominator) {
    return -numerator / denominator;
  }

  /** Always fails; a void method with a static fallback. */
  @Fallback(fallbackMethod = "dropLater")
  public static void drop(char item) {
    throw new IllegalStateException("cannot drop " + item);
  }

  static void dropLater(char item) {
    CALLS.computeIfAbsent("dropLater:" + item, m -> new AtomicInteger()).incrementAndGet();
  }
}

package com.acme.shop;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * No annotations, every protected method always fails: keys alone give each a fallback, a
 * handler class or a method of this class, private ones included.
 */
public class KeyedFallbackShop {
  final AtomicInteger attempts = new AtomicInteger();

  /** A key names {@link RefundLater} as its fallback handler. */
  public String refund(String order) {
    attempts.incrementAndGet();
    throw new IllegalStateException("refund desk closed");
  }

  /** A key names {@code cancelLater}, without a dot: a private method of this class. */
  public String cancel(String order, int items) {
    attempts.incrementAndGet();
    throw new IllegalStateException("cancellations paused");
  }

  /** A key names {@code closeLater}, a private static method of this class. */
  public static String close(String till) {
    throw new IllegalStateException("till " + till + " jammed");
  }

  private String cancelLater(String order, int items) {
    return items + " item(s) of " + order + " cancelled later by " + getClass().getSimpleName();
  }

  private static String closeLater(String till) {
    return "till " + till + " closed by hand";
  }
}

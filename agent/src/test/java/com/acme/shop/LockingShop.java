package com.acme.shop;

import java.util.concurrent.atomic.AtomicInteger;

/** No annotations: {@code locking.properties} adds a retry to its synchronized method. */
public class LockingShop {
  final AtomicInteger attempts = new AtomicInteger();

  /** Fails on its first attempt; says whether its attempt ran holding the object's monitor. */
  public synchronized String count() {
    if (attempts.incrementAndGet() == 1) {
      throw new IllegalStateException("stock count interrupted");
    }
    return "counted, lock held " + Thread.holdsLock(this);
  }
}

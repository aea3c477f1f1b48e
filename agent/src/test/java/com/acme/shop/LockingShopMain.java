package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

import io.github.posa4j.resilience.FaultToleranceListener;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls {@link LockingShop#count}, whose first attempt fails, and watches the object's monitor
 * when the retry is decided, on the calling thread just before the retry delay: whether that
 * thread holds the monitor, and when another thread, started then, gets it.
 */
public final class LockingShopMain {
  private LockingShopMain() {}

  public static void main(String[] args) throws Exception {
    System.out.println(run(new LockingShop()));
  }

  /** Calls {@code shop.count()} once and describes what happened to the monitor. */
  static String run(LockingShop shop) throws Exception {
    AtomicBoolean callerHeldLock = new AtomicBoolean();
    AtomicInteger attemptsWhenOtherGotLock = new AtomicInteger(-1);
    CountDownLatch otherGotLock = new CountDownLatch(1);
    FaultToleranceRegistry.global().addListener(new FaultToleranceListener() {
      @Override
      public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
        if (!method.startsWith(LockingShop.class.getName() + "/")) {
          return;
        }
        callerHeldLock.set(Thread.holdsLock(shop));
        Thread other = new Thread(() -> {
          synchronized (shop) {
            attemptsWhenOtherGotLock.set(shop.attempts.get());
            otherGotLock.countDown();
          }
        }, "other");
        other.setDaemon(true);
        other.start();
        if (!callerHeldLock.get()) {
          // The monitor is free: wait until the other thread has had it, before the next attempt.
          // (Were it held, the other thread could only get it once the call is over.)
          awaitOther(otherGotLock);
        }
      }
    });
    String outcome = outcome(shop::count);
    awaitOther(otherGotLock);
    return "locking: " + outcome + " after " + shop.attempts.get() + " attempts; when the retry was decided the caller held the lock "
        + callerHeldLock.get() + "; another thread got it after " + attemptsWhenOtherGotLock.get() + " attempt(s)";
  }

  private static void awaitOther(CountDownLatch otherGotLock) {
    try {
      if (!otherGotLock.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other thread never got the lock");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

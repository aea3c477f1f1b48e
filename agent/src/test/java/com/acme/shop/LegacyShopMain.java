package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

import java.util.concurrent.TimeUnit;

/** Drives {@link LegacyShop} and prints one line per scenario. */
public final class LegacyShopMain {
  private LegacyShopMain() {}

  public static void main(String[] args) throws Exception {
    LegacyShop shop = new LegacyShop();
    System.out.println("key-retry: " + outcome(() -> shop.order("tea")) + " after " + shop.attempts.get() + " attempts");

    shop.attempts.set(0);
    String narrowed = outcome(() -> shop.quote(5));
    System.out.println("narrowed: " + narrowed + " after " + shop.attempts.get() + " attempts");
    shop.attempts.set(0);
    String other = outcome(() -> shop.quote("tea"));
    System.out.println("other-overload: " + other + " after " + shop.attempts.get() + " attempts");

    shop.attempts.set(0);
    for (int i = 0; i < 25; i++) {
      shop.invoice("ada", 100);
    }
    System.out.println("key-breaker-and-fallback: " + shop.invoice("ada", 100) + ", body ran " + shop.attempts.get() + " times");

    shop.attempts.set(0);
    System.out.println("key-async: " + shop.notifyCustomer("ada").toCompletableFuture().get(10, TimeUnit.SECONDS)
        + " after " + shop.attempts.get() + " attempts");

    System.out.println("bridge: " + outcome(() -> new StockSupplier().get()));

    AnnotatedShop annotated = new AnnotatedShop();
    System.out.println("disabled-by-key: " + outcome(() -> annotated.restock("tea")) + " after "
        + annotated.attempts.get() + " attempts");
  }
}

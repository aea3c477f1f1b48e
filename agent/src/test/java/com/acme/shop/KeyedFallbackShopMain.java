package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

/** Calls each method of {@link KeyedFallbackShop} once and prints what came back. */
public final class KeyedFallbackShopMain {
  private KeyedFallbackShopMain() {}

  public static void main(String[] args) {
    KeyedFallbackShop shop = new KeyedFallbackShop();
    System.out.println("handler: " + outcome(() -> shop.refund("o-17")) + " after " + shop.attempts.get() + " attempts");
    shop.attempts.set(0);
    System.out.println("own-private-method: " + outcome(() -> shop.cancel("o-18", 3)) + " after "
        + shop.attempts.get() + " attempts");
    System.out.println("own-private-static-method: " + outcome(() -> KeyedFallbackShop.close("t2")));
  }
}

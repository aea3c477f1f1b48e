package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

/** Runs {@link BrokenShop}: the application must work, unprotected where the input was bad. */
public final class BrokenShopMain {
  private BrokenShopMain() {}

  public static void main(String[] args) {
    BrokenShop shop = new BrokenShop();
    System.out.println("bad-ratio: " + outcome(shop::badRatio));
    System.out.println("missing-fallback: " + outcome(shop::missingFallback));
    System.out.println("work: " + outcome(shop::work) + " after " + shop.attempts.get() + " attempts");
    System.out.println("refund: " + outcome(() -> shop.refund("tea")));
    System.out.println("ship: " + outcome(() -> shop.ship("tea")));
    System.out.println("pack: " + outcome(() -> shop.pack("tea")));
    shop.attempts.set(0);
    System.out.println("good: " + outcome(shop::good));
    shop.task().run();
    BrokenShop.Counter counter = new BrokenShop.Counter() {
      @Override
      public int next() {
        return 42;
      }
    };
    System.out.println("abstract: " + counter.next());
    System.out.println("the application ran to the end");
  }
}

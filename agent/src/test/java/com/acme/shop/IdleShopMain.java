package com.acme.shop;

/** Uses only {@link LegacyShop}, which nothing protects unless keys name it. */
public final class IdleShopMain {
  private IdleShopMain() {}

  public static void main(String[] args) {
    LegacyShop shop = new LegacyShop();
    shop.attempts.set(2);
    System.out.println("idle: " + shop.order("tea"));
  }
}

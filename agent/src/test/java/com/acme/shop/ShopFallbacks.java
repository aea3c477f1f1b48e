package com.acme.shop;

/** Static fallbacks that configuration names for {@link LegacyShop}. */
public final class ShopFallbacks {
  private ShopFallbacks() {}

  public static String invoice(String customer, long cents) {
    return "invoice for " + customer + " queued";
  }

  /** Not static: configuration may not name it as a fallback of another class. */
  public String pack(String item) {
    return "packed " + item + " later";
  }
}

package com.acme.shop;

/** Calls each method of {@link ReactiveShop} once and prints what it returned. */
public final class ReactiveShopMain {
  private ReactiveShopMain() {}

  public static void main(String[] args) throws Exception {
    ReactiveShop shop = new ReactiveShop();
    System.out.println("quote: " + shop.quote().block());
    System.out.println("later: " + shop.later().get());
    System.out.println("now: " + shop.now());
  }
}

package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

import java.util.LinkedHashMap;
import java.util.Map;

/** Calls each method of {@link ConfiguredShop} once and prints how many attempts it made. */
public final class ConfiguredShopMain {
  private ConfiguredShopMain() {}

  public static void main(String[] args) {
    ConfiguredShop shop = new ConfiguredShop();
    Map<String, AnnotatedShopMain.Call> calls = new LinkedHashMap<>();
    calls.put("bySystemProperty", shop::bySystemProperty);
    calls.put("byEnvironment", shop::byEnvironment);
    calls.put("fromStandardFile", shop::fromStandardFile);
    calls.put("contestedByStandardFile", shop::contestedByStandardFile);
    calls.put("fromClassPath", shop::fromClassPath);
    calls.put("contestedByClassPath", shop::contestedByClassPath);
    calls.forEach((name, call) -> {
      shop.attempts.set(0);
      String outcome = outcome(call);
      System.out.println(name + ": " + outcome + " after " + shop.attempts.get() + " attempts");
    });
  }
}

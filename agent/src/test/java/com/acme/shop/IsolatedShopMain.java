package com.acme.shop;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads {@link LegacyShop} a second time through a loader that does not delegate to the
 * application class path, so it cannot see the agent: a key names it, and it must run unwoven.
 */
public final class IsolatedShopMain {
  private IsolatedShopMain() {}

  public static void main(String[] args) throws Exception {
    URL classes = LegacyShop.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> shopClass = Class.forName(LegacyShop.class.getName(), true, isolated);
      Object shop = shopClass.getConstructor().newInstance();
      Method order = shopClass.getMethod("order", String.class);
      String outcome;
      try {
        outcome = "returned " + order.invoke(shop, "tea");
      } catch (java.lang.reflect.InvocationTargetException e) {
        outcome = e.getCause().getClass().getSimpleName() + "(" + e.getCause().getMessage() + ")";
      }
      System.out.println("isolated: " + outcome);
    }
  }
}

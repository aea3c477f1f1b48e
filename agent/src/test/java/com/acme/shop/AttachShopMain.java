package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs without an agent, says {@code ready <pid>}, and waits for a line on standard input before it
 * tries {@link LegacyShop#order} again and runs {@link AnnotatedShopMain}'s scenarios: in between,
 * a test attaches the agent. Every class the scenarios use is loaded before, so the agent weaves
 * them all by retransformation.
 */
public final class AttachShopMain {
  private AttachShopMain() {}

  public static void main(String[] args) throws Exception {
    LegacyShop shop = new LegacyShop();
    System.out.println("before: " + outcome(() -> shop.order("tea")) + " after " + shop.attempts.get() + " attempts");
    for (Class<?> used : new Class<?>[] {AnnotatedShop.class, AnnotatedShop.Apology.class, Parcels.class, ExpressParcels.class}) {
      System.out.println("loaded " + used.getName());
    }
    System.out.println("ready " + ProcessHandle.current().pid());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine();
    shop.attempts.set(0);
    System.out.println("after: " + outcome(() -> shop.order("tea")) + " after " + shop.attempts.get() + " attempts");
    AnnotatedShopMain.runScenarios();
    System.exit(0);
  }
}

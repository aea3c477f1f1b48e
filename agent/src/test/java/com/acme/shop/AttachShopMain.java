package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs without an agent, says {@code ready <pid>}, and waits for a line on standard input before it
 * tries {@link LegacyShop#order} again: in between, a test attaches the agent.
 */
public final class AttachShopMain {
  private AttachShopMain() {}

  public static void main(String[] args) throws Exception {
    LegacyShop shop = new LegacyShop();
    System.out.println("before: " + outcome(() -> shop.order("tea")) + " after " + shop.attempts.get() + " attempts");
    System.out.println("ready " + ProcessHandle.current().pid());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine();
    shop.attempts.set(0);
    System.out.println("after: " + outcome(() -> shop.order("tea")) + " after " + shop.attempts.get() + " attempts");
  }
}

package com.acme.shop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs without an agent, loads {@link LockingShop}, says {@code ready <pid>} and waits for a line
 * on standard input, while a test attaches the agent; then runs {@link LockingShopMain}'s call.
 */
public final class AttachLockingShopMain {
  private AttachLockingShopMain() {}

  public static void main(String[] args) throws Exception {
    LockingShop shop = new LockingShop();
    System.out.println("ready " + ProcessHandle.current().pid());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine();
    // LockingShopMain uses the runtime, which only the agent's jar brings: loaded after the attach.
    System.out.println(LockingShopMain.run(shop));
    System.exit(0);
  }
}

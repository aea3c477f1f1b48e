package io.github.posa4j.examples.billing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One process of the shop, in a child JVM of the demo: {@code BillingNode <jdbc url> <node>}, with
 * {@code -Dposa4j.election.billing.url} and {@code .lease} set. Every 100 ms it asks its
 * {@code ResilientBillingJob} for a run and prints what happened: {@code BILLED <epoch> <nanoTime>}
 * for each billed run, {@code REFUSED <epoch>} for a write the table turned away, and
 * {@code STANDBY} whenever it begins to stand by. On standard input, {@code HOLD} makes its next
 * run stop once it holds its epoch (it prints {@code HOLDING <epoch>}), and {@code GO} lets that
 * run go on.
 */
public final class BillingNode {
  private BillingNode() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String node = args[1];
    BillingJob job = new ResilientBillingJob(url, node);
    Thread commands = new Thread(() -> readCommands(job), "commands");
    commands.setDaemon(true);
    commands.start();
    System.out.println("READY " + node + " " + ProcessHandle.current().pid());
    String last = "";
    while (true) {
      String outcome = job.billNextRun();
      if (outcome.startsWith("billed ")) {
        System.out.println("BILLED " + outcome.substring(7) + " " + System.nanoTime());
      } else if (outcome.startsWith("refused ")) {
        System.out.println("REFUSED " + outcome.substring(8));
      } else if (!outcome.equals(last)) {
        System.out.println("STANDBY");
      }
      last = outcome.startsWith("billed ") ? "billed" : outcome;
      Thread.sleep(100);
    }
  }

  private static void readCommands(BillingJob job) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("HOLD")) {
          job.holdNextRun();
        } else if (line.equals("GO")) {
          job.release();
        }
      }
    } catch (Exception e) {
      System.out.println("FAILED " + e);
    }
  }
}

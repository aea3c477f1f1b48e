package com.acme.meter;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Counts the bytes this thread allocates over {@link #CALLS} successful calls of the woven
 * {@link Meter#next(int)}, after a warm-up, with the JVM's per-thread allocation counter, and
 * prints {@code allocated <bytes> in <calls> calls}. With the argument {@code attach} it first
 * prints {@code ready <pid>} and waits for {@code go} on its input, so that a test can attach the
 * agent to it.
 */
public final class MeterMain {
  static final int CALLS = 100_000;

  private MeterMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("attach")) {
      System.out.println("ready " + ProcessHandle.current().pid());
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    Meter meter = new Meter();
    // Only a woven method survives its first call, whose first attempt fails.
    System.out.println("first call returned " + meter.next(0));

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    threads.setThreadAllocatedMemoryEnabled(true);
    long thread = Thread.currentThread().getId();
    long sum = 0;
    for (int i = 0; i < 20_000; i++) { // warm up, and fill the breaker's window
      sum += meter.next(i);
    }
    long emptyMeasurement = -threads.getThreadAllocatedBytes(thread) + threads.getThreadAllocatedBytes(thread);
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < CALLS; i++) {
      sum += meter.next(i);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before - emptyMeasurement;
    System.out.println("allocated " + allocated + " in " + CALLS + " calls (sum " + sum + ")");
  }
}

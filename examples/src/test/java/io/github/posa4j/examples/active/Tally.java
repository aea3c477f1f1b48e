package io.github.posa4j.examples.active;

import io.github.posa4j.annotation.ActiveObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A servant for the stress tests: adds up what it is given, and records the most requests it ever
 * saw running at once, which must stay 1.
 */
@ActiveObject
public class Tally {
  private final AtomicInteger running = new AtomicInteger();
  private int mostRunningAtOnce;
  private long total;
  private long calls;

  public void add(long amount) {
    int now = running.incrementAndGet();
    mostRunningAtOnce = Math.max(mostRunningAtOnce, now);
    total += amount;
    calls++;
    running.decrementAndGet();
  }

  public long total() {
    return total;
  }

  public long calls() {
    return calls;
  }

  public int mostRunningAtOnce() {
    return mostRunningAtOnce;
  }
}

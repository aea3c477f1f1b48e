package io.github.posa4j.examples.orderbook;

import java.util.List;

/**
 * What the {@link CrashStory} came to: how many orders the killed writer acknowledged, and what the
 * reopened journal gave back.
 *
 * @param killedAfter the acknowledgements read when the writer was killed
 * @param exitCode the writer's exit code: 137 (128 + 9, SIGKILL) on Linux
 * @param acknowledged every acknowledgement it printed before it died, those still in the pipe included
 * @param recovered the orders the reopened book holds
 * @param missing acknowledged orders the reopened book does not hold: none, if durability holds
 * @param duplicates orders the reopened book holds more than once: none
 * @param prefix whether the reopened book holds exactly the first {@code recovered} orders sent,
 *     each as it was sent, in order: no gaps
 * @param undoneAfterRestart whether {@code undo()} on the reopened book withdrew the last order
 * @param elapsedMillis how long it took, from starting the writer to the undo
 */
public record CrashReport(int killedAfter, int exitCode, int acknowledged, int recovered, List<String> missing,
    int duplicates, boolean prefix, boolean undoneAfterRestart, long elapsedMillis) {

  /** Copies the missing ids. */
  public CrashReport {
    missing = List.copyOf(missing);
  }

  /** Whether every acknowledged order came back, once each, with no gap: what a SYNC journal promises. */
  public boolean durable() {
    return missing.isEmpty() && duplicates == 0 && prefix && recovered >= acknowledged;
  }

  /** The summary table's row for this part of the demo. */
  public List<String> row() {
    String recovery = durable()
        ? "every acknowledged one, no gaps, none twice"
        : (missing.isEmpty() ? "" : missing.size() + " acknowledged ones MISSING, ") + duplicates + " twice, "
            + (prefix ? "no gaps" : "NOT the orders sent, in order");
    return List.of("@CommandProcessor order book", acknowledged + " acknowledged before kill -9, " + recovered
        + " recovered (" + recovery + "); undo after restart " + (undoneAfterRestart ? "ok" : "FAILED"));
  }
}

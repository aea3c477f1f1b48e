package io.github.posa4j.examples.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber that records what it receives as text; optionally it holds its first delivery at a
 * gate until {@link #open()}, so that a test can fill its queue while it is busy.
 */
final class Recorder implements Ticks {
  private final List<String> received = new ArrayList<>();
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch gate;

  private Recorder(boolean gated) {
    this.gate = new CountDownLatch(gated ? 1 : 0);
  }

  static Recorder open() {
    return new Recorder(false);
  }

  /** A recorder whose first delivery waits until {@link #open()} is called. */
  static Recorder gated() {
    return new Recorder(true);
  }

  @Override
  public void tick(int source, long sequence) {
    record("tick " + source + "/" + sequence);
  }

  @Override
  public void reset(String reason) {
    record("reset " + reason);
  }

  private void record(String event) {
    entered.countDown();
    try {
      if (gate.getCount() > 0 && !gate.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    synchronized (received) {
      received.add(event);
    }
  }

  /** Waits until the first delivery has started (and, when gated, is held at the gate). */
  void awaitFirstDelivery() throws InterruptedException {
    if (!entered.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no event reached the recorder");
    }
  }

  void openGate() {
    gate.countDown();
  }

  List<String> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }
}

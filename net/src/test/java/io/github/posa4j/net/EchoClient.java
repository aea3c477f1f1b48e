package io.github.posa4j.net;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Sends {@code total} frames of random sizes (1 B to 64 KiB, spread evenly over the powers of
 * two) with at most {@code window} unanswered, and checks that every echo comes back whole, with
 * the right bytes, in order. {@link #done} completes with the number of frames checked, or
 * exceptionally with what was wrong.
 */
final class EchoClient implements ServiceHandler {
  static final int MAX_FRAME = 64 << 10;

  final CompletableFuture<Integer> done = new CompletableFuture<>();
  private final int client;
  private final int total;
  private final int window;
  private final SplittableRandom sendSizes;
  private final SplittableRandom checkSizes;
  private final ByteBuffer out = ByteBuffer.allocate(MAX_FRAME);
  private int sent;
  private volatile int checked;
  private long bytesChecked;

  EchoClient(int client, int total, int window) {
    this.client = client;
    this.total = total;
    this.window = window;
    this.sendSizes = new SplittableRandom(client);
    this.checkSizes = new SplittableRandom(client);
  }

  static int size(SplittableRandom random) {
    return (int) Math.min(MAX_FRAME, Math.max(1, Math.round(Math.exp(random.nextDouble() * Math.log(MAX_FRAME)))));
  }

  static byte content(int client, int frame, int index) {
    return (byte) (client * 131 + frame * 31 + index * 7 + (index >>> 8));
  }

  @Override
  public void onOpen(Connection connection) {
    sendMore(connection);
  }

  private void sendMore(Connection connection) {
    while (sent < total && sent - checked < window) {
      int size = size(sendSizes);
      out.clear();
      for (int i = 0; i < size; i++) {
        out.put(content(client, sent, i));
      }
      out.flip();
      if (!connection.send(out)) {
        fail(connection, "frame " + sent + " was refused with " + (sent - checked) + " unanswered");
        return;
      }
      sent++;
    }
  }

  @Override
  public void onFrame(Connection connection, ByteBuffer frame) {
    int expected = size(checkSizes);
    if (frame.remaining() != expected) {
      fail(connection, "echo " + checked + " has " + frame.remaining() + " bytes, not " + expected);
      return;
    }
    int start = frame.position();
    for (int i = 0; i < expected; i++) {
      if (frame.get(start + i) != content(client, checked, i)) {
        fail(connection, "echo " + checked + " differs at byte " + i);
        return;
      }
    }
    checked++;
    bytesChecked += expected;
    if (checked == total) {
      done.complete(checked);
      connection.close();
      return;
    }
    sendMore(connection);
  }

  @Override
  public void onClose(Connection connection, CloseReason reason) {
    if (!done.isDone()) {
      done.completeExceptionally(new AssertionError("client " + client + " closed after " + checked + " echoes: "
          + reason, reason.cause().orElse(null)));
    }
  }

  private void fail(Connection connection, String what) {
    done.completeExceptionally(new AssertionError("client " + client + ": " + what));
    connection.abort();
  }

  /** Echoes checked so far. */
  int checked() {
    return checked;
  }

  long bytesChecked() {
    return bytesChecked;
  }
}

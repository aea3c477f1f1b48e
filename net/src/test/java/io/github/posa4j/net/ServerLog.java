package io.github.posa4j.net;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Echo handlers for a test server that log why each of their connections closed. */
final class ServerLog {
  final List<Connection> opened = new CopyOnWriteArrayList<>();
  final BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
  private final List<CloseReason> seen = new CopyOnWriteArrayList<>();

  /** A factory of echo handlers that log here. */
  Supplier<ServiceHandler> echo() {
    return () -> new ServiceHandler() {
      @Override
      public void onOpen(Connection connection) {
        opened.add(connection);
      }

      @Override
      public void onFrame(Connection connection, ByteBuffer frame) {
        if (!connection.send(frame)) {
          throw new IllegalStateException("the echo of a frame was refused on " + connection);
        }
      }

      @Override
      public void onClose(Connection connection, CloseReason reason) {
        closed.add(reason);
        seen.add(reason);
      }
    };
  }

  /** The first close, from now on or logged already, that {@code wanted} accepts; waiting up to 30 s. */
  CloseReason awaitClose(Predicate<CloseReason> wanted) throws InterruptedException {
    for (CloseReason reason : seen) {
      if (wanted.test(reason)) {
        return reason;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() - deadline < 0) {
      CloseReason reason = closed.poll(100, TimeUnit.MILLISECONDS);
      if (reason != null && wanted.test(reason)) {
        return reason;
      }
      for (CloseReason logged : seen) {
        if (wanted.test(logged)) {
          return logged;
        }
      }
    }
    throw new AssertionError("no close as wanted within 30 s; closes: " + seen);
  }

  List<CloseReason> closes() {
    return seen;
  }
}

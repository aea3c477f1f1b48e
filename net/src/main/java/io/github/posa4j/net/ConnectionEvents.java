package io.github.posa4j.net;

import io.github.posa4j.net.CloseReason;
import java.net.InetSocketAddress;

/**
 * The Flight Recorder events of connections, when the JDK has Flight Recorder ({@code jdk.jfr});
 * nothing at all otherwise.
 */
final class ConnectionEvents {
  private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

  private ConnectionEvents() {}

  static void opened(String transport, long id, InetSocketAddress remote, boolean accepted) {
    if (AVAILABLE) {
      FlightRecorderConnectionEvents.opened(transport, id, remote, accepted);
    }
  }

  static void closed(String transport, long id, InetSocketAddress remote, CloseReason reason, long bytesRead,
      long bytesWritten) {
    if (AVAILABLE) {
      FlightRecorderConnectionEvents.closed(transport, id, remote, reason, bytesRead, bytesWritten);
    }
  }
}

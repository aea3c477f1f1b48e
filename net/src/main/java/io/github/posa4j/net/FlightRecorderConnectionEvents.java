package io.github.posa4j.net;

import io.github.posa4j.net.CloseReason;
import java.net.InetSocketAddress;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The Flight Recorder events themselves; loaded only when {@code jdk.jfr} is there. */
final class FlightRecorderConnectionEvents {
  private FlightRecorderConnectionEvents() {}

  @Name("io.github.posa4j.ConnectionOpened")
  @Label("Connection Opened")
  @Category({"posa4j", "Network"})
  @Description("A connection of a posa4j-net transport was established (accepted or connected)")
  static final class Opened extends Event {
    @Label("Transport")
    String transport;

    @Label("Connection Id")
    long connection;

    @Label("Remote Address")
    String remote;

    @Label("Accepted")
    @Description("true when accepted by an acceptor, false when opened by a connector")
    boolean accepted;
  }

  @Name("io.github.posa4j.ConnectionClosed")
  @Label("Connection Closed")
  @Category({"posa4j", "Network"})
  @Description("A connection of a posa4j-net transport was closed, and why")
  static final class Closed extends Event {
    @Label("Transport")
    String transport;

    @Label("Connection Id")
    long connection;

    @Label("Remote Address")
    String remote;

    @Label("Reason")
    String reason;

    @Label("Message")
    String message;

    @Label("Bytes Read")
    @DataAmount
    long bytesRead;

    @Label("Bytes Written")
    @DataAmount
    long bytesWritten;
  }

  static void opened(String transport, long id, InetSocketAddress remote, boolean accepted) {
    Opened event = new Opened();
    if (event.isEnabled()) {
      event.transport = transport;
      event.connection = id;
      event.remote = String.valueOf(remote);
      event.accepted = accepted;
      event.commit();
    }
  }

  static void closed(String transport, long id, InetSocketAddress remote, CloseReason reason, long bytesRead,
      long bytesWritten) {
    Closed event = new Closed();
    if (event.isEnabled()) {
      event.transport = transport;
      event.connection = id;
      event.remote = String.valueOf(remote);
      event.reason = reason.kind().name();
      event.message = reason.message();
      event.bytesRead = bytesRead;
      event.bytesWritten = bytesWritten;
      event.commit();
    }
  }
}

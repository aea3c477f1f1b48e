package io.github.posa4j.net;

import io.github.posa4j.net.CloseReason;
import io.github.posa4j.net.NetOptions;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one transport shares: its name, options and counters, and its events. */
final class TransportContext {
  private static final AtomicLong IDS = new AtomicLong();
  private static final System.Logger LOG = System.getLogger("io.github.posa4j.net");

  private final String name;
  private final NetOptions options;
  private final TransportStats stats = new TransportStats();

  public TransportContext(String name, NetOptions options) {
    this.name = name;
    this.options = options;
  }

  public String name() {
    return name;
  }

  public NetOptions options() {
    return options;
  }

  public TransportStats stats() {
    return stats;
  }

  static long nextConnectionId() {
    return IDS.incrementAndGet();
  }

  void opened(long id, InetSocketAddress remote, boolean accepted) {
    stats.opened(accepted);
    ConnectionEvents.opened(name, id, remote, accepted);
  }

  void closed(long id, InetSocketAddress remote, CloseReason reason, long bytesRead, long bytesWritten) {
    stats.closed();
    ConnectionEvents.closed(name, id, remote, reason, bytesRead, bytesWritten);
    if (!reason.byThisEnd() && reason.kind() != CloseReason.Kind.PEER_CLOSED) {
      LOG.log(System.Logger.Level.DEBUG, () -> "posa4j-net: " + name + " connection " + id + " with " + remote
          + " closed: " + reason);
    }
  }

  /** A handler's callback threw: logged once per failure, with the connection it aborted. */
  static void handlerFailed(String transport, long id, String callback, Throwable failure) {
    LOG.log(System.Logger.Level.WARNING, "posa4j-net: " + transport + " connection " + id + ": the handler's "
        + callback + " threw; the connection is aborted", failure);
  }
}

package io.github.posa4j.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The threads and sockets that carry framed connections: a {@link Reactor} (selector event loops)
 * or a {@link Proactor} (NIO.2 completion handlers). Handlers, acceptors and connectors do not
 * know which one runs them.
 */
public interface Transport extends AutoCloseable {

  /**
   * Listens on {@code address} (use {@code 127.0.0.1} or a specific interface; port 0 picks a free
   * port) and serves every accepted connection with a new handler from {@code handlers}.
   *
   * @throws IOException naming the address when it cannot be bound
   */
  Acceptor bind(InetSocketAddress address, Supplier<? extends ServiceHandler> handlers) throws IOException;

  /** The connector that opens outgoing connections on this transport. */
  Connector connector();

  /** The options it was opened with. */
  NetOptions options();

  /**
   * Closes every acceptor and connection ({@link CloseReason.Kind#TRANSPORT_CLOSED}) and ends its
   * threads, waiting for them (never from one of its own threads: then it does not wait).
   */
  @Override
  void close();
}

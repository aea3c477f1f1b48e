package io.github.posa4j.net;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Opens outgoing connections on a {@link Transport} (POSA2's Connector), asynchronously: the
 * connection is established (with TLS, its handshake done) on the transport's threads and handed
 * to its {@link ServiceHandler} exactly as an accepted one is.
 */
public interface Connector {

  /**
   * Connects to {@code address}, and completes with the connection once {@code handler}'s
   * {@link ServiceHandler#onOpen onOpen} has run; or completes exceptionally with a
   * {@link java.net.ConnectException} naming the address when the connection is refused, cannot be
   * made within {@link NetOptions#connectTimeout()}, or its TLS handshake fails (the handler is then
   * never called).
   */
  CompletableFuture<Connection> connect(InetSocketAddress address, ServiceHandler handler);
}

package io.github.posa4j.net;

import java.net.InetSocketAddress;

/**
 * A listening socket of a {@link Transport} (POSA2's Acceptor): it accepts each connection, asks
 * its handler factory for a {@link ServiceHandler}, and gives the connection to one of the
 * transport's threads. Accepting stops at {@link #close()}; connections already accepted go on.
 */
public interface Acceptor extends AutoCloseable {

  /** The address it listens on, with the real port when it was bound to port 0. */
  InetSocketAddress address();

  /** The number of connections it accepted that are still open. */
  int openConnections();

  /** Stops accepting and closes the listening socket. Does not close accepted connections. */
  @Override
  void close();
}

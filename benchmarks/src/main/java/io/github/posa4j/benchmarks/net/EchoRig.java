package io.github.posa4j.benchmarks.net;

import java.util.List;

/**
 * An echo server and its clients in one JVM, each side on its own transport with one I/O thread,
 * over loopback: every frame is a four-byte big-endian length and its payload, and the server
 * sends each frame it reads back on the same connection.
 */
interface EchoRig extends AutoCloseable {

  /** The clients' ends of the connections, all open. */
  List<EchoPeer> peers();

  /** Closes the clients and the server, and ends their threads. */
  @Override
  void close();
}

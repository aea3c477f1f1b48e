package io.github.posa4j.benchmarks.net;

/** The client end of one echo connection, whatever transport carries it. */
interface EchoPeer {

  /**
   * Sends one frame of the benchmark's payload, copying it into the transport's buffers, from any
   * thread; sent from the peer's I/O thread it is flushed with the other writes of that turn.
   *
   * @return {@code false} when the transport refused it
   */
  boolean send();
}

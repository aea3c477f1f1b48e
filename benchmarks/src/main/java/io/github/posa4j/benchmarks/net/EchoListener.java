package io.github.posa4j.benchmarks.net;

/** What the clients of an {@link EchoRig} do with each echo, on their I/O thread. */
interface EchoListener {

  /** {@code peer} received an echo of {@code length} bytes of payload. */
  void echoed(EchoPeer peer, int length);

  /** {@code peer}'s connection closed or failed before the rig was closed. */
  void failed(EchoPeer peer, String why);
}

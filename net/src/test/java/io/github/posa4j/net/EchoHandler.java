package io.github.posa4j.net;

import java.nio.ByteBuffer;

/** Sends every frame back. Frames arrive only while the write queue has room, so a send is never refused. */
final class EchoHandler implements ServiceHandler {
  @Override
  public void onFrame(Connection connection, ByteBuffer frame) {
    if (!connection.send(frame)) {
      throw new IllegalStateException("the echo of a frame was refused on " + connection);
    }
  }
}

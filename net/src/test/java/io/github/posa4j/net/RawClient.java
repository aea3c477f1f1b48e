package io.github.posa4j.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A blocking socket speaking the frame format by hand, to behave as no well-written client would. */
final class RawClient implements AutoCloseable {
  final Socket socket;
  final DataOutputStream out;
  final DataInputStream in;

  RawClient(InetSocketAddress server) throws IOException {
    socket = new Socket();
    socket.connect(server, 10_000);
    socket.setSoTimeout(30_000);
    socket.setTcpNoDelay(true);
    out = new DataOutputStream(socket.getOutputStream());
    in = new DataInputStream(socket.getInputStream());
  }

  void sendFrame(byte[] payload) throws IOException {
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  byte[] readFrame() throws IOException {
    int length = in.readInt();
    byte[] payload = new byte[length];
    in.readFully(payload);
    return payload;
  }

  /** Whether the server closed the connection: the next read ends the stream or is reset. */
  boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

package io.github.posa4j.net;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Many idle connections from a child JVM (each process has its own file descriptor limit):
 * {@code IdleClients <port> <count>} connects to 127.0.0.1, sends one frame on each connection
 * and reads its echo, prints {@code CONNECTED <count>}, then waits for {@code CLOSE} on standard
 * input, closes them all and prints {@code CLOSED}.
 */
public final class IdleClients {
  private IdleClients() {}

  public static void main(String[] args) throws Exception {
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
    int count = Integer.parseInt(args[1]);
    List<SocketChannel> connections = new ArrayList<>(count);
    ByteBuffer frame = ByteBuffer.allocate(8);
    ByteBuffer echo = ByteBuffer.allocate(8);
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open(server);
      connections.add(channel);
      frame.clear();
      frame.putInt(4).putInt(i).flip();
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
      echo.clear();
      while (echo.hasRemaining()) {
        if (channel.read(echo) < 0) {
          throw new IllegalStateException("connection " + i + " closed before its echo");
        }
      }
      if (echo.getInt(0) != 4 || echo.getInt(4) != i) {
        throw new IllegalStateException("connection " + i + " got a wrong echo");
      }
    }
    System.out.println("CONNECTED " + connections.size());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.equals("CLOSE")) {
        break;
      }
    }
    for (SocketChannel channel : connections) {
      channel.close();
    }
    System.out.println("CLOSED");
  }
}

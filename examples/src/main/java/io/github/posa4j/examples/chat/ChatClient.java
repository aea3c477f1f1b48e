package io.github.posa4j.examples.chat;

import io.github.posa4j.net.CloseReason;
import io.github.posa4j.net.Connection;
import io.github.posa4j.net.ServiceHandler;
import io.github.posa4j.net.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A chat member's end: it says lines and keeps the lines it hears, in order. */
public final class ChatClient implements ServiceHandler, AutoCloseable {
  private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
  private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  private Connection connection;

  private ChatClient() {}

  /** Joins the room at {@code server} through {@code transport}'s connector. */
  public static ChatClient join(Transport transport, InetSocketAddress server) throws Exception {
    ChatClient client = new ChatClient();
    client.connection = transport.connector().connect(server, client).get(10, TimeUnit.SECONDS);
    return client;
  }

  /** Says {@code line} to the room; {@code false} when this end's own queue is full. */
  public boolean say(String line) {
    return connection.send(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
  }

  /** The next line heard, waiting up to {@code seconds}; {@code null} if none came. */
  public String hear(long seconds) throws InterruptedException {
    return heard.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void onFrame(Connection connection, ByteBuffer line) {
    heard.add(StandardCharsets.UTF_8.decode(line).toString());
  }

  @Override
  public void onClose(Connection connection, CloseReason reason) {
    closed.complete(reason);
  }

  @Override
  public void close() {
    connection.close();
  }
}

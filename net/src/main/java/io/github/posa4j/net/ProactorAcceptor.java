package io.github.posa4j.net;

import io.github.posa4j.net.Acceptor;
import io.github.posa4j.net.ServiceHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A listening socket on the Proactor: one accept outstanding, started again from the completion
 * of the last. When accepting fails (no file descriptors left) it logs it and tries again a moment
 * later rather than spin.
 */
final class ProactorAcceptor implements Acceptor, CompletionHandler<AsynchronousSocketChannel, Void> {
  private static final System.Logger LOG = System.getLogger("io.github.posa4j.net");

  private final ProactorContext proactor;
  private final AsynchronousServerSocketChannel server;
  private final Supplier<? extends ServiceHandler> handlers;
  private final InetSocketAddress address;
  private final AtomicInteger open = new AtomicInteger();
  private final Runnable connectionClosed = open::decrementAndGet;
  private volatile boolean closed;

  private ProactorAcceptor(ProactorContext proactor, AsynchronousServerSocketChannel server,
      Supplier<? extends ServiceHandler> handlers) throws IOException {
    this.proactor = proactor;
    this.server = server;
    this.handlers = handlers;
    this.address = (InetSocketAddress) server.getLocalAddress();
  }

  /**
   * Binds {@code address} in {@code group} and starts accepting.
   *
   * @throws IOException naming the address when it cannot be bound
   */
  public static ProactorAcceptor bind(ProactorContext proactor, AsynchronousChannelGroup group, InetSocketAddress address,
      Supplier<? extends ServiceHandler> handlers) throws IOException {
    AsynchronousServerSocketChannel server = AsynchronousServerSocketChannel.open(group);
    try {
      server.bind(address, 1024);
      ProactorAcceptor acceptor = new ProactorAcceptor(proactor, server, handlers);
      acceptor.acceptNext();
      return acceptor;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  private void acceptNext() {
    if (!closed) {
      server.accept(null, this);
    }
  }

  @Override
  public void completed(AsynchronousSocketChannel accepted, Void unused) {
    try {
      ServiceHandler handler = handlers.get();
      if (handler == null) {
        throw new IllegalStateException("the handler factory returned null");
      }
      ProactorConnection connection = ProactorConnection.accepted(proactor, accepted, handler, connectionClosed);
      open.incrementAndGet();
      proactor.track(connection);
      acceptNext(); // before serving: another connection need not wait for this one's handshake
      connection.start();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j-net: " + proactor.transport().name() + " on " + address
          + " closed a connection it could not serve: " + e, e);
      try {
        accepted.close();
      } catch (IOException ignored) {
        // nothing more to do with it
      }
      acceptNext();
    }
  }

  @Override
  public void failed(Throwable failure, Void unused) {
    if (closed || failure instanceof AsynchronousCloseException) {
      return;
    }
    LOG.log(System.Logger.Level.WARNING, "posa4j-net: " + proactor.transport().name() + " cannot accept on " + address
        + " (" + failure.getMessage() + "); trying again in 100 ms");
    proactor.schedule(TimeUnit.MILLISECONDS.toNanos(100), this::acceptNext);
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  @Override
  public int openConnections() {
    return open.get();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // nothing more to do with it
    }
  }

  @Override
  public String toString() {
    return "acceptor on " + address;
  }
}

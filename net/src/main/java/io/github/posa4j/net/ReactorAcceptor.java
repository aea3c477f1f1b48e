package io.github.posa4j.net;

import io.github.posa4j.net.Acceptor;
import io.github.posa4j.net.ServiceHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A listening socket on one event loop: it accepts connections, creates a handler for each, and
 * gives each to a loop of the reactor in turn. When accepting fails (no file descriptors left),
 * it logs it and stops accepting for a moment rather than spin.
 */
final class ReactorAcceptor implements Acceptor, EventLoop.Handler {
  private static final System.Logger LOG = System.getLogger("io.github.posa4j.net");
  private static final int ACCEPTS_PER_EVENT = 256;
  private static final long BACK_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final TransportContext transport;
  private final EventLoop loop;
  private final ServerSocketChannel server;
  private final Supplier<? extends ServiceHandler> handlers;
  private final IntFunction<EventLoop> loops;
  private final InetSocketAddress address;
  private final AtomicInteger open = new AtomicInteger();
  private final Runnable connectionClosed = open::decrementAndGet;
  private SelectionKey key;
  private int next;
  private volatile boolean closed;

  private ReactorAcceptor(TransportContext transport, EventLoop loop, ServerSocketChannel server,
      Supplier<? extends ServiceHandler> handlers, IntFunction<EventLoop> loops) throws IOException {
    this.transport = transport;
    this.loop = loop;
    this.server = server;
    this.handlers = handlers;
    this.loops = loops;
    this.address = (InetSocketAddress) server.getLocalAddress();
  }

  /**
   * Binds {@code address} and starts accepting on {@code loop}; {@code loops} gives the loop for
   * the n-th accepted connection.
   *
   * @throws IOException naming the address when it cannot be bound
   */
  public static ReactorAcceptor bind(TransportContext transport, EventLoop loop, InetSocketAddress address,
      Supplier<? extends ServiceHandler> handlers, IntFunction<EventLoop> loops) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.configureBlocking(false);
      server.bind(address, 1024);
      ReactorAcceptor acceptor = new ReactorAcceptor(transport, loop, server, handlers, loops);
      CompletableFuture<Void> registered = new CompletableFuture<>();
      loop.execute(() -> {
        try {
          acceptor.key = loop.register(server, SelectionKey.OP_ACCEPT, acceptor);
          registered.complete(null);
        } catch (IOException | RuntimeException e) {
          registered.completeExceptionally(e);
        }
      });
      registered.join();
      return acceptor;
    } catch (IOException e) {
      server.close();
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      server.close();
      throw new IOException("cannot listen on " + address + ": " + e, e);
    }
  }

  @Override
  public void ready(int readyOps) {
    for (int i = 0; i < ACCEPTS_PER_EVENT && !closed; i++) {
      SocketChannel accepted;
      try {
        accepted = server.accept();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "posa4j-net: " + transport.name() + " cannot accept on " + address + " ("
            + e.getMessage() + "); trying again in 100 ms");
        key.interestOps(0);
        loop.schedule(BACK_OFF_NANOS, () -> {
          if (!closed && key.isValid()) {
            key.interestOps(SelectionKey.OP_ACCEPT);
          }
        });
        return;
      }
      if (accepted == null) {
        return;
      }
      serve(accepted);
    }
  }

  private void serve(SocketChannel accepted) {
    EventLoop target = loops.apply(next++);
    ReactorConnection connection;
    try {
      ServiceHandler handler = handlers.get();
      if (handler == null) {
        throw new IllegalStateException("the handler factory returned null");
      }
      connection = ReactorConnection.accepted(transport, target, accepted, handler, connectionClosed);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j-net: " + transport.name() + " on " + address
          + " closed a connection it could not serve: " + e, e);
      closeQuietly(accepted);
      return;
    }
    open.incrementAndGet();
    target.execute(connection::start);
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to do with it
    }
  }

  @Override
  public void loopClosing() {
    closeOnLoop();
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
    if (closed) {
      return;
    }
    closed = true;
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> {
      closeOnLoop();
      done.complete(null);
    });
    if (!loop.inLoop()) {
      done.join();
    }
  }

  private void closeOnLoop() {
    closed = true;
    if (key != null) {
      key.cancel();
    }

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

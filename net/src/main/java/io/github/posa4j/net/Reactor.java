package io.github.posa4j.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * The Reactor transport (POSA2): {@link NetOptions#threads()} event loops, each a thread and a
 * {@link java.nio.channels.Selector} that owns its connections for their whole lives, waits for
 * them to be ready and dispatches to their handlers, so that a handler is always called on the
 * same thread and never concurrently. Connections are spread over the loops in turn.
 *
 * <pre>{@code
 * try (Reactor reactor = Reactor.open()) {
 *   Acceptor server = reactor.bind(new InetSocketAddress("127.0.0.1", 0), EchoHandler::new);
 *   Connection client = reactor.connector().connect(server.address(), new Client()).join();
 *   client.send(ByteBuffer.wrap("hello".getBytes(UTF_8)));
 * }
 * }</pre>
 */
public final class Reactor implements Transport {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final TransportContext context;
  private final EventLoop[] loops;
  private final AtomicInteger nextLoop = new AtomicInteger();
  private final Set<ReactorAcceptor> acceptors = ConcurrentHashMap.newKeySet();
  private final Connector connector = this::connect;
  private final ObjectName mbean;
  private volatile boolean closed;

  private Reactor(NetOptions options) {
    String name = options.name().orElseGet(() -> "reactor-" + NAMES.incrementAndGet());
    this.context = new TransportContext(name, options);
    this.loops = new EventLoop[options.threads()];
    for (int i = 0; i < loops.length; i++) {
      loops[i] = new EventLoop("posa4j-" + name + "-" + i);
      loops[i].start();
    }
    long idle = options.idleTimeout().toNanos();
    if (idle > 0) {
      for (EventLoop loop : loops) {
        loop.execute(() -> sweepIdle(loop, idle));
      }
    }
    this.mbean = TransportJmx.register(name, new TransportJmx("reactor", loops.length, context.stats(), this::busyRatio));
  }

  /** A reactor with the {@linkplain NetOptions#defaults() default options}. */
  public static Reactor open() {
    return open(NetOptions.defaults());
  }

  /** A reactor with {@code options}; its threads start at once. */
  public static Reactor open(NetOptions options) {
    return new Reactor(Objects.requireNonNull(options, "options"));
  }

  @Override
  public Acceptor bind(InetSocketAddress address, Supplier<? extends ServiceHandler> handlers) throws IOException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(handlers, "handlers");
    checkOpen();
    ReactorAcceptor acceptor = ReactorAcceptor.bind(context, nextLoop(), address, handlers,
        n -> loops[Math.floorMod(n, loops.length)]);
    acceptors.add(acceptor);
    if (closed) {
      acceptor.close();
      checkOpen();
    }
    return acceptor;
  }

  @Override
  public Connector connector() {
    return connector;
  }

  private CompletableFuture<Connection> connect(InetSocketAddress address, ServiceHandler handler) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(handler, "handler");
    CompletableFuture<Connection> connected = new CompletableFuture<>();
    if (closed) {
      connected.completeExceptionally(new ConnectException("cannot connect to " + address + ": " + this + " is closed"));
      return connected;
    }
    if (address.isUnresolved()) {
      connected.completeExceptionally(new ConnectException("cannot connect to " + address + ": unresolved host"));
      return connected;
    }
    try {
      SocketChannel channel = SocketChannel.open();
      EventLoop loop = nextLoop();
      ReactorConnection connection = ReactorConnection.connecting(context, loop, channel, handler, address, connected);
      loop.execute(connection::start);
    } catch (IOException e) {
      ConnectException failure = new ConnectException("cannot connect to " + address + ": " + e.getMessage());
      failure.initCause(e);
      connected.completeExceptionally(failure);
    }
    return connected;
  }

  @Override
  public NetOptions options() {
    return context.options();
  }

  /** The share of their lives its loops spent handling events, 0 to 1, averaged over its loops. */
  public double busyRatio() {
    double sum = 0;
    for (EventLoop loop : loops) {
      sum += loop.busyRatio();
    }
    return sum / loops.length;
  }

  private EventLoop nextLoop() {
    return loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
  }

  private void sweepIdle(EventLoop loop, long idleNanos) {
    long now = System.nanoTime();
    for (EventLoop.Handler handler : loop.handlers()) {
      if (handler instanceof ReactorConnection) {
        ((ReactorConnection) handler).closeIfIdle(now, idleNanos);
      }
    }
    loop.schedule(Math.max(idleNanos / 4, 1_000_000), () -> sweepIdle(loop, idleNanos));
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ReactorAcceptor acceptor : acceptors) {
      acceptor.close();
    }
    for (EventLoop loop : loops) {
      loop.close();
    }
    TransportJmx.unregister(mbean);
  }

  @Override
  public String toString() {
    return "reactor " + context.name();
  }
}

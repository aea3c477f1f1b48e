package io.github.posa4j.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * The Proactor transport (POSA2): operations are started asynchronously on NIO.2's
 * {@link AsynchronousChannelGroup} and their completions dispatched to completion handlers on its
 * {@link NetOptions#threads()} threads. Each connection keeps one read and one write outstanding
 * and calls its {@link ServiceHandler} from one thread at a time, exactly as the {@link Reactor}
 * does, so that handlers run on either unchanged.
 *
 * <p>What it buys and what it does not: on Linux, NIO.2 is itself built on epoll, so the Proactor
 * is a different programming model over the same readiness mechanism, not a faster one. Its
 * threads are interchangeable (any thread may complete any connection's operation), which evens
 * out load across connections that a Reactor would have pinned to one loop; in exchange a pending
 * read holds a buffer per connection (16 KiB of direct memory, 64 KiB while its reads fill
 * that), where a Reactor's idle connections hold none, and each completion takes the
 * connection's lock.
 */
public final class Proactor implements Transport {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final TransportContext context;
  private final ProactorContext proactor;
  private final AsynchronousChannelGroup group;
  private final ScheduledThreadPoolExecutor tasks;
  private final Set<ProactorAcceptor> acceptors = ConcurrentHashMap.newKeySet();
  private final Connector connector = this::connect;
  private final ObjectName mbean;
  private final long startedNanos = System.nanoTime();
  private volatile boolean closed;

  private Proactor(NetOptions options) {
    String name = options.name().orElseGet(() -> "proactor-" + NAMES.incrementAndGet());
    this.context = new TransportContext(name, options);
    this.tasks = new ScheduledThreadPoolExecutor(1, daemon("posa4j-" + name + "-tasks"));
    this.tasks.setRemoveOnCancelPolicy(true);
    this.proactor = new ProactorContext(context, tasks);
    try {
      this.group = AsynchronousChannelGroup.withFixedThreadPool(options.threads(), daemon("posa4j-" + name));
    } catch (IOException e) {
      tasks.shutdownNow();
      throw new UncheckedIOException("cannot start the proactor " + name, e);
    }
    this.mbean = TransportJmx.register(name, new TransportJmx("proactor", options.threads(), context.stats(),
        this::busyRatio));
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory defaults = Executors.defaultThreadFactory();
    return task -> {
      Thread thread = defaults.newThread(task);
      thread.setName(prefix + "-" + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A proactor with the {@linkplain NetOptions#defaults() default options}. */
  public static Proactor open() {
    return open(NetOptions.defaults());
  }

  /** A proactor with {@code options}; its threads start at once. */
  public static Proactor open(NetOptions options) {
    return new Proactor(Objects.requireNonNull(options, "options"));
  }

  @Override
  public Acceptor bind(InetSocketAddress address, Supplier<? extends ServiceHandler> handlers) throws IOException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(handlers, "handlers");
    checkOpen();
    ProactorAcceptor acceptor = ProactorAcceptor.bind(proactor, group, address, handlers);
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
      AsynchronousSocketChannel channel = AsynchronousSocketChannel.open(group);
      ProactorConnection connection = ProactorConnection.connecting(proactor, channel, handler, address, connected);
      proactor.track(connection);
      connection.start();
    } catch (IOException | RuntimeException e) {
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

  /** The share of its threads' lives spent in completion handlers, 0 to 1. */
  public double busyRatio() {
    long alive = (System.nanoTime() - startedNanos) * context.options().threads();
    return alive <= 0 ? 0 : Math.min(1.0, (double) proactor.busyNanos() / alive);
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
    for (ProactorAcceptor acceptor : acceptors) {
      acceptor.close();
    }
    proactor.closeAll();
    group.shutdown();
    try {
      group.shutdownNow();
      if (!isOwnThread()) {
        group.awaitTermination(30, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      // its channels are closed already
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tasks.shutdown();
    if (!isOwnThread()) {
      try {
        tasks.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    TransportJmx.unregister(mbean);
  }

  private boolean isOwnThread() {
    return Thread.currentThread().getName().startsWith("posa4j-" + context.name() + "-");
  }

  @Override
  public String toString() {
    return "proactor " + context.name();
  }
}

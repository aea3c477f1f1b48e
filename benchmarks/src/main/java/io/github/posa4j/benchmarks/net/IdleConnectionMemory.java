package io.github.posa4j.benchmarks.net;

import io.github.posa4j.net.Acceptor;
import io.github.posa4j.net.NetOptions;
import io.github.posa4j.net.Proactor;
import io.github.posa4j.net.Reactor;
import io.github.posa4j.net.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The heap an echo server keeps per idle connection: for a posa4j {@link Reactor}, a posa4j
 * {@link Proactor} and Netty's NIO transport (each with one I/O thread, the echo handlers of the
 * throughput benchmark), it opens {@code N} connections (default {@value #DEFAULT_CONNECTIONS})
 * from plain {@link Socket}s in a child JVM, so that nothing of the clients is on this heap, and
 * compares the used heap before and after, each time after {@code System.gc()} three times, with
 * the server's classes loaded beforehand by a round of {@value #WARM_UP} connections. Also prints
 * the direct (off-heap) buffer memory, which is not heap but is the transports' other cost.
 * Kernel socket buffers are neither, and not counted.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.posa4j.benchmarks.net.IdleConnectionMemory [N]
 * }</pre>
 *
 * <p>Holds {@code N} descriptors in this process and {@code N} in the child (keep {@code N}
 * below {@code ulimit -n}).
 */
public final class IdleConnectionMemory {
  static final int DEFAULT_CONNECTIONS = 2_000;
  static final int WARM_UP = 200;
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private IdleConnectionMemory() {}

  /** A server under test: its port, its count of open connections, and how to stop it. */
  private interface Server extends AutoCloseable {
    int port();

    int openConnections();

    @Override
    void close();
  }

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CONNECTIONS;
    System.out.printf("%d idle connections per server, clients in a child JVM, %s%n", connections, Runtime.version());
    System.out.printf("%-16s %14s %14s %12s %14s%n", "server", "heap before", "heap after", "heap B/conn",
        "direct B/conn");
    measure("POSA4J_REACTOR", () -> posa4j(Reactor.open(NetOptions.builder().threads(1).build())), connections);
    measure("POSA4J_PROACTOR", () -> posa4j(Proactor.open(NetOptions.builder().threads(1).build())), connections);
    measure("NETTY_NIO", IdleConnectionMemory::nettyNio, connections);
  }

  /** A factory of servers that may throw. */
  private interface Opener {
    Server open() throws Exception;
  }

  private static void measure(String name, Opener opener, int connections) throws Exception {
    try (Server server = opener.open()) {
      connectAndClose(server, WARM_UP);
      long heapBefore = settledHeap();
      long directBefore = directMemory();
      Process clients = startClients(server.port(), connections);
      try {
        awaitCount(server::openConnections, connections, name);
        long heapAfter = settledHeap();
        long directAfter = directMemory();
        System.out.printf("%-16s %14d %14d %12.0f %14.0f%n", name, heapBefore, heapAfter,
            (double) (heapAfter - heapBefore) / connections, (double) (directAfter - directBefore) / connections);
      } finally {
        stopClients(clients);
      }
      awaitCount(server::openConnections, 0, name);
    }
  }

  private static void connectAndClose(Server server, int connections) throws Exception {
    Process clients = startClients(server.port(), connections);
    try {
      awaitCount(server::openConnections, connections, "warm-up");
    } finally {
      stopClients(clients);
    }
    awaitCount(server::openConnections, 0, "warm-up");
  }

  private static Server posa4j(Transport transport) throws IOException {
    Acceptor acceptor = transport.bind(new InetSocketAddress("127.0.0.1", 0), Posa4jEchoRig.Echo::new);
    return new Server() {
      @Override
      public int port() {
        return acceptor.address().getPort();
      }

      @Override
      public int openConnections() {
        return acceptor.openConnections();
      }

      @Override
      public void close() {
        transport.close();
      }
    };
  }

  private static Server nettyNio() throws InterruptedException {
    EventLoopGroup group = NettyEchoRig.Flavour.NIO.group();
    Counter counter = new Counter();
    Channel channel = NettyEchoRig.bindServer(NettyEchoRig.Flavour.NIO, group, counter);
    return new Server() {
      @Override
      public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
      }

      @Override
      public int openConnections() {
        return counter.open.get();
      }

      @Override
      public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
      }
    };
  }

  /** Counts a Netty server's open connections. */
  @ChannelHandler.Sharable
  private static final class Counter extends ChannelInboundHandlerAdapter {
    final AtomicInteger open = new AtomicInteger();

    @Override
    public void channelActive(ChannelHandlerContext context) {
      open.incrementAndGet();
      context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
      open.decrementAndGet();
      context.fireChannelInactive();
    }
  }

  private static long settledHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long directMemory() {
    long used = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        used += pool.getMemoryUsed();
      }
    }
    return used;
  }

  private static void awaitCount(IntSupplier count, int expected, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (count.getAsInt() != expected) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(what + ": " + count.getAsInt() + " connections open, expected " + expected);
      }
      Thread.sleep(10);
    }
  }

  private static Process startClients(int port, int connections) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        Clients.class.getName(), Integer.toString(port), Integer.toString(connections))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (!"open".equals(line)) {
      process.destroyForcibly();
      throw new IllegalStateException("the client JVM did not open its connections: " + line);
    }
    return process;
  }

  private static void stopClients(Process clients) throws InterruptedException {
    try {
      clients.getOutputStream().close();
    } catch (IOException e) {
      clients.destroy();
    }
    if (!clients.waitFor(30, TimeUnit.SECONDS)) {
      clients.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * The child JVM: opens {@code connections} sockets to 127.0.0.1:{@code port}, prints
   * {@code open}, and holds them until its standard input ends.
   */
  public static final class Clients {
    private Clients() {}

    public static void main(String[] args) throws IOException {
      int port = Integer.parseInt(args[0]);
      int connections = Integer.parseInt(args[1]);
      List<Socket> sockets = new ArrayList<>(connections);
      try {
        for (int i = 0; i < connections; i++) {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
          sockets.add(socket);
        }
        System.out.println("open");
        System.out.flush();
        while (System.in.read() >= 0) {
          // held open until the parent closes our standard input
        }
      } finally {
        for (Socket socket : sockets) {
          socket.close();
        }
      }
    }
  }
}

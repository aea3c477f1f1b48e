package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.net.CloseReason.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Establishing, serving and closing connections, and what each failure says, on both transports. */
class LifecycleTest {
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  /** A handler that queues what happens to it, for the test thread to take in order. */
  static class Recorder implements ServiceHandler {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Connection> opened = new CompletableFuture<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    @Override
    public void onOpen(Connection connection) {
      events.add("open");
      opened.complete(connection);
    }

    @Override
    public void onFrame(Connection connection, ByteBuffer frame) {
      events.add("frame " + StandardCharsets.UTF_8.decode(frame));
    }

    @Override
    public void onWritable(Connection connection) {
      events.add("writable");
    }

    @Override
    public void onClose(Connection connection, CloseReason reason) {
      events.add("close " + reason.kind());
      closed.complete(reason);
    }

    String next() throws InterruptedException {
      String event = events.poll(30, TimeUnit.SECONDS);
      assertThat(event).as("an event within 30 s").isNotNull();
      return event;
    }

    Connection connection() throws Exception {
      return opened.get(30, TimeUnit.SECONDS);
    }
  }

  private static ByteBuffer text(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aGracefulCloseWritesEverythingQueuedFirst(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        Connection connection = server.connection();
        for (int i = 0; i < 1_000; i++) {
          assertThat(connection.send(text("reply " + i))).isTrue();
        }
        connection.close();
        assertThat(connection.isOpen()).isFalse();
        assertThat(connection.send(text("too late"))).as("a send after close").isFalse();
        for (int i = 0; i < 1_000; i++) {
          assertThat(new String(client.readFrame(), StandardCharsets.UTF_8)).isEqualTo("reply " + i);
        }
        assertThat(client.closedByServer()).isTrue();
      }
      assertThat(server.closed.get(30, TimeUnit.SECONDS).kind()).isEqualTo(Kind.CLOSED);
      assertThat(acceptor.openConnections()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void anAbortClosesAtOnce(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        server.connection().abort();
        assertThat(server.closed.get(30, TimeUnit.SECONDS).kind()).isEqualTo(Kind.ABORTED);
        assertThat(client.closedByServer()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aHandlerHearsOpenThenItsFramesInOrderThenClose(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        for (int i = 0; i < 100; i++) {
          client.sendFrame(("frame " + i).getBytes(StandardCharsets.UTF_8));
        }
      }
      assertThat(server.next()).isEqualTo("open");
      for (int i = 0; i < 100; i++) {
        assertThat(server.next()).isEqualTo("frame frame " + i);
      }
      assertThat(server.next()).isEqualTo("close " + Kind.PEER_CLOSED);
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aHandlerThatThrowsAbortsOnlyItsOwnConnection(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      ServerLog log = new ServerLog();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> new ServiceHandler() {
        private final ServiceHandler echo = log.echo().get();

        @Override
        public void onFrame(Connection connection, ByteBuffer frame) {
          if (frame.remaining() == 4 && frame.getInt(frame.position()) == 0xDEAD) {
            throw new IllegalStateException("a bug in the handler");
          }
          echo.onFrame(connection, frame);
        }

        @Override
        public void onClose(Connection connection, CloseReason reason) {
          echo.onClose(connection, reason);
        }
      });
      try (RawClient victim = new RawClient(acceptor.address()); RawClient other = new RawClient(acceptor.address())) {
        victim.sendFrame(new byte[] {0, 0, (byte) 0xDE, (byte) 0xAD});
        CloseReason reason = log.awaitClose(closed -> closed.kind() == Kind.HANDLER_FAILED);
        assertThat(reason.message()).contains("onFrame").contains("a bug in the handler");
        assertThat(reason.cause()).containsInstanceOf(IllegalStateException.class);
        assertThat(victim.closedByServer()).isTrue();
        other.sendFrame("still served".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(other.readFrame(), StandardCharsets.UTF_8)).isEqualTo("still served");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void pausedReadingHoldsFramesBackUntilResumed(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder server = new Recorder() {
        @Override
        public void onOpen(Connection connection) {
          connection.pauseReading();
          super.onOpen(connection);
        }
      };
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        assertThat(server.next()).isEqualTo("open");
        for (int i = 0; i < 3; i++) {
          client.sendFrame(("held " + i).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(server.events.poll(300, TimeUnit.MILLISECONDS)).as("a frame while paused").isNull();
        server.connection().resumeReading();
        for (int i = 0; i < 3; i++) {
          assertThat(server.next()).isEqualTo("frame held " + i);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aFullWriteQueueRefusesFramesThenSaysWhenItIsWritableAgain(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.builder().writeQueueBytes(16 << 10).build())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        client.socket.setReceiveBufferSize(4 << 10);
        Connection connection = server.connection();
        assertThat(server.next()).isEqualTo("open");
        ByteBuffer big = ByteBuffer.allocate(8 << 10);
        int accepted = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (connection.send(big.duplicate())) { // the kernel's buffers fill first, then the queue
          accepted++;
          assertThat(System.nanoTime() - deadline).as("time to fill the queue").isNegative();
          if (accepted % 64 == 0) {
            Thread.sleep(1); // lets the transport write what it can
          }
        }
        for (int i = 0; i < accepted; i++) {
          assertThat(client.readFrame()).hasSize(8 << 10);
        }
        assertThat(server.next()).isEqualTo("writable");
        assertThat(connection.isWritable()).isTrue();
        assertThat(connection.send(text("again"))).isTrue();
        assertThat(new String(client.readFrame(), StandardCharsets.UTF_8)).isEqualTo("again");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aFrameLongerThanTheMaximumIsRefusedBySend(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.builder().maxFrameBytes(1024).build())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        Connection connection = server.connection();
        assertThatThrownBy(() -> connection.send(ByteBuffer.allocate(1025)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1025").hasMessageContaining("1024");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aRefusedConnectionNamesTheAddress(Transports kind) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", closedPort);
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder client = new Recorder();
      assertThatThrownBy(() -> transport.connector().connect(nobody, client).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConnectException.class)
          .hasMessageContaining("cannot connect to " + nobody);
      assertThat(client.events).as("the handler of a failed connection is never called").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aTlsHandshakeThatNeverFinishesTimesOut(Transports kind) throws Exception {
    NetOptions options = NetOptions.builder().tls(TestTls.shared().client).connectTimeout(Duration.ofMillis(500)).build();
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Transport transport = kind.open(options)) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", silent.getLocalPort());
      Recorder client = new Recorder();
      CompletableFuture<Connection> connecting = transport.connector().connect(address, client);
      try (Socket accepted = silent.accept()) { // accepted, and never answered
        assertThatThrownBy(() -> connecting.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectException.class)
            .hasMessageContaining("the TLS handshake with " + address).hasMessageContaining("500 ms (connectTimeout)");
      }
      assertThat(client.events).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aClientThatDoesNotTrustTheServersCertificateCannotConnect(Transports kind) throws Exception {
    try (Transport server = kind.open(NetOptions.builder().tls(TestTls.shared().server).build());
        Transport client = kind.open(NetOptions.builder().tls(SSLContext.getDefault()).build())) {
      ServerLog log = new ServerLog();
      Acceptor acceptor = server.bind(ANY_PORT, log.echo());
      assertThatThrownBy(() -> client.connector().connect(acceptor.address(), new Recorder()).get(30, TimeUnit.SECONDS))
          .cause().isInstanceOf(ConnectException.class).hasMessageContaining("TLS");
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aSilentConnectionIsClosedAfterTheIdleTimeout(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.builder().idleTimeout(Duration.ofMillis(300)).build())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        CloseReason reason = server.closed.get(30, TimeUnit.SECONDS);
        assertThat(reason.kind()).isEqualTo(Kind.IDLE);
        assertThat(reason.message()).contains("300 ms (idleTimeout)");
        assertThat(client.closedByServer()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void sendingFromAnotherThreadIsWrittenToo(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        Connection connection = server.connection();
        Thread[] senders = new Thread[4];
        for (int t = 0; t < senders.length; t++) {
          int thread = t;
          senders[t] = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
              while (!connection.send(text(thread + ":" + i))) {
                Thread.onSpinWait();
              }
            }
          });
          senders[t].start();
        }
        int[] next = new int[senders.length];
        for (int i = 0; i < senders.length * 1_000; i++) {
          String[] frame = new String(client.readFrame(), StandardCharsets.UTF_8).split(":");
          int thread = Integer.parseInt(frame[0]);
          assertThat(Integer.parseInt(frame[1])).as("frames of sender %d in order", thread).isEqualTo(next[thread]++);
        }
        for (Thread sender : senders) {
          sender.join();
        }
        assertThat(next).containsOnly(1_000);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aConnectionClosedByItsOwnOnOpenStillCompletesItsConnect(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      Recorder client = new Recorder() {
        @Override
        public void onOpen(Connection connection) {
          super.onOpen(connection);
          connection.send(text("hello and goodbye"));
          connection.close();
        }
      };
      Connection connection = transport.connector().connect(acceptor.address(), client).get(30, TimeUnit.SECONDS);
      assertThat(connection.isOpen()).isFalse();
      assertThat(server.next()).isEqualTo("open");
      assertThat(server.next()).isEqualTo("frame hello and goodbye");
      assertThat(client.closed.get(30, TimeUnit.SECONDS).kind()).isEqualTo(Kind.CLOSED);
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void anAbortInsideOnFrameIsHeardAfterOnFrameReturns(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults())) {
      Recorder server = new Recorder() {
        @Override
        public void onFrame(Connection connection, ByteBuffer frame) {
          events.add("frame begins");
          connection.abort();
          assertThat(connection.isOpen()).isFalse();
          assertThat(connection.send(text("after abort"))).isFalse();
          events.add("frame ends");
        }
      };
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        ByteBuffer both = ByteBuffer.allocate(14).putInt(3).put("one".getBytes(StandardCharsets.UTF_8))
            .putInt(3).put("two".getBytes(StandardCharsets.UTF_8));
        client.out.write(both.array()); // both frames in one write: the second is read with the first
        client.out.flush();
        assertThat(server.next()).isEqualTo("open");
        assertThat(server.next()).isEqualTo("frame begins");
        assertThat(server.next()).isEqualTo("frame ends");
        assertThat(server.next()).as("no frame after the abort").isEqualTo("close " + Kind.ABORTED);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aGracefulCloseToAPeerThatNeverReadsEndsWithinTheConnectTimeout(Transports kind) throws Exception {
    // A queue larger than the kernel's send buffer can ever grow (tcp_wmem's maximum is 4 MiB by default).
    NetOptions options = NetOptions.builder().connectTimeout(Duration.ofMillis(500)).writeQueueBytes(32 << 20).build();
    try (Transport transport = kind.open(options)) {
      Recorder server = new Recorder();
      Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
      try (RawClient client = new RawClient(acceptor.address())) {
        client.socket.setReceiveBufferSize(4 << 10);
        Connection connection = server.connection();
        ByteBuffer big = ByteBuffer.allocate(1 << 20);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long refusedSince = 0;
        while (System.nanoTime() - deadline < 0) { // until the kernel's buffers and the queue stay full
          if (connection.send(big.duplicate())) {
            refusedSince = 0;
          } else if (refusedSince == 0) {
            refusedSince = System.nanoTime();
          } else if (System.nanoTime() - refusedSince > TimeUnit.MILLISECONDS.toNanos(300)) {
            break;
          }
          Thread.sleep(1);
        }
        connection.close();
        CloseReason reason = server.closed.get(30, TimeUnit.SECONDS);
        assertThat(reason.kind()).isEqualTo(Kind.CLOSED);
        assertThat(reason.message()).contains("could not be written within 500 ms (connectTimeout)");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aConnectionOfAClosedTransportIgnoresEveryCall(Transports kind) throws Exception {
    Transport transport = kind.open(NetOptions.defaults());
    Recorder server = new Recorder();
    Acceptor acceptor = transport.bind(ANY_PORT, () -> server);
    try (RawClient client = new RawClient(acceptor.address())) {
      Connection connection = server.connection();
      transport.close();
      assertThat(server.closed.get(30, TimeUnit.SECONDS).kind()).isEqualTo(Kind.TRANSPORT_CLOSED);
      connection.pauseReading();
      connection.resumeReading();
      connection.close();
      connection.abort();
      assertThat(connection.send(text("late"))).isFalse();
      assertThat(connection.isOpen()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aBoundPortIsRefusedNamingTheAddress(Transports kind) throws Exception {
    try (Transport transport = kind.open(NetOptions.defaults());
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
      assertThatThrownBy(() -> transport.bind(address, EchoHandler::new))
          .isInstanceOf(IOException.class).hasMessageContaining("cannot listen on " + address);
    }
  }
}

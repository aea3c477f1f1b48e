package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.net.CloseReason.Kind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that send garbage, announce oversized frames, trickle one byte at a time, never read
 * their replies, half-close or reset: each is closed or held back alone, while four well-behaved
 * clients echo their frames through the same server all along, and the server's heap stays
 * bounded.
 */
class HostileClientsTest {
  private static final int MAX_FRAME = 64 << 10;
  private static final int GOOD_CLIENTS = 4;
  private static final int GOOD_FRAMES = 2_000;

  private final ServerLog log = new ServerLog();
  private Transport server;
  private Transport clients;
  private Acceptor acceptor;
  private final List<EchoClient> good = new ArrayList<>();

  @BeforeEach
  void noServerYet() {
    server = null;
    clients = null;
  }

  @AfterEach
  void closeTransports() {
    if (clients != null) {
      clients.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void startServer(Transports kind) throws Exception {
    NetOptions options = NetOptions.builder().threads(2).maxFrameBytes(MAX_FRAME).writeQueueBytes(256 << 10).build();
    server = kind.open(options.toBuilder().name("hostile-server-" + kind).build());
    clients = kind.open(options.toBuilder().name("hostile-clients-" + kind).build());
    acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), log.echo());
  }

  private void startGoodClients() throws Exception {
    for (int i = 0; i < GOOD_CLIENTS; i++) {
      EchoClient client = new EchoClient(100 + i, GOOD_FRAMES, 8);
      good.add(client);
      clients.connector().connect(acceptor.address(), client).get(30, TimeUnit.SECONDS);
    }
  }

  private void assertGoodClientsServed() throws Exception {
    for (EchoClient client : good) {
      assertThat(client.done.get(120, TimeUnit.SECONDS)).as("frames a good client had echoed").isEqualTo(GOOD_FRAMES);
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void garbageClosesOnlyTheConnectionThatSentIt(Transports kind) throws Exception {
    startServer(kind);
    startGoodClients();
    SplittableRandom random = new SplittableRandom(42);
    int connections = 0;
    RawClient garbage = null;
    for (int chunk = 0; chunk < 10_000; chunk++) {
      if (garbage == null) {
        garbage = new RawClient(acceptor.address());
        connections++;
      }
      byte[] bytes = new byte[random.nextInt(1, 513)];
      random.nextBytes(bytes);
      try {
        garbage.out.write(bytes);
        garbage.out.flush();
      } catch (IOException closedByTheServer) {
        garbage.close();
        garbage = null;
      }
    }
    if (garbage != null) {
      garbage.close();
    }
    assertGoodClientsServed();
    assertThat(log.awaitClose(reason -> reason.kind() == Kind.FRAME_TOO_LARGE).message())
        .contains("announced a frame of").contains("maxFrameBytes");
    assertThat(connections).as("garbage connections made").isGreaterThan(1);
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void anOversizedLengthPrefixClosesTheConnectionNamingTheLength(Transports kind) throws Exception {
    startServer(kind);
    startGoodClients();
    try (RawClient oversized = new RawClient(acceptor.address())) {
      oversized.out.writeInt(MAX_FRAME + 1);
      oversized.out.flush();
      assertThat(oversized.closedByServer()).isTrue();
    }
    CloseReason reason = log.awaitClose(closed -> closed.kind() == Kind.FRAME_TOO_LARGE);
    assertThat(reason.message()).contains(Integer.toString(MAX_FRAME + 1)).contains("limit is " + MAX_FRAME);
    assertGoodClientsServed();
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aClientSendingOneByteASecondHoldsUpNobody(Transports kind) throws Exception {
    startServer(kind);
    try (RawClient slow = new RawClient(acceptor.address())) {
      byte[] payload = new byte[100];
      new SplittableRandom(7).nextBytes(payload);
      slow.out.writeInt(payload.length);
      slow.out.flush();
      startGoodClients();
      int sent = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (sent < 3 || (!allDone() && System.nanoTime() - deadline < 0)) {
        slow.out.write(payload[sent++]);
        slow.out.flush();
        Thread.sleep(1_000);
      }
      assertGoodClientsServed();
      slow.out.write(payload, sent, payload.length - sent);
      slow.out.flush();
      assertThat(slow.readFrame()).as("the slow client's frame, once whole").isEqualTo(payload);
    }
    assertThat(log.closes()).filteredOn(reason -> !reason.byThisEnd() && reason.kind() != Kind.PEER_CLOSED).isEmpty();
  }

  private boolean allDone() {
    return good.stream().allMatch(client -> client.done.isDone());
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aClientThatNeverReadsIsHeldBackAndTheHeapStaysBounded(Transports kind) throws Exception {
    startServer(kind);
    long heapBefore = usedHeapAfterGc();
    long written = 0;
    try (SocketChannel greedy = SocketChannel.open(acceptor.address())) {
      greedy.setOption(StandardSocketOptions.TCP_NODELAY, true);
      greedy.configureBlocking(false);
      startGoodClients();
      ByteBuffer frame = ByteBuffer.allocate(4 + MAX_FRAME);
      frame.putInt(MAX_FRAME).position(frame.capacity()).flip();
      long stalledSince = 0;
      for (int frames = 0; frames < 100_000; ) {
        if (!frame.hasRemaining()) {
          frame.rewind();
          frames++;
        }
        int n = greedy.write(frame);
        written += n;
        if (n > 0) {
          stalledSince = 0;
        } else if (stalledSince == 0) {
          stalledSince = System.nanoTime();
        } else if (System.nanoTime() - stalledSince > TimeUnit.SECONDS.toNanos(2)) {
          break; // held back: the server stopped reading it
        } else {
          Thread.sleep(1);
        }
      }
      assertGoodClientsServed();
      assertThat(written).as("bytes the server let a client that never reads send").isLessThan(64L << 20);
      long grown = usedHeapAfterGc() - heapBefore;
      assertThat(grown).as("heap grown while held back").isLessThan(64L << 20);
    }
    log.awaitClose(reason -> reason.kind() == Kind.IO_ERROR || reason.kind() == Kind.PEER_CLOSED);
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aTlsClientThatNeverReadsIsHeldBackToo(Transports kind) throws Exception {
    NetOptions options = NetOptions.builder().threads(2).maxFrameBytes(MAX_FRAME).writeQueueBytes(256 << 10)
        .tls(TestTls.shared().server).build();
    server = kind.open(options.toBuilder().name("hostile-tls-server-" + kind).build());
    clients = kind.open(options.toBuilder().name("hostile-tls-clients-" + kind).tls(TestTls.shared().client).build());
    acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), log.echo());
    startGoodClients();
    // Closed by its plain socket at the end: closing the TLS socket would wait for the writer blocked in it.
    java.net.Socket plain = new java.net.Socket("127.0.0.1", acceptor.address().getPort());
    javax.net.ssl.SSLSocket greedy = (javax.net.ssl.SSLSocket) TestTls.shared().client.getSocketFactory()
        .createSocket(plain, "127.0.0.1", acceptor.address().getPort(), false);
    try (plain) {
      plain.setSoLinger(true, 0);
      greedy.startHandshake();
      java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(greedy.getOutputStream(), 64 << 10));
      byte[] payload = new byte[1_000];
      Thread writer = new Thread(() -> {
        try {
          for (int i = 0; i < 100_000; i++) { // blocks for good once the server stops reading it
            out.writeInt(payload.length);
            out.write(payload);
          }
          out.flush();
        } catch (IOException closed) {
          // the socket was closed by the test
        }
      });
      writer.setDaemon(true);
      writer.start();
      assertGoodClientsServed();
      assertThat(log.closes()).as("connections the server closed, other than by their clients")
          .filteredOn(reason -> reason.kind() != Kind.PEER_CLOSED).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aHalfClosedClientGetsItsRepliesThenTheConnectionCloses(Transports kind) throws Exception {
    startServer(kind);
    startGoodClients();
    try (RawClient half = new RawClient(acceptor.address())) {
      for (int i = 0; i < 10; i++) {
        half.sendFrame(new byte[] {(byte) i, 1, 2, 3});
      }
      half.socket.shutdownOutput();
      for (int i = 0; i < 10; i++) {
        assertThat(half.readFrame()).as("reply %d", i).containsExactly((byte) i, 1, 2, 3);
      }
      assertThat(half.closedByServer()).isTrue();
    }
    assertThat(log.awaitClose(reason -> reason.kind() == Kind.PEER_CLOSED).message()).contains("peer closed");
    assertGoodClientsServed();
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void aResetInTheMiddleOfAFrameClosesOnlyThatConnection(Transports kind) throws Exception {
    startServer(kind);
    startGoodClients();
    for (int i = 0; i < 20; i++) {
      RawClient reset = new RawClient(acceptor.address());
      reset.out.writeInt(1_000);
      reset.out.write(new byte[300]);
      reset.out.flush();
      reset.socket.setSoLinger(true, 0);
      reset.close();
    }
    assertGoodClientsServed();
    log.awaitClose(reason -> reason.kind() == Kind.IO_ERROR || reason.kind() == Kind.PEER_CLOSED);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

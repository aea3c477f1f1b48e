package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 10,000 idle connections against one server, from a child JVM: each is served (one frame echoed),
 * they stay open idle, and all close cleanly; the heap the server holds per idle connection is
 * printed (the kernel's socket buffers are not on the heap).
 */
class IdleConnectionsTest {
  private static final int CONNECTIONS = 10_000;

  @ParameterizedTest
  @EnumSource(Transports.class)
  void tenThousandIdleConnectionsAreServedAndClosedCleanly(Transports kind) throws Exception {
    try (Transport server = kind.open(NetOptions.builder().threads(2).name("idle-" + kind).build())) {
      Acceptor acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), EchoHandler::new);
      long heapBefore = usedHeapAfterGc();
      Process clients = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), IdleClients.class.getName(),
          Integer.toString(acceptor.address().getPort()), Integer.toString(CONNECTIONS))
          .redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
          OutputStream in = clients.getOutputStream()) {
        String connected = out.readLine();
        assertThat(connected).as("the clients' report").isEqualTo("CONNECTED " + CONNECTIONS);
        awaitOpen(acceptor, CONNECTIONS);
        long perConnection = (usedHeapAfterGc() - heapBefore) / CONNECTIONS;
        System.out.printf("%s: %,d idle connections, %,d bytes of heap each%n", kind, CONNECTIONS, perConnection);
        assertThat(perConnection).as("heap per idle connection, bytes").isLessThan(64 << 10);

        in.write("CLOSE\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertThat(out.readLine()).isEqualTo("CLOSED");
        awaitOpen(acceptor, 0);
      } finally {
        clients.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitOpen(Acceptor acceptor, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acceptor.openConnections() != expected && System.nanoTime() - deadline < 0) {
      Thread.sleep(10);
    }
    assertThat(acceptor.openConnections()).as("connections open on the server").isEqualTo(expected);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

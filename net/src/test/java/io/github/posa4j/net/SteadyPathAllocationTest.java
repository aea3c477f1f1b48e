package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Reactor's steady path allocates nothing: its event loops echo a stream of frames, of the
 * sizes that arrive whole in one read and of those split across reads, without creating garbage
 * (after a warm-up that fills the pools). Counted by the JVM per thread.
 */
class SteadyPathAllocationTest {
  private static final int FRAMES = 20_000;

  @Test
  void theServersEventLoopsAllocateNothingPerFrame() throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocations");
    threads.setThreadAllocatedMemoryEnabled(true);
    try (Transport server = Reactor.open(NetOptions.builder().name("steady-server").threads(2).build());
        Transport clients = Reactor.open(NetOptions.builder().name("steady-clients").threads(2).build())) {
      Acceptor acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), EchoHandler::new);
      echo(clients, acceptor, 0); // warm-up: pools filled, code compiled

      List<Long> loops = threadIds("posa4j-steady-server-");
      assertThat(loops).hasSize(2);
      long before = allocated(threads, loops);
      echo(clients, acceptor, 1);
      long perFrame = (allocated(threads, loops) - before) / (4L * FRAMES);
      System.out.printf("Reactor server loops: %,d bytes allocated per frame echoed%n", perFrame);
      assertThat(perFrame).as("bytes the server's loops allocated per frame echoed").isLessThan(8);
    }
  }

  private static void echo(Transport clients, Acceptor acceptor, int round) throws Exception {
    List<EchoClient> echoClients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      EchoClient client = new EchoClient(round * 10 + i, FRAMES, 16);
      echoClients.add(client);
      clients.connector().connect(acceptor.address(), client).get(30, TimeUnit.SECONDS);
    }
    for (EchoClient client : echoClients) {
      assertThat(client.done.get(120, TimeUnit.SECONDS)).isEqualTo(FRAMES);
    }
  }

  private static List<Long> threadIds(String prefix) {
    List<Long> ids = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix)) {
        ids.add(thread.getId());
      }
    }
    return ids;
  }

  private static long allocated(com.sun.management.ThreadMXBean threads, List<Long> ids) {
    long sum = 0;
    for (long id : ids) {
      sum += threads.getThreadAllocatedBytes(id);
    }
    return sum;
  }
}

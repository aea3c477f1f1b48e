package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Closing transports in the middle of heavy traffic: every connection closes, and no thread or file descriptor is left. */
class ClosingTest {

  @ParameterizedTest
  @EnumSource(Transports.class)
  @EnabledOnOs(OS.LINUX) // counts file descriptors in /proc/self/fd
  void closingUnderLoadLeavesNoThreadAndNoOpenChannel(Transports kind) throws Exception {
    long descriptorsBefore = openDescriptors();
    String prefix = "posa4j-closing-" + kind;
    Transport server = kind.open(NetOptions.builder().name("closing-" + kind + "-server").threads(2).build());
    Transport clients = kind.open(NetOptions.builder().name("closing-" + kind + "-clients").threads(2).build());
    Acceptor acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), EchoHandler::new);
    List<EchoClient> echoClients = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      EchoClient client = new EchoClient(i, 1_000_000, 32);
      echoClients.add(client);
      clients.connector().connect(acceptor.address(), client).get(30, TimeUnit.SECONDS);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (echoClients.stream().anyMatch(client -> client.checked() < 100) && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    assertThat(threadsNamed(prefix)).as("threads while running").isNotEmpty();

    server.close();
    clients.close();

    for (EchoClient client : echoClients) {
      assertThat(client.done).as("a client cut off by the close").isCompletedExceptionally();
      try {
        client.done.get();
      } catch (ExecutionException e) {
        assertThat(e.getCause()).hasMessageContaining("closed after");
      }
    }
    assertThat(threadsNamed(prefix)).as("threads left after close").isEmpty();
    assertThat(openDescriptors()).as("file descriptors open after close").isLessThanOrEqualTo(descriptorsBefore + 2);
  }

  private static List<String> threadsNamed(String prefix) {
    List<String> names = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix) && thread.isAlive()) {
        names.add(thread.getName());
      }
    }
    return names;
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
      return descriptors.count();
    }
  }
}

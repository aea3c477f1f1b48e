package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 16 clients each echo 10,000 frames of random sizes through a server, on each transport, with and without TLS. */
class EchoTest {
  private static final int CLIENTS = 16;
  private static final int FRAMES = 10_000;

  static Stream<Arguments> transportsWithAndWithoutTls() {
    List<Arguments> cases = new ArrayList<>();
    for (Transports transport : Transports.values()) {
      cases.add(Arguments.of(transport, false));
      cases.add(Arguments.of(transport, true));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, TLS {1}")
  @MethodSource("transportsWithAndWithoutTls")
  void everyByteComesBackInOrderOnEveryConnection(Transports kind, boolean tls) throws Exception {
    NetOptions options = NetOptions.builder().threads(2).maxFrameBytes(EchoClient.MAX_FRAME).build();
    NetOptions serverOptions = tls ? options.toBuilder().tls(TestTls.shared().server).build() : options;
    NetOptions clientOptions = tls ? options.toBuilder().tls(TestTls.shared().client).build() : options;
    try (Transport server = kind.open(serverOptions); Transport clients = kind.open(clientOptions)) {
      Acceptor acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), EchoHandler::new);
      List<EchoClient> echoClients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        EchoClient client = new EchoClient(i, FRAMES, 16);
        echoClients.add(client);
        clients.connector().connect(acceptor.address(), client).get(30, TimeUnit.SECONDS);
      }
      long bytes = 0;
      for (EchoClient client : echoClients) {
        assertThat(client.done.get(180, TimeUnit.SECONDS)).isEqualTo(FRAMES);
        bytes += client.bytesChecked();
      }
      assertThat(bytes).as("bytes echoed").isPositive();
    }
  }
}

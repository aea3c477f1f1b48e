package io.github.posa4j.benchmarks.leader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A ZooKeeper server in the harness's JVM (Curator's {@link TestingServer}), on 127.0.0.1 only,
 * with a tick of 100 ms, so that it grants the one-second sessions the harness asks for.
 */
final class ZooKeeperServer implements AutoCloseable {
  private static final int TICK_MILLIS = 100;

  private final TestingServer server;

  private ZooKeeperServer(TestingServer server) {
    this.server = server;
  }

  static ZooKeeperServer start() throws Exception {
    Map<String, Object> settings = Map.of("clientPortAddress", "127.0.0.1",
        "minSessionTimeout", Integer.toString(2 * TICK_MILLIS));
    InstanceSpec spec = new InstanceSpec(null, freePort(), freePort(), freePort(), true, -1, TICK_MILLIS, -1, settings,
        "127.0.0.1");
    return new ZooKeeperServer(new TestingServer(spec, true));
  }

  /** {@code 127.0.0.1:<port>}, for Curator. */
  String connectString() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

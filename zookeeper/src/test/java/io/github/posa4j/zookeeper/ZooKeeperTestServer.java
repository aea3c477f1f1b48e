package io.github.posa4j.zookeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A real ZooKeeper server in the test's JVM (Curator's {@link TestingServer}), listening on
 * 127.0.0.1 only, with a tick of {@value #TICK_MILLIS} ms: it grants sessions of 200 ms to 2 s
 * (unless told otherwise), so that a lease of one second is its session timeout.
 */
final class ZooKeeperTestServer implements AutoCloseable {
  static final int TICK_MILLIS = 100;

  private final TestingServer server;

  private ZooKeeperTestServer(TestingServer server) {
    this.server = server;
  }

  static ZooKeeperTestServer start() throws Exception {
    return start(Map.of());
  }

  /** A server with {@code settings} (e.g. {@code maxSessionTimeout}) on top of the defaults above. */
  static ZooKeeperTestServer start(Map<String, String> settings) throws Exception {
    Map<String, Object> properties = new HashMap<>();
    properties.put("clientPortAddress", "127.0.0.1");
    properties.put("minSessionTimeout", Integer.toString(2 * TICK_MILLIS));
    properties.putAll(settings);
    InstanceSpec spec = new InstanceSpec(null, freeLoopbackPort(), freeLoopbackPort(), freeLoopbackPort(), true, -1,
        TICK_MILLIS, -1, properties, "127.0.0.1");
    return new ZooKeeperTestServer(new TestingServer(spec, true));
  }

  int port() {
    return server.getPort();
  }

  /** {@code zookeeper://127.0.0.1:<port><root>}. */
  String url(String root) {
    return "zookeeper://127.0.0.1:" + port() + root;
  }

  /** Stops the server, keeping its data (and so its sessions) for {@link #restart()}. */
  void stop() throws IOException {
    server.stop();
  }

  void restart() throws Exception {
    server.restart();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

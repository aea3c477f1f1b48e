package io.github.posa4j.zookeeper;

import io.github.posa4j.leader.ElectionFailoverContract;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ElectionFailoverContract} on a real ZooKeeper server (Curator's {@code TestingServer} in
 * this JVM), with the fencing table on a real PostgreSQL server: the same three members, kills,
 * pause, fenced write and {@code @LeaderOnly} bodies as on PostgreSQL.
 */
class ZooKeeperFailoverTest extends ElectionFailoverContract {
  private static ZooKeeperTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = ZooKeeperTestServer.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Override
  protected String electionUrl() {
    return server.url("/posa4j");
  }
}

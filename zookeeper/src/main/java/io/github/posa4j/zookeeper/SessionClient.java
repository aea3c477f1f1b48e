package io.github.posa4j.zookeeper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * A Curator client whose ZooKeeper session times out after the lease: Curator keeps it connected
 * and makes a new session when one expires. The session must last at least the lease: a member
 * leads until shortly before the lease runs out, counted from before its last round trip, and
 * only its session keeps its node, so a server that ended sessions sooner could let another
 * member lead while this one still does. {@link #connected} refuses such a server.
 */
final class SessionClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.github.posa4j.zookeeper");

  private final ZooKeeperUrl url;
  private final Duration lease;
  private final long leaseMillis;
  private final CuratorFramework curator;
  private boolean warnedOfLongSessions;
  private boolean hasConnected;

  private SessionClient(ZooKeeperUrl url, Duration lease, CuratorFramework curator) {
    this.url = url;
    this.lease = lease;
    this.leaseMillis = ceilMillis(lease);
    this.curator = curator;
  }

  /**
   * Starts a client for {@code url} asking for sessions of {@code lease}, which connects in the
   * background; every wait of Curator's is bounded by {@code callTime}.
   */
  static SessionClient start(ZooKeeperUrl url, Duration lease, Duration callTime) {
    int callMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, callTime.toMillis()));
    ZKClientConfig config = new ZKClientConfig();
    // Bounds the synchronous requests Curator makes itself, such as the one that closes the session.
    config.setProperty(ZKClientConfig.ZOOKEEPER_REQUEST_TIMEOUT, Integer.toString(callMillis));
    CuratorFramework curator = CuratorFrameworkFactory.builder()
        .connectString(url.connectString())
        .sessionTimeoutMs((int) Math.min(Integer.MAX_VALUE, ceilMillis(lease)))
        .connectionTimeoutMs(callMillis)
        .waitForShutdownTimeoutMs(callMillis)
        .retryPolicy(new RetryNTimes(0, 0)) // the election retries, every third of the lease
        .ensembleTracker(false)
        .zkClientConfig(config)
        .build();
    curator.start();
    return new SessionClient(url, lease, curator);
  }

  /** Whether a session of this client has been connected: until then, its ZooKeeper client is still starting. */
  boolean hasConnected() {
    return hasConnected;
  }

  /** The lease this client's sessions were asked to last. */
  Duration lease() {
    return lease;
  }

  /**
   * Waits until {@code deadlineNanos} ({@link System#nanoTime()}) for a connected session, and
   * answers the calls to make in it by then.
   *
   * @throws IOException naming the URL when no session is connected by the deadline
   * @throws IllegalStateException when the server grants sessions shorter than the lease
   */
  BoundedCalls connected(long deadlineNanos) throws Exception {
    long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    if (!curator.blockUntilConnected((int) Math.min(Integer.MAX_VALUE, waitMillis), TimeUnit.MILLISECONDS)) {
      throw new IOException("cannot reach ZooKeeper at " + url + " (not connected within a third of the lease)");
    }
    ZooKeeper zooKeeper = curator.getZookeeperClient().getZooKeeper();
    long sessionId = zooKeeper.getSessionId();
    // Not CONNECTEDREADONLY either: a read-only server is cut off from the others and answers from old state.
    if (sessionId == 0 || zooKeeper.getState() != ZooKeeper.States.CONNECTED) {
      throw new IOException("ZooKeeper at " + url + " is not connected now (" + zooKeeper.getState() + ")");
    }
    hasConnected = true;
    checkGranted(zooKeeper.getSessionTimeout());
    return new BoundedCalls(zooKeeper, sessionId, deadlineNanos, url);
  }

  private void checkGranted(int grantedMillis) {
    if (grantedMillis < leaseMillis) {
      throw new IllegalStateException("ZooKeeper at " + url + " grants sessions of " + grantedMillis
          + " ms, shorter than the lease of " + leaseMillis + " ms: it could end this member's session, and let"
          + " another member lead, before this member stops leading. A server grants session timeouts between its"
          + " minSessionTimeout and maxSessionTimeout (by default 2 and 20 times its tickTime): raise the server's"
          + " maxSessionTimeout (or tickTime) to at least " + leaseMillis + " ms, or make the lease"
          + " (posa4j.election.<name>.lease) at most " + grantedMillis + " ms");
    }
    if (grantedMillis > leaseMillis && !warnedOfLongSessions) {
      warnedOfLongSessions = true;
      LOG.log(System.Logger.Level.WARNING, "posa4j: ZooKeeper at " + url + " grants sessions of " + grantedMillis
          + " ms, longer than the lease of " + leaseMillis + " ms: a member that dies is replaced only after "
          + grantedMillis + " ms. Lower the server's minSessionTimeout (by default 2 times its tickTime) to the"
          + " lease, or lengthen the lease");
    }
  }

  /** Closes the client, which ends its session (and so deletes its nodes) when connected. Never throws. */
  @Override
  public void close() {
    try {
      curator.close();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "posa4j: closing the ZooKeeper client of " + url + " failed", e);
    }
  }

  private static long ceilMillis(Duration duration) {
    return (duration.toNanos() + 999_999) / 1_000_000;
  }
}

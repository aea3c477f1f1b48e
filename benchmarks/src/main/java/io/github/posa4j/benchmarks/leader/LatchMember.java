package io.github.posa4j.benchmarks.leader;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * A member of Curator's {@code LeaderLatch}, the peer {@link LeaderFailover} measures beside
 * posa4j: {@code LatchMember <connect string> <latch path> <session timeout ms>}, the connection
 * timeout the same. It prints what {@link FailoverMember} prints; a latch has no epoch, so each
 * leadership is numbered by this member, from 1.
 */
public final class LatchMember {
  private LatchMember() {}

  public static void main(String[] args) throws Exception {
    int session = Integer.parseInt(args[2]);
    CuratorFramework client = CuratorFrameworkFactory.builder().connectString(args[0]).sessionTimeoutMs(session)
        .connectionTimeoutMs(session).retryPolicy(new ExponentialBackoffRetry(50, 10)).build();
    client.start();
    LeaderLatch latch = new LeaderLatch(client, args[1]);
    latch.start();
    System.out.println("READY");
    MemberLog log = new MemberLog();
    AtomicLong leaderships = new AtomicLong();
    boolean leading = false;
    while (true) {
      boolean now = latch.hasLeadership();
      if (now && !leading) {
        leaderships.incrementAndGet();
      }
      leading = now;
      log.observe(now ? leaderships.get() : 0, System.nanoTime());
      Thread.sleep(1);
    }
  }
}

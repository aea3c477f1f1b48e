package io.github.posa4j.zookeeper;

import io.github.posa4j.leader.LeaseStore;
import io.github.posa4j.leader.LeaseStoreProvider;

/**
 * Serves {@code zookeeper://host:port[,host:port...]/path} URLs to
 * {@link io.github.posa4j.leader.LeaderElection#join(String, String)}: the elections live under
 * {@code path}, each in a node named after it. Found with {@link java.util.ServiceLoader}; an
 * application does not call it.
 */
public final class ZooKeeperLeaseStoreProvider implements LeaseStoreProvider {

  /** Made by {@link java.util.ServiceLoader}. */
  public ZooKeeperLeaseStoreProvider() {}

  @Override
  public boolean accepts(String url) {
    return url.startsWith(ZooKeeperUrl.SCHEME);
  }

  /**
   * A store for {@code memberId} in {@code election} at {@code url}. It connects on its first use,
   * when it learns the lease, which is its session timeout.
   *
   * @throws IllegalArgumentException when the URL is malformed or the election's name cannot name
   *     a ZooKeeper node, saying why and showing the right form
   */
  @Override
  public LeaseStore open(String election, String url, String memberId) {
    return new ZooKeeperLeaseStore(election, ZooKeeperUrl.parse(url), memberId);
  }
}

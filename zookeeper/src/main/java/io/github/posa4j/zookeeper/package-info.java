/**
 * Leader Election on ZooKeeper, through Apache Curator: the store behind
 * {@code zookeeper://} URLs of {@link io.github.posa4j.leader.LeaderElection}.
 *
 * <p>Add {@code io.github.posa4j:posa4j-zookeeper} beside {@code posa4j-runtime} (its version from
 * {@code posa4j-bom}); it brings Curator and the ZooKeeper client along. Then join an election
 * with a URL that names the servers and the node under which elections live:
 *
 * <pre>{@code
 * LeaderElection billing = LeaderElection.join("billing", "zookeeper://zk1:2181,zk2:2181,zk3:2181/posa4j");
 * }</pre>
 *
 * <p>The nodes of {@code billing} are then under {@code /posa4j/billing} (created when missing).
 * Each member holds a ZooKeeper session whose timeout is the lease
 * ({@code posa4j.election.<name>.lease}, 10,000 ms by default). The servers must grant it: a
 * server grants timeouts between its {@code minSessionTimeout} and {@code maxSessionTimeout}
 * (by default 2 and 20 times its {@code tickTime}, so 4 to 40 s with the usual 2,000 ms). A
 * member refuses to lead with a shorter session than its lease, and says so in its log, naming
 * the setting to change; with a longer one it leads, but a dead leader is replaced only when its
 * session expires.
 *
 * <p>The member connects on its first renewal, not in {@code join}: a server that cannot be
 * reached is reported in the log (after a lease, the longest the first connection may take), and
 * the member keeps trying every third of the lease.
 * Curator and ZooKeeper log through SLF4J.
 */
package io.github.posa4j.zookeeper;

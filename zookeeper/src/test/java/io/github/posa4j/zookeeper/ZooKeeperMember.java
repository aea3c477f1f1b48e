package io.github.posa4j.zookeeper;

import io.github.posa4j.leader.LeaderElection;

/**
 * A member of an election in a child JVM, for the failover tests:
 * {@code ZooKeeperMember <name> <url>} (the lease and member id come from
 * {@code -Dposa4j.election.<name>.lease/.member}). It watches its own leadership every
 * millisecond and prints, with {@link System#nanoTime()} (one clock for every process of a Linux
 * machine): {@code READY <pid>} once joined; {@code BEGIN <epoch> <nanos>}, the first moment it saw
 * itself lead with {@code epoch}; {@code END <epoch> <nanos>}, the last moment it saw itself lead
 * with it.
 */
public final class ZooKeeperMember {
  private ZooKeeperMember() {}

  public static void main(String[] args) throws InterruptedException {
    LeaderElection election = LeaderElection.join(args[0], args[1]);
    System.out.println("READY " + ProcessHandle.current().pid());
    long epoch = 0;
    long lastSeen = 0;
    while (true) {
      long now = System.nanoTime();
      long current = election.epoch().orElse(0);
      if (current != epoch) {
        if (epoch != 0) {
          System.out.println("END " + epoch + " " + lastSeen);
        }
        if (current != 0) {
          System.out.println("BEGIN " + current + " " + now);
        }
        epoch = current;
      }
      if (current != 0) {
        lastSeen = now;
      }
      Thread.sleep(1);
    }
  }
}

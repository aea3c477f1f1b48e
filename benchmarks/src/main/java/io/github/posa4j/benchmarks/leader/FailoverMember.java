package io.github.posa4j.benchmarks.leader;

import io.github.posa4j.leader.LeaderElection;

/**
 * A member of a posa4j election for {@link LeaderFailover}: {@code FailoverMember <name> <url>},
 * the lease from {@code -Dposa4j.election.<name>.lease}. It looks at its own leadership every
 * millisecond and prints {@code READY}, then {@code BEGIN <epoch> <nanoTime>} and
 * {@code END <epoch> <nanoTime>} as its leaderships begin and end.
 */
public final class FailoverMember {
  private FailoverMember() {}

  public static void main(String[] args) throws InterruptedException {
    LeaderElection election = LeaderElection.join(args[0], args[1]);
    System.out.println("READY");
    MemberLog log = new MemberLog();
    while (true) {
      log.observe(election.epoch().orElse(0), System.nanoTime());
      Thread.sleep(1);
    }
  }
}

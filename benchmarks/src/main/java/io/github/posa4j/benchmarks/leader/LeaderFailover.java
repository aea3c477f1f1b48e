package io.github.posa4j.benchmarks.leader;

import io.github.posa4j.leader.MemberJvm;
import io.github.posa4j.leader.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long an election is without a working leader after {@code kill -9} of the leader: three
 * members in child JVMs, the leader killed, the time until another member sees itself lead,
 * a new member started in the killed one's place, over and over.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.posa4j.benchmarks.leader.LeaderFailover \
 *     postgres|zookeeper|curator [rounds, 50] [lease ms, 1000]
 * </pre>
 *
 * <p>{@code postgres}: posa4j on a PostgreSQL server started for the run (Debian's package);
 * {@code zookeeper}: posa4j on ZooKeeper (Curator's {@code TestingServer} in this JVM);
 * {@code curator}: Curator's {@code LeaderLatch} on the same kind of server, with a session
 * timeout (and connection timeout) of one lease. It prints every round and then the median, the
 * 90th and 99th percentiles and the maximum, in milliseconds.
 */
public final class LeaderFailover {
  /** Child JVMs that start quickly: the members are small, and a round should not wait for C2. */
  static final List<String> FAST_START = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1");

  private LeaderFailover() {}

  /** {@link #FAST_START} and the properties that give member {@code id} of {@code election} its id and lease. */
  static List<String> jvmOptions(String election, String id, long lease) {
    List<String> options = new ArrayList<>(FAST_START);
    options.addAll(MemberJvm.electionOptions(election, id, lease));
    return options;
  }

  public static void main(String[] args) throws Exception {
    String backend = args[0];
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    long lease = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
    try (Engine engine = Engine.start(backend)) {
      List<Long> failovers = run(engine, backend, rounds, lease);
      System.out.println(summary(backend, lease, failovers));
    }
  }

  private static List<Long> run(Engine engine, String backend, int rounds, long lease) throws Exception {
    String election = "failover-" + ProcessHandle.current().pid();
    List<MemberJvm> members = new ArrayList<>();
    try {
      for (int i = 1; i <= 3; i++) {
        members.add(engine.member(backend, election, "m" + i, lease));
      }
      for (MemberJvm member : members) {
        member.await(line -> line.startsWith("READY"));
      }
      List<Long> failovers = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        MemberJvm leader = MemberJvm.awaitLeader(members, null);
        long killed = System.nanoTime();
        leader.kill();
        MemberJvm next = MemberJvm.awaitLeader(members, leader);
        long millis = TimeUnit.NANOSECONDS.toMillis(next.beganAfter(killed) - killed);
        failovers.add(millis);
        System.out.println("round " + round + ": " + leader.id() + " killed, " + next.id() + " leads " + millis + " ms later");
        MemberJvm fresh = engine.member(backend, election, "m" + (3 + round), lease);
        members.add(fresh);
        fresh.await(line -> line.startsWith("READY"));
        Thread.sleep(lease / 2); // let the new member's JVM settle before the next kill
      }
      return failovers;
    } finally {
      MemberJvm.destroyAll(members);
    }
  }

  static String summary(String what, long lease, List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    return what + ": lease " + lease + " ms, " + sorted.size() + " rounds: median " + percentile(sorted, 50) + " ms, p90 "
        + percentile(sorted, 90) + " ms, p99 " + percentile(sorted, 99) + " ms, max " + sorted.get(sorted.size() - 1)
        + " ms";
  }

  /** The nearest-rank percentile. */
  static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The store the members use, started for the run. */
  abstract static class Engine implements AutoCloseable {
    static Engine start(String backend) throws Exception {
      switch (backend) {
        case "postgres":
          return new Postgres(PostgresServer.start());
        case "zookeeper":
        case "curator":
          return new ZooKeeper(ZooKeeperServer.start());
        default:
          throw new IllegalArgumentException("backend " + backend + ": give postgres, zookeeper or curator");
      }
    }

    abstract MemberJvm member(String backend, String election, String id, long lease) throws Exception;
  }

  private static final class Postgres extends Engine {
    private final PostgresServer server;

    Postgres(PostgresServer server) {
      this.server = server;
    }

    @Override
    MemberJvm member(String backend, String election, String id, long lease) throws Exception {
      return MemberJvm.start(id, jvmOptions(election, id, lease), FailoverMember.class, election, server.url());
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private static final class ZooKeeper extends Engine {
    private final ZooKeeperServer server;

    ZooKeeper(ZooKeeperServer server) {
      this.server = server;
    }

    @Override
    MemberJvm member(String backend, String election, String id, long lease) throws Exception {
      if (backend.equals("curator")) {
        return MemberJvm.start(id, FAST_START, LatchMember.class, server.connectString(), "/latch/" + election,
            Long.toString(lease));
      }
      return MemberJvm.start(id, jvmOptions(election, id, lease), FailoverMember.class, election,
          "zookeeper://" + server.connectString() + "/posa4j");
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}

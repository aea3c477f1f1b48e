package io.github.posa4j.benchmarks.leader;

import io.github.posa4j.leader.ElectionMember;
import io.github.posa4j.leader.MemberJvm;
import io.github.posa4j.leader.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pauses a leader in the middle of a fenced write, again and again, and counts the stale writes
 * the fencing table accepted: three members ({@code ElectionMember}, the runtime tests' member)
 * on a PostgreSQL server started for the run. Each pause: the leader takes its epoch as a call in
 * flight would; {@code SIGSTOP}; another member leads and writes with a greater epoch;
 * {@code SIGCONT}; the paused call writes with its old epoch. The table must refuse every one.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.posa4j.benchmarks.leader.StaleWriteSoak [pauses, 500] [lease ms, 300]
 * </pre>
 */
public final class StaleWriteSoak {
  private StaleWriteSoak() {}

  private static long fenceEpoch(String url, String election) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement query = connection.prepareStatement("SELECT epoch FROM " + ElectionMember.FENCE_TABLE
            + " WHERE name = ?")) {
      query.setString(1, election);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int pauses = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    long lease = args.length > 1 ? Long.parseLong(args[1]) : 300;
    String election = "soak-" + ProcessHandle.current().pid();
    long started = System.nanoTime();
    int accepted = 0;
    int refused = 0;
    List<MemberJvm> members = new ArrayList<>();
    try (PostgresServer server = PostgresServer.start()) {
      for (int i = 1; i <= 3; i++) {
        members.add(MemberJvm.start("m" + i, LeaderFailover.jvmOptions(election, "m" + i, lease), ElectionMember.class,
            election, server.url()));
      }
      for (int pause = 1; pause <= pauses; pause++) {
        MemberJvm leader = MemberJvm.awaitLeader(members, null);
        int before = leader.lines().size();
        leader.send("HOLD");
        String holding = leader.awaitFrom(before, line -> line.startsWith("HOLDING "));
        long held = Long.parseLong(holding.split(" ")[1]);
        if (held == 0) {
          pause--; // it lost the lead between the two looks; try again
          continue;
        }
        leader.signal("STOP");
        MemberJvm next = MemberJvm.awaitLeader(members, leader);
        long newEpoch = next.openEpoch();
        next.await(line -> line.equals("WROTE " + newEpoch));
        int beforeWrite = leader.lines().size();
        leader.signal("CONT");
        leader.send("WRITE");
        String outcome = leader.awaitFrom(beforeWrite, line -> line.startsWith("ACCEPTED ") || line.startsWith("REJECTED "));
        // The member's own loop also writes every 20 ms while it leads, and one caught by the pause between its look
        // and its write writes late too: the row itself must still carry the new leader's epoch or a later one.
        long fenced = fenceEpoch(server.url(), election);
        if (outcome.startsWith("ACCEPTED ") || fenced < newEpoch) {
          accepted++;
          System.out.println("pause " + pause + ": STALE WRITE ACCEPTED, epoch " + held + " after " + newEpoch + " ("
              + outcome + ", the row's epoch " + fenced + ")");
        } else {
          refused++;
        }
        if (pause % 50 == 0) {
          System.out.println("pause " + pause + ": " + refused + " stale writes refused, " + accepted + " accepted");
        }
      }
    } finally {
      MemberJvm.destroyAll(members);
    }
    System.out.println("stale-write soak: lease " + lease + " ms, " + pauses + " pauses, " + refused
        + " stale writes refused, " + accepted + " accepted, " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
        + " s");
    if (accepted != 0) {
      System.exit(1);
    }
  }
}

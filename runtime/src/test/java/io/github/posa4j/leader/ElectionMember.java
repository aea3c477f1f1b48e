package io.github.posa4j.leader;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.LeaderOnlyPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A member of an election in a child JVM, for the failover tests:
 * {@code ElectionMember <name> <url> [<fence url>]} (the lease and member id come from
 * {@code -Dposa4j.election.<name>.lease/.member}). Its fenced writes go to the PostgreSQL server
 * at {@code <fence url>}, or at {@code <url>} when that is one and no fence URL is given; with
 * neither it makes none. It watches
 * its own leadership every millisecond and prints, on standard output, with
 * {@link System#nanoTime()} (one clock for every process of a Linux machine):
 *
 * <ul>
 *   <li>{@code READY <pid>} once joined;
 *   <li>{@code BEGIN <epoch> <nanos>}: the first moment it saw itself lead with {@code epoch};
 *   <li>{@code END <epoch> <nanos>}: the last moment it saw itself lead with {@code epoch};
 *   <li>{@code WROTE <epoch>} after each fenced write it made while leading (about every 20 ms);
 *   <li>{@code BODY <epoch> <nanos>} when the body of a {@code @LeaderOnly} policy it calls every
 *       10 ms starts, with the epoch {@link Leadership#epoch()} gives it.
 * </ul>
 *
 * <p>On standard input, {@code HOLD} takes the current epoch as a call in flight would (answering
 * {@code HOLDING <epoch>}, or {@code HOLDING 0} when not leading), and {@code WRITE} then makes
 * that call's fenced write, answering {@code ACCEPTED <epoch>} or {@code REJECTED <epoch>}
 * ({@code NO FENCE} when it makes no fenced writes).
 *
 * <p>The fenced write is the README's pattern: the row keeps the highest epoch that wrote it, and
 * a write with a lower one changes nothing.
 */
public final class ElectionMember {
  public static final String FENCE_TABLE = "posa4j_test_fence";

  public static void main(String[] args) throws Exception {
    String name = args[0];
    String url = args[1];
    String fenceUrl = args.length > 2 ? args[2] : url.startsWith("jdbc:") ? url : null;
    try (Connection fence = fenceUrl == null ? null : DriverManager.getConnection(fenceUrl)) {
      if (fence != null) {
        createFence(fence, name);
      }
      LeaderElection election = LeaderElection.join(name, url);
      System.out.println("READY " + ProcessHandle.current().pid());
      Thread commands = new Thread(() -> readCommands(election, fenceUrl, name), "commands");
      commands.setDaemon(true);
      commands.start();
      Thread leaderOnly = new Thread(() -> callLeaderOnly(name), "leader-only");
      leaderOnly.setDaemon(true);
      leaderOnly.start();
      watch(election, fence, name);
    }
  }

  private static void watch(LeaderElection election, Connection fence, String name) throws Exception {
    long epoch = 0;
    long lastSeen = 0;
    long lastWrite = 0;
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
        if (fence != null && now - lastWrite > 20_000_000) {
          lastWrite = now;
          if (write(fence, name, current)) {
            System.out.println("WROTE " + current);
          }
        }
      }
      Thread.sleep(1);
    }
  }

  /** Calls a @LeaderOnly policy every 10 ms; its body prints {@code BODY <epoch> <nanoTime>} as it starts. */
  private static void callLeaderOnly(String name) {
    FaultTolerance policies = FaultTolerance.builder("ElectionMember/body").leaderOnly(LeaderOnlyPolicy.of(name)).build();
    while (true) {
      try {
        policies.call(() -> {
          System.out.println("BODY " + Leadership.epoch() + " " + System.nanoTime());
          return null;
        });
      } catch (NotLeaderException refused) {
        // a follower: the body did not run
      } catch (Exception e) {
        System.out.println("FAILED " + e);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void readCommands(LeaderElection election, String fenceUrl, String name) {
    try (Connection connection = fenceUrl == null ? null : DriverManager.getConnection(fenceUrl);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      long held = 0;
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("HOLD")) {
          held = election.epoch().orElse(0);
          System.out.println("HOLDING " + held);
        } else if (line.equals("WRITE")) {
          if (connection == null) {
            System.out.println("NO FENCE");
          } else {
            System.out.println((write(connection, name, held) ? "ACCEPTED " : "REJECTED ") + held);
          }
        }
      }
    } catch (Exception e) {
      System.out.println("FAILED " + e);
    }
  }

  static void createFence(Connection connection, String name) throws SQLException {
    try (PreparedStatement create = connection.prepareStatement("CREATE TABLE IF NOT EXISTS " + FENCE_TABLE
        + " (name text PRIMARY KEY, epoch bigint NOT NULL, writes bigint NOT NULL)")) {
      create.execute();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
        throw e;
      }
    }
    try (PreparedStatement row = connection.prepareStatement("INSERT INTO " + FENCE_TABLE
        + " VALUES (?, 0, 0) ON CONFLICT (name) DO NOTHING")) {
      row.setString(1, name);
      row.execute();
    }
  }

  /** The fenced write: accepted only when no higher epoch wrote before. */
  static boolean write(Connection connection, String name, long epoch) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + FENCE_TABLE
        + " SET epoch = ?, writes = writes + 1 WHERE name = ? AND epoch <= ?")) {
      update.setLong(1, epoch);
      update.setString(2, name);
      update.setLong(3, epoch);
      return update.executeUpdate() == 1;
    }
  }
}

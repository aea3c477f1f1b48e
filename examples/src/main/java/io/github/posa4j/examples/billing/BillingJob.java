package io.github.posa4j.examples.billing;

import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.leader.Leadership;
import io.github.posa4j.leader.NotLeaderException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The shop's nightly billing run, which exactly one of the shop's processes may make: it runs
 * only on the leader of the election {@code billing}, and its one write carries the epoch of that
 * leadership, which the table checks. On the other processes the call goes to {@link #standBy()}.
 * Use the generated {@code ResilientBillingJob}.
 */
public class BillingJob {
  /** The table the runs are written to: one row, the highest epoch that wrote it, and a count. */
  public static final String TABLE = "billing_run";

  private final String url;
  private final String node;
  private volatile CountDownLatch held;

  /** A job writing to the database at {@code url}, as {@code node}. */
  public BillingJob(String url, String node) {
    this.url = url;
    this.node = node;
  }

  /** Creates the table and its one row if they are missing. */
  public static void createTable(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
          + " (id int PRIMARY KEY, epoch bigint NOT NULL, runs bigint NOT NULL, last_node text)");
      statement.execute("INSERT INTO " + TABLE + " VALUES (1, 0, 0, NULL) ON CONFLICT (id) DO NOTHING");
    }
  }

  /**
   * Makes one billing run, as the leader only. The write is fenced: it changes the row only if no
   * later leadership (a greater epoch) wrote it first.
   *
   * @return what happened: {@code billed <epoch>}, or {@code refused <epoch>} for a stale leader's write
   */
  @LeaderOnly("billing")
  @Fallback(applyOn = NotLeaderException.class, fallbackMethod = "standBy")
  public String billNextRun() throws SQLException, InterruptedException {
    long epoch = Leadership.epoch();
    CountDownLatch hold = held;
    if (hold != null) {
      System.out.println("HOLDING " + epoch);
      hold.await();
    }
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement fenced = connection.prepareStatement("UPDATE " + TABLE
            + " SET epoch = ?, runs = runs + 1, last_node = ? WHERE id = 1 AND epoch <= ?")) {
      fenced.setLong(1, epoch);
      fenced.setString(2, node);
      fenced.setLong(3, epoch);
      return (fenced.executeUpdate() == 1 ? "billed " : "refused ") + epoch;
    }
  }

  /** What a process that does not lead answers. */
  protected String standBy() {
    return "standby";
  }

  /** Makes the next run stop, once it holds its epoch, until {@link #release()}: for the demo's pause. */
  public void holdNextRun() {
    held = new CountDownLatch(1);
  }

  /** Lets a held run go on. */
  public void release() {
    CountDownLatch hold = held;
    held = null;
    if (hold != null) {
      hold.countDown();
    }
  }
}

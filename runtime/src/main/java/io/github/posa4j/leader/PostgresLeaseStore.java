package io.github.posa4j.leader;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The lease of an election as a row of the table {@value #TABLE} in PostgreSQL, through
 * {@code java.sql} only. Every time is the database's ({@code now()}), never this machine's: the
 * row says until when, by the database's clock, the lease is taken, and a member takes it only
 * when it is its own or has run out. The epoch grows by one with every new leadership: whenever
 * the lease changes hands or lapsed, or its holder had stopped leading by its own deadline. The
 * table is created when missing:
 *
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS posa4j_election (
 *   name       text PRIMARY KEY,   -- the election
 *   holder     text NOT NULL,      -- the member id of the last holder
 *   epoch      bigint NOT NULL,    -- its leadership's fencing token
 *   expires_at timestamptz NOT NULL)
 * }</pre>
 *
 * <p>One connection, opened again after a failure. Every statement is bounded by the renewal
 * interval (the connection's network timeout), so an unreachable server never holds the
 * election's thread for long.
 */
final class PostgresLeaseStore implements LeaseStore {
  /** The table of leases. */
  public static final String TABLE = "posa4j_election";

  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (name text PRIMARY KEY,"
      + " holder text NOT NULL, epoch bigint NOT NULL, expires_at timestamptz NOT NULL)";
  private static final String ACQUIRE = "INSERT INTO " + TABLE + " AS e (name, holder, epoch, expires_at)"
      + " VALUES (?, ?, 1, now() + ? * interval '1 microsecond')"
      + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
      + " epoch = CASE WHEN e.holder = excluded.holder AND e.expires_at > now() AND e.epoch = ? THEN e.epoch"
      + " ELSE e.epoch + 1 END,"
      + " expires_at = excluded.expires_at"
      + " WHERE e.holder = excluded.holder OR e.expires_at <= now()"
      + " RETURNING epoch";
  private static final String RELEASE = "UPDATE " + TABLE + " SET expires_at = now()"
      + " WHERE name = ? AND holder = ? AND expires_at > now()";

  private final String election;
  private final String url;
  private final String memberId;
  private final int timeoutMillis;
  private Connection connection;

  private PostgresLeaseStore(String election, String url, String memberId, int timeoutMillis) {
    this.election = election;
    this.url = url;
    this.memberId = memberId;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Connects to {@code url} and creates the table if it is missing.
   *
   * @throws SQLException naming the URL when the server cannot be reached, refuses the login, or
   *     no driver for the URL is on the class path
   */
  public static PostgresLeaseStore open(String election, String url, String memberId, Duration renewalInterval)
      throws SQLException {
    int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, renewalInterval.toMillis()));
    PostgresLeaseStore store = new PostgresLeaseStore(election, url, memberId, timeout);
    store.connection();
    return store;
  }

  @Override
  public long acquire(Duration lease, long heldEpoch) throws SQLException {
    try (PreparedStatement statement = connection().prepareStatement(ACQUIRE)) {
      statement.setString(1, election);
      statement.setString(2, memberId);
      statement.setLong(3, lease.toNanos() / 1_000);
      statement.setLong(4, heldEpoch);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    } catch (SQLException e) {
      dropConnection();
      throw e;
    }
  }

  @Override
  public void release() throws SQLException {
    try (PreparedStatement statement = connection().prepareStatement(RELEASE)) {
      statement.setString(1, election);
      statement.setString(2, memberId);
      statement.executeUpdate();
    } catch (SQLException e) {
      dropConnection();
      throw e;
    }
  }

  @Override
  public void close() {
    dropConnection();
  }

  private Connection connection() throws SQLException {
    if (connection != null) {
      return connection;
    }
    Properties properties = new Properties();
    int seconds = Math.max(1, (timeoutMillis + 999) / 1_000);
    // The PostgreSQL driver's own bounds on connecting; the network timeout below bounds each statement.
    properties.setProperty("connectTimeout", Integer.toString(seconds));
    properties.setProperty("loginTimeout", Integer.toString(seconds));
    properties.setProperty("ApplicationName", "posa4j election " + election);
    Connection opened;
    try {
      opened = DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      if ("08001".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        throw new SQLException("no JDBC driver for " + url + " on the class path: add PostgreSQL's driver"
            + " (org.postgresql:postgresql) to the application", e.getSQLState(), e);
      }
      throw new SQLException("cannot connect to " + url + " for election '" + election + "': " + e.getMessage(),
          e.getSQLState(), e);
    }
    try {
      opened.setAutoCommit(true);
      opened.setNetworkTimeout(Runnable::run, timeoutMillis);
      createTable(opened);
    } catch (SQLException e) {
      closeQuietly(opened);
      throw e;
    }
    connection = opened;
    return opened;
  }

  private static void createTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    } catch (SQLException e) {
      // Two members creating the table at once: the loser sees a duplicate type or key; the table is there.
      if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private void dropConnection() {
    Connection dropped = connection;
    connection = null;
    closeQuietly(dropped);
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // already broken: nothing to release
    }
  }
}

package io.github.posa4j.leader;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;

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
 *   holder     text NOT NULL,      -- the last holder: its member id and its membership's token
 *   epoch      bigint NOT NULL,    -- its leadership's fencing token
 *   expires_at timestamptz NOT NULL)
 * }</pre>
 *
 * <p>The holder is the member id followed by a token drawn for this store ({@code m1#5c0f9e2a}):
 * two members given the same id by mistake (two containers with one host name and pid 1) are
 * still two holders, and one never renews the other's lease; nor does a member restarted under
 * its old id before its old lease ran out.
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
  // Only the leadership this store took: a later membership of the same member (joined again after a
  // close) holds another epoch, and an old release must not expire its lease.
  private static final String RELEASE = "UPDATE " + TABLE + " SET expires_at = now()"
      + " WHERE name = ? AND holder = ? AND epoch = ? AND expires_at > now()";
  private static final String EXISTS = "SELECT to_regclass('" + TABLE + "') IS NOT NULL";

  private final String election;
  private final String url;
  /** The member id and this store's token: who holds the lease, in the row. */
  private final String holder;
  private final int timeoutMillis;
  private Connection connection;
  /** The epoch of the last leadership this store was granted, 0 before any. */
  private long granted;

  private PostgresLeaseStore(String election, String url, String memberId, int timeoutMillis) {
    this.election = election;
    this.url = url;
    this.holder = memberId + "#" + String.format("%08x", ThreadLocalRandom.current().nextInt());
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
      statement.setString(2, holder);
      statement.setLong(3, lease.toNanos() / 1_000);
      statement.setLong(4, heldEpoch);
      try (ResultSet row = statement.executeQuery()) {
        long epoch = row.next() ? row.getLong(1) : 0;
        if (epoch != 0) {
          granted = epoch;
        }
        return epoch;
      }
    } catch (SQLException e) {
      dropConnection();
      throw e;
    }
  }

  @Override
  public void release() throws SQLException {
    if (granted == 0) {
      return;
    }
    try (PreparedStatement statement = connection().prepareStatement(RELEASE)) {
      statement.setString(1, election);
      statement.setString(2, holder);
      statement.setLong(3, granted);
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
      opened = connect(url, properties);
    } catch (SQLException e) {
      if ("08001".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        throw new SQLException("no JDBC driver for " + StoreUrls.withoutSecrets(url)
            + " on the class path: add PostgreSQL's driver (org.postgresql:postgresql) to the application",
            e.getSQLState(), e);
      }
      throw new SQLException("cannot connect to " + StoreUrls.withoutSecrets(url) + " for election '" + election
          + "': " + e.getMessage(), e.getSQLState(), e);
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

  /**
   * Connects through a driver the application's class loader sees: {@link DriverManager} hands out
   * only drivers visible to its caller's loader, and under the agent or in an application server
   * the runtime's loader is not the application's.
   */
  private static Connection connect(String url, Properties properties) throws SQLException {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      try {
        for (Driver driver : ServiceLoader.load(Driver.class, context)) {
          if (driver.acceptsURL(url)) {
            Connection connection = driver.connect(url, properties);
            if (connection != null) {
              return connection;
            }
          }
        }
      } catch (ServiceConfigurationError brokenDriver) {
        // a driver of the application that cannot be loaded: ask DriverManager, as without a context loader
      }
    }
    return DriverManager.getConnection(url, properties);
  }

  private static void createTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // Asked first: CREATE TABLE IF NOT EXISTS needs the right to create even when the table is there.
      try (ResultSet exists = statement.executeQuery(EXISTS)) {
        if (exists.next() && exists.getBoolean(1)) {
          return;
        }
      }
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

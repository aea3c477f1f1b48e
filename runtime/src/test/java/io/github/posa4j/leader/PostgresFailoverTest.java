package io.github.posa4j.leader;

/** {@link ElectionFailoverContract} on a real PostgreSQL server (Debian's package, started for the tests). */
class PostgresFailoverTest extends ElectionFailoverContract {
  @Override
  protected String electionUrl() throws Exception {
    return PostgresServer.shared().url();
  }
}

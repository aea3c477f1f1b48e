package io.github.posa4j.leader;

/**
 * Makes {@link LeaseStore}s for the URLs of one kind of engine; found with
 * {@link java.util.ServiceLoader} (list the implementation in
 * {@code META-INF/services/io.github.posa4j.leader.LeaseStoreProvider}). {@code posa4j-zookeeper}
 * provides {@code zookeeper://} this way. {@code jdbc:postgresql:} URLs are served by the runtime
 * itself.
 */
public interface LeaseStoreProvider {

  /** Whether this provider serves {@code url}. */
  boolean accepts(String url);

  /**
   * A store for member {@code memberId} of the election {@code election} at {@code url}.
   *
   * @throws Exception when the URL is malformed or the engine's client cannot be set up; the
   *     message should name the URL and say how to fix it
   */
  LeaseStore open(String election, String url, String memberId) throws Exception;
}

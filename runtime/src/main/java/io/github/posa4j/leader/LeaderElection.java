package io.github.posa4j.leader;

import io.github.posa4j.config.Config;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * This process's membership of a leader election: whether it leads now, with which epoch, and
 * what to do when that changes.
 *
 * <pre>{@code
 * LeaderElection billing = LeaderElection.join("billing", "jdbc:postgresql://127.0.0.1:5432/app");
 * billing.onElected(epoch -> log.info("leading billing, epoch {}", epoch));
 * billing.onRevoked(() -> log.info("no longer leading billing"));
 * ...
 * if (billing.isLeader()) { ... }
 * billing.close(); // resigns at once; another member takes over without waiting for the lease
 * }</pre>
 *
 * <p>Within one JVM every use of one election name shares one membership: {@code join}, the
 * {@code @LeaderOnly} methods of generated decorators, and the agent. {@link #close()} resigns it
 * for all of them, and a later use joins again. The lease is read from
 * {@code posa4j.election.<name>.lease} (milliseconds, default 10,000) and the member id from
 * {@code posa4j.election.<name>.member} (default: host name and process id; members of one
 * election must have different ids).
 *
 * <p>The lease is taken and renewed on the membership's own thread, every third of the lease;
 * {@link #isLeader()} and {@link #epoch()} read local state only. What is guaranteed is in the
 * {@linkplain io.github.posa4j.leader package documentation}.
 */
public final class LeaderElection implements AutoCloseable {
  private final Membership membership;

  private LeaderElection(Membership membership) {
    this.membership = membership;
  }

  /**
   * Joins the election {@code name} whose lease lives at {@code url}, or returns this JVM's
   * membership of it if it has one.
   *
   * @param url {@code jdbc:postgresql://host:port/database[?user=...&password=...]}, served by
   *     the runtime through the PostgreSQL JDBC driver the application supplies; or any URL a
   *     {@link LeaseStoreProvider} on the class path accepts, e.g. {@code zookeeper://host:port/path}
   *     with {@code posa4j-zookeeper}
   * @throws IllegalArgumentException for a URL no store serves, or when this JVM is a member of
   *     {@code name} at another URL
   * @throws IllegalStateException when the store cannot be reached now (unreachable server,
   *     refused login, missing driver), naming the URL and the cause
   * @throws io.github.posa4j.config.ConfigException for a malformed lease or member id setting
   */
  public static LeaderElection join(String name, String url) {
    return new LeaderElection(Memberships.join(name, url, Config.standard(classLoader())));
  }

  /**
   * Joins the election {@code name} at the URL configured under {@code posa4j.election.<name>.url},
   * or returns this JVM's membership of it if it has one.
   *
   * @throws IllegalStateException when no URL is configured (naming the key) or the store cannot
   *     be reached
   */
  public static LeaderElection join(String name) {
    return new LeaderElection(Memberships.joinConfigured(name, Config.standard(classLoader())));
  }

  /** The election's name. */
  public String name() {
    return membership.name();
  }

  /** This member's id in the election. */
  public String memberId() {
    return membership.memberId();
  }

  /** The lease this member takes. */
  public Duration lease() {
    return membership.lease();
  }

  /** Whether this process leads the election now: it holds the lease and its deadline has not passed. */
  public boolean isLeader() {
    return membership.admit() != 0;
  }

  /** The epoch (fencing token) of the leadership this process holds now, or empty when it does not lead. */
  public OptionalLong epoch() {
    long epoch = membership.admit();
    return epoch == 0 ? OptionalLong.empty() : OptionalLong.of(epoch);
  }

  /**
   * Calls {@code listener} with the epoch whenever this process begins to lead, on the
   * election's thread (keep it short, or hand the work on); at once, on that thread, if it leads
   * now. A listener that throws is logged and does not stop the others.
   */
  public LeaderElection onElected(LongConsumer listener) {
    membership.onElected(java.util.Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Calls {@code listener} whenever a leadership of this process ends: the deadline passed
   * without a renewal, another member took over, or the membership was closed. On the election's
   * thread, after {@link #isLeader()} already answers {@code false}.
   */
  public LeaderElection onRevoked(Runnable listener) {
    membership.onRevoked(java.util.Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Resigns: this process stops leading at once (the revoked listeners are told), gives the lease
   * up so that another member can lead without waiting for it to run out, and leaves the election.
   * For every user of the name in this JVM. Waits for the election's thread to finish.
   */
  @Override
  public void close() {
    Memberships.leave(membership);
  }

  @Override
  public String toString() {
    return membership + (isLeader() ? ", leading" : ", not leading");
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : LeaderElection.class.getClassLoader();
  }
}

package io.github.posa4j.leader;

import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigException;
import io.github.posa4j.config.ConfigValue;
import io.github.posa4j.leader.internal.Elections;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The memberships of this JVM, one per election name, shared by every use of that name:
 * {@link io.github.posa4j.leader.LeaderElection#join}, generated decorators and the agent. Also
 * where the configuration of elections is read:
 *
 * <ul>
 *   <li>{@code posa4j.election.<name>.url}: the store, for uses that do not give one;
 *   <li>{@code posa4j.election.<name>.lease}: the lease in milliseconds (default
 *       {@value #DEFAULT_LEASE_MILLIS}), read by every way of joining;
 *   <li>{@code posa4j.election.<name>.member}: this member's id (default: host name and process id).
 * </ul>
 */
final class Memberships {
  /** The lease when configuration names none. */
  public static final long DEFAULT_LEASE_MILLIS = 10_000;

  private static final ConcurrentMap<String, Membership> JOINED = new ConcurrentHashMap<>();
  /**
   * One lock per election name: opening a store may take a connect timeout, and must not hold up
   * joins of other elections.
   */
  private static final ConcurrentMap<String, Object> JOINING = new ConcurrentHashMap<>();

  private Memberships() {}

  /**
   * The membership of {@code name}, joining it at {@code url} if this JVM is not a member yet.
   *
   * @throws IllegalArgumentException when this JVM already is a member of {@code name} at another URL
   * @throws IllegalStateException when the store cannot be opened (the message names the URL and the cause)
   */
  public static Membership join(String name, String url, Config config) {
    checkName(name);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("election '" + name + "' needs the URL of its store, e.g."
          + " jdbc:postgresql://127.0.0.1:5432/app or zookeeper://127.0.0.1:2181/elections");
    }
    Membership existing = JOINED.get(name);
    if (existing != null) {
      return sameUrl(existing, url);
    }
    synchronized (JOINING.computeIfAbsent(name, key -> new Object())) {
      existing = JOINED.get(name);
      if (existing != null) {
        return sameUrl(existing, url);
      }
      Duration lease = lease(name, config);
      String memberId = memberId(name, config);
      Membership membership = new Membership(name, url, memberId, lease, openStore(name, url, memberId, lease));
      JOINED.put(name, membership);
      Elections.join(membership);
      membership.start();
      return membership;
    }
  }

  /**
   * The membership of {@code name}, joining it at the URL configured under
   * {@code posa4j.election.<name>.url} if this JVM is not a member yet.
   *
   * @throws IllegalStateException when the key is missing, naming it
   */
  public static Membership joinConfigured(String name, Config config) {
    checkName(name);
    Membership existing = JOINED.get(name);
    if (existing != null) {
      return existing;
    }
    String key = "posa4j.election." + name + ".url";
    Optional<ConfigValue> url = config.get(key);
    if (url.isEmpty() || url.get().value().isBlank()) {
      throw new IllegalStateException("election '" + name + "' has no store: set " + key
          + " (e.g. -D" + key + "=jdbc:postgresql://127.0.0.1:5432/app) or join it with LeaderElection.join(name, url)");
    }
    return join(name, url.get().value().trim(), config);
  }

  /** The membership of {@code name} if this JVM has joined it. */
  public static Optional<Membership> find(String name) {
    return Optional.ofNullable(JOINED.get(name));
  }

  /** Every membership of this JVM, for observers. */
  public static List<Membership> all() {
    return new ArrayList<>(JOINED.values());
  }

  /** Resigns {@code membership} and forgets it, so that a later use of its name joins again. */
  public static void leave(Membership membership) {
    JOINED.remove(membership.name(), membership);
    membership.close();
    Elections.leave(membership);
  }

  private static Membership sameUrl(Membership existing, String url) {
    if (!existing.storeUrl().equals(url)) {
      throw new IllegalArgumentException("this JVM already is a member of election '" + existing.name() + "' at "
          + existing.url() + ", not " + StoreUrls.withoutSecrets(url) + ": one election name has one store; close the first membership or"
          + " use another name");
    }
    return existing;
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an election needs a name, e.g. \"billing\"");
    }
  }

  static Duration lease(String name, Config config) {
    String key = "posa4j.election." + name + ".lease";
    Optional<ConfigValue> value = config.get(key);
    if (value.isEmpty()) {
      return Duration.ofMillis(DEFAULT_LEASE_MILLIS);
    }
    long millis;
    try {
      millis = value.get().asLong();
    } catch (ConfigException e) {
      throw value.get().invalid("a lease is a whole number of milliseconds, e.g. 10000");
    }
    if (millis < 30) {
      throw value.get().invalid("a lease must be at least 30 ms (it is renewed every third of it)");
    }
    return Duration.ofMillis(millis);
  }

  static String memberId(String name, Config config) {
    Optional<ConfigValue> configured = config.get("posa4j.election." + name + ".member");
    if (configured.isPresent() && !configured.get().value().isBlank()) {
      return configured.get().value().trim();
    }
    return hostName() + "-" + ProcessHandle.current().pid();
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | SecurityException e) {
      return "localhost";
    }
  }

  private static LeaseStore openStore(String name, String url, String memberId, Duration lease) {
    Duration renewal = Duration.ofNanos(Math.max(1, lease.toNanos() / 3));
    try {
      if (url.startsWith("jdbc:postgresql:")) {
        return PostgresLeaseStore.open(name, url, memberId, renewal);
      }
      if (url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("election '" + name + "' at " + StoreUrls.withoutSecrets(url) + ": of the JDBC databases only"
            + " PostgreSQL (jdbc:postgresql:) keeps leases; use it, or ZooKeeper (zookeeper://) with posa4j-zookeeper");
      }
      for (LeaseStoreProvider provider : providers()) {
        if (provider.accepts(url)) {
          return provider.open(name, url, memberId);
        }
      }
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new IllegalStateException("election '" + name + "' cannot open its store at " + StoreUrls.withoutSecrets(url) + ": "
          + e.getMessage(), e);
    }
    String scheme = url.contains(":") ? url.substring(0, url.indexOf(':') + 1) : url;
    throw new IllegalArgumentException("election '" + name + "': no store serves " + scheme + " URLs like "
        + StoreUrls.withoutSecrets(url)
        + "; use jdbc:postgresql://host:port/database, or zookeeper://host:port/path with posa4j-zookeeper on the"
        + " class path");
  }

  private static List<LeaseStoreProvider> providers() {
    List<LeaseStoreProvider> providers = new ArrayList<>();
    ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), Memberships.class.getClassLoader()};
    for (ClassLoader loader : loaders) {
      try {
        for (LeaseStoreProvider provider : ServiceLoader.load(LeaseStoreProvider.class, loader)) {
          if (providers.stream().noneMatch(known -> known.getClass() == provider.getClass())) {
            providers.add(provider);
          }
        }
      } catch (ServiceConfigurationError e) {
        System.getLogger("io.github.posa4j.leader").log(System.Logger.Level.WARNING,
            "posa4j: a LeaseStoreProvider could not be loaded: " + e.getMessage(), e);
      }
    }
    return providers;
  }
}

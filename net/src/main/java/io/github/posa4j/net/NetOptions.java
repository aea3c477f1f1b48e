package io.github.posa4j.net;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a {@link Transport} runs its connections: its threads, the largest frame, the bound of each
 * connection's write queue, timeouts, and TLS. Immutable.
 *
 * <pre>{@code
 * NetOptions options = NetOptions.builder()
 *     .threads(2)
 *     .maxFrameBytes(64 << 10)
 *     .idleTimeout(Duration.ofMinutes(5))
 *     .tls(sslContext)                  // a server's key, or a client's trust store
 *     .build();
 * }</pre>
 */
public final class NetOptions {
  /** The default largest frame: 4 MiB of payload. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 4 << 20;
  /** The default bound of a connection's write queue: 1 MiB. */
  public static final int DEFAULT_WRITE_QUEUE_BYTES = 1 << 20;
  /** The default time to establish a connection: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final NetOptions DEFAULTS = new Builder().build();

  private final String name;
  private final int threads;
  private final int maxFrameBytes;
  private final int writeQueueBytes;
  private final Duration connectTimeout;
  private final Duration idleTimeout;
  private final SSLContext tls;
  private final boolean tlsNeedClientAuth;
  private final boolean tlsVerifyHostname;

  private NetOptions(Builder builder) {
    this.name = builder.name;
    this.threads = builder.threads;
    this.maxFrameBytes = builder.maxFrameBytes;
    this.writeQueueBytes = builder.writeQueueBytes;
    this.connectTimeout = builder.connectTimeout;
    this.idleTimeout = builder.idleTimeout;
    this.tls = builder.tls;
    this.tlsNeedClientAuth = builder.tlsNeedClientAuth;
    this.tlsVerifyHostname = builder.tlsVerifyHostname;
  }

  /** One thread per core, frames up to 4 MiB, 1 MiB of write queue per connection, no TLS, no idle timeout. */
  public static NetOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the {@linkplain #defaults() defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The transport's name, in its threads' names, its MBean and its events; {@code null} for a generated one. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The number of event loops (Reactor) or completion threads (Proactor). */
  public int threads() {
    return threads;
  }

  /** The longest payload of one frame; a peer that announces a longer one is disconnected. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /**
   * How many bytes a connection's write queue may hold before {@link Connection#send} refuses
   * frames and reading pauses; a queue never holds more than this plus one frame.
   */
  public int writeQueueBytes() {
    return writeQueueBytes;
  }

  /**
   * How long a connection may take to be established, TLS handshake included, and how long a
   * graceful close may wait for the peer to take what is queued.
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * How long a connection may go without reading anything, while it is being read (not paused,
   * its queue not full), before it is closed; zero for never.
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** The TLS context, when connections are encrypted. */
  public Optional<SSLContext> tls() {
    return Optional.ofNullable(tls);
  }

  /** Whether a TLS server requires a certificate from its clients. */
  public boolean tlsNeedClientAuth() {
    return tlsNeedClientAuth;
  }

  /** Whether a TLS client checks that the server's certificate names the host it connected to (on by default). */
  public boolean tlsVerifyHostname() {
    return tlsVerifyHostname;
  }

  @Override
  public String toString() {
    return "NetOptions{name=" + name + ", threads=" + threads + ", maxFrameBytes=" + maxFrameBytes
        + ", writeQueueBytes=" + writeQueueBytes + ", connectTimeout=" + connectTimeout + ", idleTimeout="
        + idleTimeout + ", tls=" + (tls != null) + "}";
  }

  /** Builds {@link NetOptions}; every setter checks its value and names it when it is wrong. */
  public static final class Builder {
    private String name;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
    private int writeQueueBytes = DEFAULT_WRITE_QUEUE_BYTES;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration idleTimeout = Duration.ZERO;
    private SSLContext tls;
    private boolean tlsNeedClientAuth;
    private boolean tlsVerifyHostname = true;

    private Builder() {}

    private Builder(NetOptions options) {
      this.name = options.name;
      this.threads = options.threads;
      this.maxFrameBytes = options.maxFrameBytes;
      this.writeQueueBytes = options.writeQueueBytes;
      this.connectTimeout = options.connectTimeout;
      this.idleTimeout = options.idleTimeout;
      this.tls = options.tls;
      this.tlsNeedClientAuth = options.tlsNeedClientAuth;
      this.tlsVerifyHostname = options.tlsVerifyHostname;
    }

    /** The transport's name (letters, digits, {@code -_.}), for its threads, MBean and events. */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
        throw new IllegalArgumentException("name '" + name + "': use letters, digits, '-', '_' and '.' only");
      }
      this.name = name;
      return this;
    }

    /** The number of threads, at least 1. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads = " + threads + ": a transport needs at least 1 thread");
      }
      this.threads = threads;
      return this;
    }

    /** The longest payload of a frame, from 1 byte to 1 GiB. */
    public Builder maxFrameBytes(int maxFrameBytes) {
      if (maxFrameBytes < 1 || maxFrameBytes > (1 << 30)) {
        throw new IllegalArgumentException("maxFrameBytes = " + maxFrameBytes + ": give 1 to " + (1 << 30));
      }
      this.maxFrameBytes = maxFrameBytes;
      return this;
    }

    /** The bound of a connection's write queue, at least 1 KiB. */
    public Builder writeQueueBytes(int writeQueueBytes) {
      if (writeQueueBytes < 1024) {
        throw new IllegalArgumentException("writeQueueBytes = " + writeQueueBytes + ": give at least 1024");
      }
      this.writeQueueBytes = writeQueueBytes;
      return this;
    }

    /** How long establishing a connection may take, positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (connectTimeout.isNegative() || connectTimeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout = " + connectTimeout + ": give a positive duration");
      }
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** How long a connection may read nothing before it is closed; zero (the default) for never. */
    public Builder idleTimeout(Duration idleTimeout) {
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative()) {
        throw new IllegalArgumentException("idleTimeout = " + idleTimeout + ": give zero (never) or a positive duration");
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    /**
     * Encrypts every connection with TLS from {@code context}: a server's needs its key manager, a
     * client's its trust manager. {@code null} turns TLS off.
     */
    public Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    /** Whether a TLS server requires its clients' certificates (off by default). */
    public Builder tlsNeedClientAuth(boolean need) {
      this.tlsNeedClientAuth = need;
      return this;
    }

    /** Whether a TLS client checks the host name in the server's certificate (on by default). */
    public Builder tlsVerifyHostname(boolean verify) {
      this.tlsVerifyHostname = verify;
      return this;
    }

    public NetOptions build() {
      return new NetOptions(this);
    }
  }
}

package io.github.posa4j.active;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * How an active object queues and runs its requests: queue capacity, what a call does when the
 * queue is full, a name, and where requests run. Immutable; one instance may serve any number of
 * active objects.
 *
 * <pre>{@code
 * ActiveObjectOptions options = ActiveObjectOptions.builder()
 *     .name("accounts")
 *     .capacity(1_024)
 *     .overflowPolicy(OverflowPolicy.FAIL)
 *     .sharedExecutor(pool)          // many active objects, few threads
 *     .build();
 * }</pre>
 *
 * <p>Where requests run, one of:
 * <ul>
 *   <li>{@linkplain Builder#dedicatedThread() a dedicated platform thread} per active object, the
 *       default. It is not a daemon thread, like the threads of {@code Executors}: a JVM does not
 *       exit with requests still queued, so close active objects when done;
 *   <li>{@linkplain Builder#threadFactory(ThreadFactory) a thread from your factory};
 *   <li>{@linkplain Builder#virtualThread() a virtual thread} on Java 21 and later (a platform
 *       thread on older runtimes; see {@link #virtualThreadsAvailable()});
 *   <li>{@linkplain Builder#sharedExecutor(Executor) a shared executor}: requests of one active
 *       object still run one at a time and in order, but no thread is held while its queue is
 *       empty, so that a hundred thousand active objects can share a few threads.
 * </ul>
 */
public final class ActiveObjectOptions {
  /** The default queue capacity: 65,536 requests. */
  public static final int DEFAULT_CAPACITY = 65_536;

  /** The largest queue capacity: 2<sup>29</sup> - 1 requests. */
  public static final int MAX_CAPACITY = (1 << 29) - 1;

  private static final ActiveObjectOptions DEFAULTS = new Builder().build();

  private final String name;
  private final int capacity;
  private final OverflowPolicy overflowPolicy;
  private final Executor executor;
  private final ThreadFactory threadFactory;
  private final boolean virtualThread;

  private ActiveObjectOptions(Builder builder) {
    this.name = builder.name;
    this.capacity = builder.capacity;
    this.overflowPolicy = builder.overflowPolicy;
    this.executor = builder.executor;
    this.threadFactory = builder.threadFactory;
    this.virtualThread = builder.virtualThread;
  }

  /**
   * A dedicated platform thread, a queue of {@value #DEFAULT_CAPACITY} requests, callers waiting
   * when it is full, and a name made from the servant's type.
   */
  public static ActiveObjectOptions defaults() {
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

  /** Whether this runtime has virtual threads (Java 21 and later). */
  public static boolean virtualThreadsAvailable() {
    return Threads.VIRTUAL_THREADS_AVAILABLE;
  }

  /** The name given, if any; without one the active object is named after its servant's type. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** How many requests may wait in the queue, not counting the one running. */
  public int capacity() {
    return capacity;
  }

  /** What a call does when the queue is full. */
  public OverflowPolicy overflowPolicy() {
    return overflowPolicy;
  }

  /** The shared executor requests run on, if one was chosen. */
  public Optional<Executor> sharedExecutor() {
    return Optional.ofNullable(executor);
  }

  /**
   * The factory of the dedicated thread, named {@code threadName} unless a factory was given;
   * {@code null} for the shared-executor style.
   */
  public ThreadFactory threadFactory(String threadName) {
    if (executor != null) {
      return null;
    }
    if (threadFactory != null) {
      return threadFactory;
    }
    return virtualThread ? Threads.virtual(threadName) : Threads.platform(threadName);
  }

  @Override
  public String toString() {
    String where = executor != null ? "shared executor " + executor
        : threadFactory != null ? "thread factory " + threadFactory
        : virtualThread ? "virtual thread" : "dedicated thread";
    return "ActiveObjectOptions[name=" + (name == null ? "(servant type)" : name) + ", capacity=" + capacity
        + ", overflowPolicy=" + overflowPolicy + ", runs on " + where + "]";
  }

  /** Builds {@link ActiveObjectOptions}; each setter checks its argument at once. */
  public static final class Builder {
    private String name;
    private int capacity = DEFAULT_CAPACITY;
    private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
    private Executor executor;
    private ThreadFactory threadFactory;
    private boolean virtualThread;

    private Builder() {}

    private Builder(ActiveObjectOptions options) {
      this.name = options.name;
      this.capacity = options.capacity;
      this.overflowPolicy = options.overflowPolicy;
      this.executor = options.executor;
      this.threadFactory = options.threadFactory;
      this.virtualThread = options.virtualThread;
    }

    /** The name of the active object, used for its thread and in every message about it. */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("ActiveObjectOptions name must not be blank; give a name"
            + " that identifies the active object in thread dumps and messages, or leave it unset");
      }
      this.name = name;
      return this;
    }

    /** How many requests may wait; from 1 to {@value ActiveObjectOptions#MAX_CAPACITY}. */
    public Builder capacity(int capacity) {
      if (capacity < 1 || capacity > MAX_CAPACITY) {
        throw new IllegalArgumentException("ActiveObjectOptions capacity = " + capacity
            + " is out of range: give a number of queued requests from 1 to " + MAX_CAPACITY);
      }
      this.capacity = capacity;
      return this;
    }

    /** What a call does when the queue is full: wait (the default) or fail. */
    public Builder overflowPolicy(OverflowPolicy overflowPolicy) {
      this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
      return this;
    }

    /** Requests run on a dedicated platform thread, not a daemon (the default). */
    public Builder dedicatedThread() {
      this.executor = null;
      this.threadFactory = null;
      this.virtualThread = false;
      return this;
    }

    /** Requests run on a dedicated thread that {@code factory} creates. */
    public Builder threadFactory(ThreadFactory factory) {
      dedicatedThread();
      this.threadFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Requests run on a dedicated virtual thread, on Java 21 and later; on older runtimes on a
     * platform thread, as with {@link #dedicatedThread()}.
     */
    public Builder virtualThread() {
      dedicatedThread();
      this.virtualThread = true;
      return this;
    }

    /**
     * Requests run on {@code executor}, one at a time and in order for this active object, which
     * holds no thread while its queue is empty. The executor must run each task it accepts (a
     * task dropped by its {@code shutdownNow()} leaves the active object waiting for it). If it
     * refuses the task that starts an idle active object, the requests then queued fail with a
     * {@link java.util.concurrent.RejectedExecutionException} and the active object stops; if it
     * refuses to take over a busy one after a turn, the thread of that turn carries on. As with
     * any executor, a thread of the pool that waits for the active object (in {@code close()}, or
     * for room in a full queue) must not be the one the active object needs to make progress.
     */
    public Builder sharedExecutor(Executor executor) {
      dedicatedThread();
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The options. */
    public ActiveObjectOptions build() {
      return new ActiveObjectOptions(this);
    }
  }
}

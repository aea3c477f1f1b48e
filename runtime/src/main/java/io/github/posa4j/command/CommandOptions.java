package io.github.posa4j.command;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.OverflowPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a command processor keeps its commands: in memory only (the {@linkplain #defaults()
 * defaults}), or in a journal directory with a durability mode, plus the depth of its undo
 * history and the queue in front of it. Immutable.
 *
 * <pre>{@code
 * CommandOptions options = CommandOptions.builder()
 *     .journal(Path.of("data/ledger"))
 *     .durability(Durability.SYNC)     // the default with a journal
 *     .history(1_000)
 *     .build();
 * }</pre>
 */
public final class CommandOptions {
  /** The default depth of the undo history: 100 steps. */
  public static final int DEFAULT_HISTORY = 100;
  /** The default size of a journal segment file: 64 MiB. */
  public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;
  /** The smallest segment size: 64 KiB. */
  public static final long MIN_SEGMENT_SIZE = 64L << 10;
  /** The largest segment size: 1 GiB. */
  public static final long MAX_SEGMENT_SIZE = 1L << 30;
  /** How often an {@link Durability#ASYNC} journal is forced to the device by default: 200 ms. */
  public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMillis(200);

  private static final CommandOptions DEFAULTS = new Builder().build();

  private final Path journal;
  private final Durability durability;
  private final int history;
  private final long segmentSize;
  private final Duration syncInterval;
  private final String name;
  private final int capacity;
  private final OverflowPolicy overflowPolicy;

  private CommandOptions(Builder builder) {
    this.journal = builder.journal;
    this.durability = builder.durability;
    this.history = builder.history;
    this.segmentSize = builder.segmentSize;
    this.syncInterval = builder.syncInterval;
    this.name = builder.name;
    this.capacity = builder.capacity;
    this.overflowPolicy = builder.overflowPolicy;
  }

  /**
   * In memory, with no journal: commands are queued and run in order, and undo, redo and macros
   * work, but nothing survives the process.
   */
  public static CommandOptions defaults() {
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

  /** The journal directory, if the commands are journaled. */
  public Optional<Path> journal() {
    return Optional.ofNullable(journal);
  }

  /** When a command's future completes relative to its record reaching the disk. */
  public Durability durability() {
    return durability;
  }

  /** How many steps {@code undo()} can go back; older steps are forgotten. */
  public int history() {
    return history;
  }

  /** The size of each journal segment file, which is allocated in full when it is created. */
  public long segmentSize() {
    return segmentSize;
  }

  /** How often an {@link Durability#ASYNC} journal is forced to the device. */
  public Duration syncInterval() {
    return syncInterval;
  }

  /** The name given, if any; without one the processor is named after its receiver's type. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The options of the queue in front of the receiver, which runs on a dedicated thread. */
  public ActiveObjectOptions queue() {
    ActiveObjectOptions.Builder queue = ActiveObjectOptions.builder().capacity(capacity).overflowPolicy(overflowPolicy);
    if (name != null) {
      queue.name(name);
    }
    return queue.build();
  }

  @Override
  public String toString() {
    return "CommandOptions[" + (journal == null ? "in memory" : "journal=" + journal + ", durability=" + durability
        + ", segmentSize=" + segmentSize + (durability == Durability.ASYNC ? ", syncInterval=" + syncInterval : ""))
        + ", history=" + history + ", name=" + (name == null ? "(receiver type)" : name) + ", capacity=" + capacity
        + ", overflowPolicy=" + overflowPolicy + "]";
  }

  /** Builds {@link CommandOptions}; each setter checks its argument at once. */
  public static final class Builder {
    private Path journal;
    private Durability durability = Durability.SYNC;
    private int history = DEFAULT_HISTORY;
    private long segmentSize = DEFAULT_SEGMENT_SIZE;
    private Duration syncInterval = DEFAULT_SYNC_INTERVAL;
    private String name;
    private int capacity = ActiveObjectOptions.DEFAULT_CAPACITY;
    private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;

    private Builder() {}

    private Builder(CommandOptions options) {
      this.journal = options.journal;
      this.durability = options.durability;
      this.history = options.history;
      this.segmentSize = options.segmentSize;
      this.syncInterval = options.syncInterval;
      this.name = options.name;
      this.capacity = options.capacity;
      this.overflowPolicy = options.overflowPolicy;
    }

    /**
     * Journal the commands in {@code directory}, which is created if missing and which no other
     * processor, in this process or another, may use at the same time.
     */
    public Builder journal(Path directory) {
      this.journal = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Keep the commands in memory only, as by default. */
    public Builder inMemory() {
      this.journal = null;
      return this;
    }

    /** When futures complete relative to the disk: {@link Durability#SYNC} by default. */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability");
      return this;
    }

    /** How many steps {@code undo()} can go back, from 0 (no undo) to 1,000,000; 100 by default. */
    public Builder history(int steps) {
      if (steps < 0 || steps > 1_000_000) {
        throw new IllegalArgumentException("CommandOptions history = " + steps
            + " is out of range: give a number of undo steps from 0 to 1000000");
      }
      this.history = steps;
      return this;
    }

    /** The size of each journal segment, from 64 KiB to 1 GiB; 64 MiB by default. */
    public Builder segmentSize(long bytes) {
      if (bytes < MIN_SEGMENT_SIZE || bytes > MAX_SEGMENT_SIZE) {
        throw new IllegalArgumentException("CommandOptions segmentSize = " + bytes
            + " bytes is out of range: give a size from " + MIN_SEGMENT_SIZE + " to " + MAX_SEGMENT_SIZE + " bytes");
      }
      this.segmentSize = bytes;
      return this;
    }

    /** How often an {@link Durability#ASYNC} journal is forced to the device; 200 ms by default. */
    public Builder syncInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("CommandOptions syncInterval = " + interval
            + " is out of range: give a positive duration of at most 10 minutes");
      }
      this.syncInterval = interval;
      return this;
    }

    /** The name of the processor, used for its thread and in every message about it. */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("CommandOptions name must not be blank; give a name that"
            + " identifies the processor in thread dumps and messages, or leave it unset");
      }
      this.name = name;
      return this;
    }

    /** How many commands may wait in the queue; 65,536 by default. */
    public Builder capacity(int capacity) {
      ActiveObjectOptions.builder().capacity(capacity); // the same range and message
      this.capacity = capacity;
      return this;
    }

    /** What a call does when the queue is full: wait (the default) or fail. */
    public Builder overflowPolicy(OverflowPolicy overflowPolicy) {
      this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
      return this;
    }

    /** The options. */
    public CommandOptions build() {
      return new CommandOptions(this);
    }
  }
}

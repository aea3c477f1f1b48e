package io.github.posa4j.command.internal;

import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.JournalException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The write side of a journal directory: the lock, the segment records are appended to, rolling
 * to a new segment when one is full, syncing, snapshots, and, for {@link Durability#ASYNC}, the
 * background syncer. Only the processor's thread calls it, except {@link #close()} after the
 * processor stopped, and {@link #bytesWritten()} and {@link #durableRecords()}, which observers
 * may call from any thread.
 */
final class Journal<S> implements Closeable {
  private static final System.Logger LOG = System.getLogger(Journal.class.getName());

  /** A sync failed: the records written since the last good sync may or may not be on the device. */
  static final class SyncFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    SyncFailedException(IOException cause) {
      super("forcing the journal to the device failed: " + cause.getMessage(), cause);
    }
  }

  private final Path directory;
  private final CommandSchema<S> schema;
  private final CommandOptions options;
  private final DirectoryLock lock;
  private final Map<CommandType<?, ?>, Integer> indexes = new IdentityHashMap<>();
  private CommandType<?, ?> lastType;
  private int lastIndex;
  private final ScheduledExecutorService syncer;
  /** The next segment, allocated in the background. */
  private final SpareSegment spares;
  /** Names the background syncer's thread and the processor in sync reports. */
  private final String processorName;
  private volatile Segment current;
  private long nextRecord;
  /** Records appended since the current segment's last sync. */
  private long unsyncedRecords;
  /**
   * Bytes appended since the journal was opened, and {@code nextRecord} as the background syncer
   * reads it: the processor's thread writes them with release stores (plain stores on x86), other
   * threads read them with acquire loads.
   */
  private final AtomicLong bytesWritten = new AtomicLong();
  private final AtomicLong appendedRecords;
  /** The records known to be on the device: raised by each sync, foreground or background. */
  private final AtomicLong durableRecords;
  private volatile boolean backgroundFailing;

  private Journal(Path directory, CommandSchema<S> schema, CommandOptions options, DirectoryLock lock, Segment current,
      long nextRecord, String processorName) {
    this.directory = directory;
    this.schema = schema;
    this.options = options;
    this.lock = lock;
    this.current = current;
    this.nextRecord = nextRecord;
    this.processorName = processorName;
    this.spares = new SpareSegment(directory, options.segmentSize(), processorName);
    this.appendedRecords = new AtomicLong(nextRecord);
    this.durableRecords = new AtomicLong(nextRecord);
    int index = 0;
    for (CommandType<S, ?> type : schema.types().values()) {
      indexes.put(type, index++);
    }
    if (options.durability() == Durability.ASYNC) {
      syncer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, processorName + "-journal-sync");
        thread.setDaemon(true);
        return thread;
      });
      long interval = options.syncInterval().toNanos();
      syncer.scheduleWithFixedDelay(this::backgroundSync, interval, interval, TimeUnit.NANOSECONDS);
    } else {
      syncer = null;
    }
  }

  /** A journal opened and recovered: the journal, ready to append, and the state it rebuilt. */
  static final class Opened<S> {
    final Journal<S> journal;
    final Recovery.Recovered<S> recovered;

    Opened(Journal<S> journal, Recovery.Recovered<S> recovered) {
      this.journal = journal;
      this.recovered = recovered;
    }
  }

  /** Locks {@code directory}, recovers what it holds, and readies a segment for new records. */
  static <S> Opened<S> open(Path directory, CommandSchema<S> schema, Supplier<? extends S> initial,
      CommandOptions options, String processorName) {
    DirectoryLock lock;
    try {
      lock = DirectoryLock.acquire(directory);
    } catch (IOException e) {
      throw new JournalException("journal " + directory + " cannot be opened: " + e, e);
    }
    Segment segment = null;
    try {
      Recovery.Recovered<S> recovered = Recovery.recover(directory, schema, initial, options.history());
      segment = recovered.last;
      if (segment == null || !segment.header.matches(schema, options.history())) {
        if (segment != null) {
          segment.close();
        }
        segment = Segment.create(directory, SegmentHeader.of(schema, options.history(), recovered.nextRecord),
            options.segmentSize(), faults());
      }
      return new Opened<>(new Journal<>(directory, schema, options, lock, segment, recovered.nextRecord, processorName),
          recovered);
    } catch (IOException e) {
      closeQuietly(segment, e);
      closeQuietly(lock, e);
      throw new JournalException("journal " + directory + " cannot be opened: " + e, e);
    } catch (RuntimeException | Error e) {
      closeQuietly(segment, e);
      closeQuietly(lock, e);
      throw e;
    }
  }

  /** The index that records of {@code type} carry in this journal's segments. */
  int index(CommandType<?, ?> type) {
    // Most streams repeat one command: remember the last one rather than hash each time.
    if (type != lastType) {
      lastIndex = indexes.get(type);
      lastType = type;
    }
    return lastIndex;
  }

  /**
   * Makes room for a record of {@code bodyLength} bytes, rolling to a new segment if the current
   * one is full (after syncing it, so that segments become durable in order).
   *
   * @return whether it rolled, which synced every record before
   * @throws SyncFailedException if syncing the full segment failed
   * @throws IOException if the new segment could not be created (a full disk, say)
   */
  boolean reserve(int bodyLength) throws IOException {
    Segment segment = current;
    if (segment.fits(bodyLength)) {
      return false;
    }
    long largest = options.segmentSize() - segment.dataStart - JournalFiles.RECORD_HEADER;
    if (bodyLength > largest) {
      throw new JournalException("a journal record of " + bodyLength + " bytes does not fit in a segment of "
          + options.segmentSize() + " bytes (at most " + largest + " bytes each); raise CommandOptions segmentSize");
    }
    sync();
    current = newSegment();
    segment.close();
    return true;
  }

  /** A segment for the records from {@code nextRecord} on: the spare allocated meanwhile, if there is one. */
  private Segment newSegment() throws IOException {
    SegmentHeader header = SegmentHeader.of(schema, options.history(), nextRecord);
    Path spare = spares.take();
    return spare != null
        ? Segment.activate(spare, directory, header, options.segmentSize(), faults())
        : Segment.create(directory, header, options.segmentSize(), faults());
  }

  /** Appends a record whose body {@code body} holds; {@link #reserve} made room for it. */
  void append(CodecOutput body) {
    current.append(body.buffer(), body.size());
    nextRecord++;
    unsyncedRecords++;
    bytesWritten.setRelease(bytesWritten.getPlain() + JournalFiles.RECORD_HEADER + body.size());
    appendedRecords.setRelease(nextRecord);
  }

  /** Forces the records appended so far to the device, reported to the {@link CommandProbe}. */
  void sync() throws SyncFailedException {
    Segment segment = current;
    Object started = unsyncedRecords == 0 ? null : CommandProcessors.PROBE.syncStarts();
    long bytes = started == null ? 0 : segment.end() - segment.syncedOffset();
    try {
      segment.sync(faults());
    } catch (IOException e) {
      if (started != null) {
        CommandProcessors.PROBE.syncEnds(started, processorName, unsyncedRecords, bytes, true);
      }
      throw new SyncFailedException(e);
    }
    if (started != null) {
      CommandProcessors.PROBE.syncEnds(started, processorName, unsyncedRecords, bytes, false);
    }
    unsyncedRecords = 0;
    durableRecords.accumulateAndGet(nextRecord, Math::max);
  }

  /** Records appended since the last sync, which {@link #sync} would make durable. */
  long unsyncedRecords() {
    return unsyncedRecords;
  }

  /**
   * After a failed sync of a {@code SYNC} journal: takes back every record appended since the
   * last good one, so that the journal holds only what callers may have been told is durable.
   * Never for an {@code ASYNC} journal, whose records were acknowledged once written (and whose
   * background syncer moves the synced offset on its own).
   */
  void takeBackUnsynced() {
    Segment segment = current;
    nextRecord -= unsyncedRecords;
    unsyncedRecords = 0;
    appendedRecords.setRelease(nextRecord);
    segment.truncate(segment.syncedOffset());
  }

  /**
   * Writes a snapshot of {@code state} after every record so far, starts a new segment after it,
   * and deletes the segments and snapshots it makes unnecessary.
   */
  Path snapshot(ReceiverState<S> state) throws IOException {
    sync();
    Path snapshot = SnapshotFile.write(directory, nextRecord, schema, state, faults());
    Segment old = current;
    if (old.end() > old.dataStart) {
      current = newSegment();
      old.close();
    }
    deleteBefore(nextRecord, current.file);
    return snapshot;
  }

  private void deleteBefore(long record, Path keep) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        long segment = JournalFiles.segmentNumber(name);
        long snapshot = JournalFiles.snapshotNumber(name);
        if ((segment >= 0 && segment < record && !file.equals(keep)) || (snapshot >= 0 && snapshot < record)) {
          Files.delete(file);
        }
      }
    }
  }

  long nextRecord() {
    return nextRecord;
  }

  /** Bytes of the records appended since the journal was opened, headers included; from any thread. */
  long bytesWritten() {
    return bytesWritten.getAcquire();
  }

  /**
   * How many records are known to be on the device, counted from the journal's first: the number
   * of the first record that may not be yet. From any thread.
   */
  long durableRecords() {
    return durableRecords.get();
  }

  Path directory() {
    return directory;
  }

  private void backgroundSync() {
    // Read before the segment: every record counted is in it, or in an older one synced when it rolled.
    long appended = appendedRecords.getAcquire();
    Segment segment = current;
    try {
      if (segment.unsynced()) {
        segment.syncAll(faults());
      }
      durableRecords.accumulateAndGet(appended, Math::max);
      backgroundFailing = false;
    } catch (IOException | RuntimeException e) {
      if (!backgroundFailing) {
        backgroundFailing = true;
        LOG.log(System.Logger.Level.WARNING, "posa4j: journal " + directory + ": the background sync failed; the"
            + " records written since the last sync survive a process crash but not a power failure until a sync"
            + " succeeds. Trying again every " + options.syncInterval().toMillis() + " ms", e);
      }
    }
  }

  /** Syncs what is left, stops the syncer, closes the segment and releases the lock. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    spares.close();
    if (syncer != null) {
      syncer.shutdownNow();
      try {
        syncer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      current.sync(faults());
    } catch (IOException e) {
      failure = e;
    }
    try {
      current.close();
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    try {
      lock.close();
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw failure;
    }
  }

  static StorageFaults faults() {
    return StorageFaults.Installed.faults;
  }

  private static void closeQuietly(Closeable closeable, Throwable primary) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}

package io.github.posa4j.benchmarks.command;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.prevayler.Prevayler;
import org.prevayler.PrevaylerFactory;

/**
 * Durable commands from many producers, each waiting for its own acknowledgement: one operation
 * is one record made durable (forced to the device) and acknowledged to the thread that asked
 * for it. Mode {@code Throughput}, records per second summed over the {@code @Threads} (8 or 64)
 * producers, all sharing one journal ({@code Scope.Benchmark}) in a new directory on a real disk
 * (see {@link Journals}).
 *
 * <ul>
 *   <li>{@code baselineFsync}: the naive journal, an fsync per record: under one lock, write a
 *       64-byte record with {@code FileChannel.write} and {@code FileChannel.force(false)}. The
 *       file is allocated (written with zeros and forced) in the setup and written round, as the
 *       posa4j segments are, so that each force flushes data only, never a file size: the
 *       cheapest fsync per record this disk gives, a conservative baseline.
 *   <li>{@code posa4jSync}: {@code BalanceCommands.add(1).join()} on a processor with
 *       {@code journal(dir)} and {@code Durability.SYNC} (the defaults otherwise: 64 MiB segments,
 *       an undo history of 100). Group commit: the records of one turn of its queue share one
 *       sync, so the producers that submitted while a sync ran share the next one.
 *   <li>{@code prevayler}: Prevayler 2.6, {@code PrevaylerFactory.createPrevayler(system, dir)}:
 *       its defaults (journal disk sync on, Java serialization, transactions deep-copied),
 *       {@code prevayler.execute(new Add(1))}, which returns once the transaction is journaled,
 *       synced and executed.
 * </ul>
 *
 * <p>Each tear-down checks that the total is the number of operations, then closes the journal and
 * deletes its directory.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SyncJournalBenchmark {
  /** The size of a baseline record. */
  static final int RECORD = 64;
  /** The size of the baseline's file, written round. */
  static final long BASELINE_FILE = 64L << 20;

  @State(Scope.Benchmark)
  public static class Baseline {
    Path directory;
    FileChannel channel;
    final ByteBuffer record = ByteBuffer.allocateDirect(RECORD);
    long position;
    long records;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      directory = Journals.newDirectory("fsync-");
      channel = FileChannel.open(directory.resolve("records"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
      for (long at = 0; at < BASELINE_FILE; at += zeros.capacity()) {
        zeros.clear();
        while (zeros.hasRemaining()) {
          channel.write(zeros, at + zeros.position());
        }
      }
      channel.force(true);
    }

    /** Writes one record and forces it; one at a time. */
    synchronized long append() throws IOException {
      ByteBuffer buffer = record;
      buffer.clear();
      buffer.putLong(0, ++records);
      long at = position;
      while (buffer.hasRemaining()) {
        channel.write(buffer, at + buffer.position());
      }
      position = (at + RECORD) % BASELINE_FILE;
      channel.force(false);
      return records;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      channel.close();
      Journals.delete(directory);
    }
  }

  @State(Scope.Benchmark)
  public static class Posa4j {
    Path directory;
    BalanceCommands commands;
    final LongAdder added = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() {
      directory = Journals.newDirectory("sync-");
      commands = BalanceCommands.open(Balance::new,
          CommandOptions.builder().journal(directory).durability(Durability.SYNC).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Journals.check("posa4j SYNC", added.sum(), commands.total().join());
      commands.close();
      Journals.delete(directory);
    }
  }

  @State(Scope.Benchmark)
  public static class PrevaylerState {
    Path directory;
    Prevayler<PrevalentBalance> prevayler;
    final LongAdder added = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      directory = Journals.newDirectory("prevayler-");
      prevayler = PrevaylerFactory.createPrevayler(new PrevalentBalance(), directory.toString());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Journals.check("Prevayler", added.sum(), prevayler.prevalentSystem().total);
      prevayler.close();
      Journals.delete(directory);
    }
  }

  @Benchmark
  @Threads(8)
  public long baselineFsync8(Baseline state) throws IOException {
    return state.append();
  }

  @Benchmark
  @Threads(64)
  public long baselineFsync64(Baseline state) throws IOException {
    return state.append();
  }

  @Benchmark
  @Threads(8)
  public Long posa4jSync8(Posa4j state) {
    return addAndWait(state);
  }

  @Benchmark
  @Threads(64)
  public Long posa4jSync64(Posa4j state) {
    return addAndWait(state);
  }

  private static Long addAndWait(Posa4j state) {
    state.added.increment();
    return state.commands.add(1).join();
  }

  @Benchmark
  @Threads(8)
  public void prevayler8(PrevaylerState state) {
    state.added.increment();
    state.prevayler.execute(new PrevalentBalance.Add(1));
  }

  @Benchmark
  @Threads(64)
  public void prevayler64(PrevaylerState state) {
    state.added.increment();
    state.prevayler.execute(new PrevalentBalance.Add(1));
  }
}

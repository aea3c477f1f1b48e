package io.github.posa4j.benchmarks.command;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Commands from one producer with many in flight: each invocation submits {@value #BATCH}
 * {@code add(1)} commands without waiting, then joins the last, whose future completes after all
 * the others' (the commands run in order, and a future completes only once every record before
 * it is as durable as the mode promises). Mode {@code Throughput} with
 * {@code @OperationsPerInvocation(BATCH)}: the score is commands per second, end to end.
 *
 * <ul>
 *   <li>{@link #posa4jAsync}: a journal in a new directory on a real disk with
 *       {@code Durability.ASYNC}: a future completes once its record is in the mapped segment
 *       (the page cache), and a background thread forces the segment every 200 ms (the
 *       default). Rolling to a new 64 MiB segment (allocated and forced in full) happens on the
 *       processor's thread, inside the measurement.
 *   <li>{@link #posa4jInMemory}: the same processor with {@code CommandOptions.defaults()}: no
 *       journal, the same queue, undo history and futures.
 *   <li>{@link #posa4jSyncOneProducer}: {@code Durability.SYNC} with the same batches, for
 *       information: one producer with {@value #BATCH} commands in flight shares each sync among
 *       the commands queued while the previous one ran.
 *   <li>{@link #chronicleAppender}: for reference, Chronicle Queue's appender writing one
 *       {@code long} per excerpt ({@code writingDocument()}) to a queue in a new directory, in
 *       the benchmark thread: nothing runs on a receiver and nothing waits. Its open-source
 *       edition never forces its files to the device: what it writes survives a process crash
 *       (the page cache keeps it) but not a power failure, like posa4j's {@code ASYNC} between
 *       two background syncs.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AsyncJournalBenchmark {
  static final int BATCH = 1_000;

  /** A processor and the count of what was added to it; one producer. */
  @State(Scope.Thread)
  public abstract static class Processor {
    Path directory;
    BalanceCommands commands;
    long added;

    abstract CommandOptions options(Path directory);

    abstract String what();

    @Setup(Level.Trial)
    public void setUp() {
      directory = what().equals("in memory") ? null : Journals.newDirectory("batch-");
      commands = BalanceCommands.open(Balance::new, options(directory));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Journals.check("posa4j " + what(), added, commands.total().join());
      commands.close();
      Journals.delete(directory);
    }
  }

  public static class Async extends Processor {
    @Override
    CommandOptions options(Path directory) {
      return CommandOptions.builder().journal(directory).durability(Durability.ASYNC).build();
    }

    @Override
    String what() {
      return "ASYNC";
    }
  }

  public static class InMemory extends Processor {
    @Override
    CommandOptions options(Path directory) {
      return CommandOptions.defaults();
    }

    @Override
    String what() {
      return "in memory";
    }
  }

  public static class Sync extends Processor {
    @Override
    CommandOptions options(Path directory) {
      return CommandOptions.builder().journal(directory).durability(Durability.SYNC).build();
    }

    @Override
    String what() {
      return "SYNC";
    }
  }

  @State(Scope.Thread)
  public static class Chronicle {
    Path directory;
    ChronicleQueue queue;
    ExcerptAppender appender;
    long value;

    @Setup(Level.Trial)
    public void setUp() {
      directory = Journals.newDirectory("chronicle-");
      queue = ChronicleQueue.singleBuilder(directory).build();
      appender = queue.createAppender();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      appender.close();
      queue.close();
      Journals.delete(directory);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Long posa4jAsync(Async state) {
    return burst(state);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Long posa4jInMemory(InMemory state) {
    return burst(state);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Long posa4jSyncOneProducer(Sync state) {
    return burst(state);
  }

  /** {@value #BATCH} commands without waiting, then a wait for the last, which completes after the others. */
  private static Long burst(Processor state) {
    BalanceCommands commands = state.commands;
    for (int i = 1; i < BATCH; i++) {
      commands.add(1);
    }
    state.added += BATCH;
    return commands.add(1).join();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(jvmArgsAppend = {
      "-Dchronicle.analytics.disable=true",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED"})
  public long chronicleAppender(Chronicle state) {
    ExcerptAppender appender = state.appender;
    long value = state.value;
    for (int i = 0; i < BATCH; i++) {
      try (DocumentContext document = appender.writingDocument()) {
        document.wire().bytes().writeLong(++value);
      }
    }
    state.value = value;
    return value;
  }
}

package io.github.posa4j.benchmarks.command;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Recovery: the time to reopen a journal of {@value #COMMANDS} {@code add(1)} commands (no
 * snapshot), that is to lock the directory, open and check its segments, decode and run every
 * record on a fresh {@link Balance} (rebuilding the undo history of 100 steps as it goes), read
 * the total back through the queue (to check it) and close the processor. Mode
 * {@code SingleShotTime}: one reopen per iteration, milliseconds; commands per second is
 * {@value #COMMANDS} divided by it.
 *
 * <p>The journal is written once per trial, in the setup, by an {@code ASYNC} processor in
 * batches of 1,000 (then closed, which syncs it), in a new directory on a real disk. Its segments
 * are in the page cache when they are reopened: this is a warm reopen, not one after a reboot.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RecoveryBenchmark {
  static final int COMMANDS = 10_000_000;
  static final int BATCH = 1_000;

  Path directory;
  CommandOptions options;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    directory = Journals.newDirectory("recovery-");
    long started = System.nanoTime();
    try (BalanceCommands commands = BalanceCommands.open(Balance::new,
        CommandOptions.builder().journal(directory).durability(Durability.ASYNC).build())) {
      for (int done = 0; done < COMMANDS; done += BATCH) {
        for (int i = 1; i < BATCH; i++) {
          commands.add(1);
        }
        commands.add(1).join();
      }
    }
    long bytes;
    long files;
    try (Stream<Path> segments = Files.list(directory)) {
      long[] sum = new long[2];
      segments.forEach(file -> {
        sum[0] += file.toFile().length();
        sum[1]++;
      });
      bytes = sum[0];
      files = sum[1];
    }
    System.out.printf("wrote %,d commands in %,d ms: %d files, %,d bytes (segments allocated in full)%n", COMMANDS,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), files, bytes);
    options = CommandOptions.builder().journal(directory).build();
  }

  @Benchmark
  public long reopen() {
    try (BalanceCommands commands = BalanceCommands.open(Balance::new, options)) {
      long total = commands.total().join();
      Journals.check("recovered", COMMANDS, total);
      return total;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Journals.delete(directory);
  }
}

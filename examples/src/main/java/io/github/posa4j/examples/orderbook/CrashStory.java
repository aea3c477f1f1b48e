package io.github.posa4j.examples.orderbook;

import io.github.posa4j.annotation.CommandProcessor;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.examples.orderbook.OrderBook.OrderLine;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * The third part of the demo: durability under a real crash. An {@link OrderBookWriter} in a child
 * JVM places a stream of orders on a {@code SYNC} journal and acknowledges each one whose future
 * completed; after a few hundred acknowledgements this JVM kills it with SIGKILL ({@code kill -9}:
 * no shutdown hook, no {@code close()}, no last sync), reopens its journal, checks that every
 * acknowledged order is there exactly once and that the book is a prefix of what was sent, and
 * undoes the last order to show that the undo history survived too. Orders that were in flight
 * when it died may be there as well: they ran and reached the journal, but their acknowledgement
 * had not been printed yet; an unacknowledged order is unknown, never promised lost.
 *
 * <p>Every wait is bounded: the writer is killed after {@value #PATIENCE_SECONDS} s whatever
 * happens, and the journal is deleted afterwards.
 */
public final class CrashStory {
  /** The fewest acknowledgements after which the writer is killed. */
  public static final int FEWEST_ACKS = 200;

  /** The most acknowledgements after which the writer is killed. */
  public static final int MOST_ACKS = 400;

  private static final long PATIENCE_SECONDS = 30;

  private final PrintStream out;

  private CrashStory(PrintStream out) {
    this.out = out;
  }

  /** Tells the story on {@code out}, killing the writer after a random number of acknowledgements. */
  public static CrashReport run(PrintStream out) throws IOException, InterruptedException {
    return run(out, ThreadLocalRandom.current().nextInt(FEWEST_ACKS, MOST_ACKS + 1));
  }

  /**
   * Tells the story on {@code out}, killing the writer after {@code killAfter} acknowledgements.
   *
   * @throws IllegalStateException if the writer could not be run up to the kill, or its journal not reopened
   */
  public static CrashReport run(PrintStream out, int killAfter) throws IOException, InterruptedException {
    if (killAfter < 1 || killAfter >= OrderBookWriter.MAX_ORDERS) {
      throw new IllegalArgumentException("killAfter = " + killAfter + ": give a number from 1 to "
          + (OrderBookWriter.MAX_ORDERS - 1));
    }
    Path directory = JournalDirectory.create("posa4j-orderbook-crash");
    try {
      return new CrashStory(out).tell(directory, killAfter);
    } finally {
      JournalDirectory.delete(directory);
    }
  }

  private CrashReport tell(Path directory, int killAfter) throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath(), OrderBookWriter.class.getName(), directory.toString());
    out.println("   $ java -cp ... " + OrderBookWriter.class.getName() + " " + directory);
    Process writer = new ProcessBuilder(command).redirectErrorStream(true).start();
    AtomicBoolean outOfPatience = new AtomicBoolean();
    Thread watchdog = new Thread(() -> {
      try {
        if (!writer.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
          outOfPatience.set(true);
          writer.toHandle().destroyForcibly();
        }
      } catch (InterruptedException stopped) {
        // the story is over: the finally block below has killed the writer already
      }
    }, "order-book-writer-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    List<String> acknowledged = new ArrayList<>();
    int readAtKill = -1;
    int exitCode;
    try (BufferedReader lines = writer.inputReader(StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        read(line, acknowledged);
        if (acknowledged.size() == killAfter && readAtKill < 0) {
          readAtKill = killAfter;
          // SIGKILL, as kill -9 sends it. Through the handle: Process.destroyForcibly() would also close our
          // end of the pipe, and with it the acknowledgements the writer printed that we have not read yet.
          writer.toHandle().destroyForcibly();
        }
        // after the kill, the lines it wrote before it died are still in the pipe: read them to the end
      }
      if (!writer.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the writer " + writer.pid() + " was still running 10 s after its kill");
      }
      exitCode = writer.exitValue();
    } finally {
      writer.destroyForcibly();
      watchdog.interrupt();
    }
    if (readAtKill < 0) {
      throw new IllegalStateException("the writer " + (outOfPatience.get() ? "was killed after " + PATIENCE_SECONDS
          + " s, with only " : "exited with " + exitCode + " after ") + acknowledged.size() + " of the "
          + killAfter + " acknowledgements to wait for; its output is above");
    }
    int inPipe = acknowledged.size() - readAtKill;
    out.println("   after " + readAtKill + " acks: kill -9 " + writer.pid() + " (exit code " + exitCode
        + (exitCode == 128 + 9 ? ", SIGKILL" : "") + "); " + acknowledged.size() + " acknowledged in all"
        + (inPipe > 0 ? ", " + inPipe + " of them still in the pipe" : ""));
    return reopen(directory, readAtKill, exitCode, acknowledged, start);
  }

  private void read(String line, List<String> acknowledged) {
    if (line.startsWith(OrderBookWriter.ACK)) {
      acknowledged.add(line.substring(OrderBookWriter.ACK.length()));
    } else {
      out.println("   | " + line);
    }
  }

  private CrashReport reopen(Path directory, int killedAfter, int exitCode, List<String> acknowledged, long start) {
    CommandOptions options = OrderBookWriter.options(directory);
    try (OrderBookCommands book = OrderBookCommands.open(OrderBook::new, options)) {
      List<OrderLine> lines = answer(book.lines());
      List<String> ids = lines.stream().map(OrderLine::orderId).toList();
      Set<String> distinct = new LinkedHashSet<>(ids);
      List<String> missing = acknowledged.stream().filter(id -> !distinct.contains(id)).toList();
      int duplicates = ids.size() - distinct.size();
      boolean prefix = lines.equals(IntStream.rangeClosed(1, lines.size()).mapToObj(OrderBookWriter::line).toList());
      boolean everyAckOnce = new HashSet<>(acknowledged).size() == acknowledged.size();
      out.println("   reopened in this JVM: " + lines.size() + " orders"
          + (lines.isEmpty() ? "" : ", " + ids.get(0) + " to " + ids.get(ids.size() - 1))
          + (prefix ? ", as sent, in order, no gaps" : ", NOT the orders sent, in order")
          + (duplicates == 0 ? ", none twice" : ", " + duplicates + " TWICE") + "; "
          + (missing.isEmpty() && everyAckOnce ? "every acknowledged order is there"
              : missing.size() + " acknowledged orders are MISSING: " + missing));
      if (lines.size() > acknowledged.size()) {
        int inFlight = lines.size() - acknowledged.size();
        out.println("   " + (inFlight == 1 ? "the 1 order beyond the acknowledged ones was" : "the " + inFlight
            + " orders beyond the acknowledged ones were") + " in flight when it died: journaled, not yet acknowledged"
            + " (a retry would be refused: same id)");
      }
      boolean undone = false;
      if (!lines.isEmpty()) {
        String last = ids.get(ids.size() - 1);
        boolean didUndo = answer(book.undo());
        List<String> after = answer(book.lines()).stream().map(OrderLine::orderId).toList();
        undone = didUndo && after.equals(ids.subList(0, ids.size() - 1));
        out.println("   undo() after the restart -> " + didUndo + ": " + last + " withdrawn, " + after.size()
            + " orders left");
      }
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new CrashReport(killedAfter, exitCode, acknowledged.size(), lines.size(), missing, duplicates, prefix,
          undone, elapsedMillis);
    }
  }

  private static <T> T answer(CompletableFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the reopened order book failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the reopened order book did not answer in 10 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the reopened order book", e);
    }
  }

  /** The writer's class path: these classes, the runtime's and the annotations', wherever they are. */
  private static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : List.of(OrderBookWriter.class, CommandOptions.class, CommandProcessor.class)) {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      try {
        if (source == null) {
          throw new URISyntaxException(type.getName(), "no code source");
        }
        entries.add(Path.of(source.getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}

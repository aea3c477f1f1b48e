package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.JournalException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crashes real processors: a child JVM ({@link JournalCrashChild}) streams {@link Tally.Add}
 * commands {@code 1, 2, 3, ...} into a journal, acknowledges each as its future completes, and is
 * killed with {@code SIGKILL} at a random moment; in some rounds a second and third child go on
 * with the same journal and are killed too, some while they start and recover. The journal,
 * reopened in this JVM, must hold exactly the commands {@code 1..k} for some {@code k} from the
 * highest acknowledged to the highest sent, and must go on taking commands.
 *
 * <p>{@code -Dposa4j.crash.rounds=N} sets the rounds per durability (20 by default),
 * {@code -Dposa4j.crash.seed=S} replays the random choices (not the timing) of a failed run, and
 * {@code -Dposa4j.crash.verbose=true} prints every life. The child runs on this JVM's
 * {@code java.class.path}, which surefire sets to the test class path even when it starts the
 * test JVM from a manifest-only jar.
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // where a kill is SIGKILL and shows as exit status 128 + 9
class JournalCrashTest {
  private static final int ROUNDS = Integer.getInteger("posa4j.crash.rounds", 20);
  private static final long SEED = Long.getLong("posa4j.crash.seed", System.nanoTime());
  private static final boolean VERBOSE = Boolean.getBoolean("posa4j.crash.verbose");
  /** A bound on each round, from starting its first child to the last check. */
  private static final long ROUND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
  /** The commands a life may send: far more than a child runs before it is killed. */
  private static final long MAX_COMMANDS = 20_000_000;
  /** The kill comes at a random moment up to this long after the child is ready. */
  private static final int KILL_WINDOW_MILLIS = 400;
  /** Or, in one life of four, up to this long after the child starts, often while it recovers. */
  private static final int EARLY_KILL_WINDOW_MILLIS = 600;
  /** How many children a round kills, one after the other, on the same journal. */
  private static final int[] LIVES = {1, 1, 2, 3};
  /** Small segments in most rounds, so that segments roll (sync, create, rename) while the kill may come. */
  private static final long[] SEGMENT_SIZES = {CommandOptions.MIN_SEGMENT_SIZE, CommandOptions.MIN_SEGMENT_SIZE,
      CommandOptions.MIN_SEGMENT_SIZE << 3, CommandOptions.DEFAULT_SEGMENT_SIZE >> 4};
  /**
   * How many commands may be in flight, unacknowledged: unbounded in half the lives (a flood that
   * keeps the queue full), a few or one in the others, so that acknowledgements come often and the
   * kill lands close behind them.
   */
  private static final long[] WINDOWS = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 1, 32, 1024};
  /** A snapshot after every this many commands (0: none), so that kills land in snapshots too. */
  private static final long[] SNAPSHOT_EVERY = {0, 0, 0, 2_000, 20_000};
  private static final int SIGKILL_STATUS = 128 + 9;
  private static final String TORN = "cut off a torn record";
  private static final String UNFINISHED = "left unfinished by a crash";

  @TempDir
  Path temp;

  @ParameterizedTest
  @EnumSource(Durability.class)
  void everyAcknowledgedCommandSurvivesAKill(Durability durability) throws Exception {
    Random random = new Random(SEED + durability.ordinal());
    Totals totals = new Totals();
    long started = System.nanoTime();
    for (int number = 1; number <= ROUNDS; number++) {
      Round round = new Round(durability, number, random.nextLong(), temp.resolve(durability + "-" + number));
      round.run();
      totals.add(round);
      deleteRecursively(round.directory);
    }
    System.out.println("posa4j crash " + durability + ": rounds=" + ROUNDS + " kills=" + totals.kills + " acknowledged="
        + totals.acknowledged + " recovered=" + totals.recovered + " sent=" + totals.sent + " tornTailsCut="
        + totals.torn + " unfinishedFilesDeleted=" + totals.unfinished + " segments=" + totals.segments
        + " killedBeforeReady=" + totals.beforeReady + " seconds=" + (System.nanoTime() - started) / 100_000_000 / 10.0
        + " seed=" + SEED);
  }

  /**
   * Recovery erases a torn record from its last byte to its first, so that a process killed part
   * way through leaves, whatever byte it stopped at, a torn record again, which the next recovery
   * cuts off in turn. Erasing from the first byte could leave a length of 0 with the rest of the
   * record after it, a state recovery refuses as corruption (shown last).
   */
  @Test
  void aKillWhileRecoveryErasesATornRecordLeavesATornRecord() throws IOException {
    CommandOptions options = CommandOptions.builder().journal(temp.resolve("erase")).durability(Durability.SYNC)
        .segmentSize(CommandOptions.MIN_SEGMENT_SIZE).build();
    CommandRunner<Tally> tally = Tally.open(options);
    for (long n = 1; n <= 10; n++) {
      tally.submit(new Tally.Add(n));
    }
    tally.close();
    Path segment;
    try (Stream<Path> files = Files.list(temp.resolve("erase"))) {
      segment = files.filter(file -> JournalFiles.segmentNumber(file.getFileName().toString()) >= 0).findFirst().get();
    }
    int end = CommandJournalTest.endOfRecords(segment);
    int start = end - 18; // the last record: length, CRC32C, kind, command index, long
    CommandJournalTest.zero(segment, end - 9, 9); // torn: a kill while it was written
    byte[] torn = Files.readAllBytes(segment);
    List<Long> nine = LongStream.rangeClosed(1, 9).boxed().collect(Collectors.toList());
    for (int stop = end; stop >= start; stop--) {
      Files.write(segment, torn);
      CommandJournalTest.zero(segment, stop, end - stop); // erased from the end down to stop, then killed
      List<Long> log = logOf(options);
      if (!nine.equals(log)) {
        fail("erased down to offset " + stop + " of the torn record at " + start + ": recovered " + log);
      }
    }

    Files.write(segment, torn);
    CommandJournalTest.zero(segment, start, 4); // what erasing from the first byte could leave
    // a length of 0 followed by the rest of a record, and no good record after it: still a torn write
    assertEquals(nine, logOf(options));
  }

  private static List<Long> logOf(CommandOptions options) {
    List<List<Long>> log = new ArrayList<>();
    recoveryWarnings(() -> {
      CommandRunner<Tally> reopened = Tally.open(options);
      try {
        log.add(reopened.submit(new Tally.Log()).join());
      } finally {
        reopened.close();
      }
    });
    return log.get(0);
  }

  /** What the rounds of one durability add up to. */
  private static final class Totals {
    int kills;
    long acknowledged;
    long recovered;
    long sent;
    int torn;
    int unfinished;
    long segments;
    int beforeReady;

    void add(Round round) {
      for (Life life : round.lives) {
        kills += life.finished ? 0 : 1;
        acknowledged += life.acknowledged();
        sent += life.sent();
        torn += life.count(TORN);
        unfinished += life.count(UNFINISHED);
        beforeReady += life.recovered < 0 ? 1 : 0;
      }
      recovered += round.recovered;
      torn += round.torn;
      unfinished += round.unfinished;
      segments += round.segmentsSeen.size();
    }
  }

  /** One journal directory, the children killed on it one after the other, and the checks of what it holds. */
  private static final class Round {
    final Durability durability;
    final int number;
    final long seed;
    final Random random;
    final Path directory;
    final long segmentSize;
    final long deadline = System.nanoTime() + ROUND_TIMEOUT_NANOS;
    final List<Life> lives = new ArrayList<>();
    /** The highest command any child acknowledged, and the highest sent to any. */
    long highestAcknowledged;
    long highestSent;
    long recovered;
    int torn;
    int unfinished;
    /** The segment files seen after each kill: those rolled to, but for some a snapshot made unnecessary at once. */
    final Set<String> segmentsSeen = new HashSet<>();

    Round(Durability durability, int number, long seed, Path directory) {
      this.durability = durability;
      this.number = number;
      this.seed = seed;
      this.random = new Random(seed);
      this.directory = directory;
      this.segmentSize = SEGMENT_SIZES[random.nextInt(SEGMENT_SIZES.length)];
    }

    void run() throws Exception {
      Files.createDirectories(directory);
      int count = LIVES[random.nextInt(LIVES.length)];
      for (int i = 1; i <= count; i++) {
        Life life = new Life(this, i);
        lives.add(life);
        life.run();
        highestAcknowledged = Math.max(highestAcknowledged, life.highestAcknowledged);
        highestSent = Math.max(highestSent, life.highestSent);
        segments().forEach(segment -> segmentsSeen.add(segment.getFileName().toString()));
        if (VERBOSE) {
          System.out.println(describe(life, "acknowledged " + life.acknowledged() + ", torn " + life.count(TORN)
              + ", unfinished " + life.count(UNFINISHED) + ", segments " + segments().size()));
        }
      }
      checkRecovery();
    }

    /** Reopens the journal here, checks it holds 1..k, adds 100 commands, and reopens it again to see them. */
    private void checkRecovery() throws IOException {
      CommandOptions options =
          CommandOptions.builder().journal(directory).durability(durability).segmentSize(segmentSize).build();
      String listing = listing();
      List<List<Long>> logs = new ArrayList<>();
      List<String> warnings;
      try {
        warnings = recoveryWarnings(() -> {
          CommandRunner<Tally> reopened = Tally.open(options);
          try {
            logs.add(await(reopened.submit(new Tally.Log())));
            CompletableFuture<Long> last = null;
            for (long n = logs.get(0).size() + 1; n <= logs.get(0).size() + 100; n++) {
              last = reopened.submit(new Tally.Add(n));
            }
            await(last);
          } finally {
            reopened.close();
          }
        });
      } catch (RuntimeException e) {
        throw new AssertionError(describe(null, "the journal cannot be reopened after the kill: " + e + "\n" + listing),
            e);
      }
      torn = (int) warnings.stream().filter(warning -> warning.contains(TORN)).count();
      unfinished = (int) warnings.stream().filter(warning -> warning.contains(UNFINISHED)).count();
      List<Long> log = logs.get(0);
      recovered = log.size();
      for (int i = 0; i < log.size(); i++) {
        if (log.get(i) != i + 1) {
          fail(describe(null, "the recovered log is not 1.." + log.size() + ": at index " + i + " it holds "
              + log.get(i) + " (around it: " + log.subList(Math.max(0, i - 3), Math.min(log.size(), i + 4)) + ")\n"
              + listing + "warnings: " + warnings));
        }
      }
      if (recovered < highestAcknowledged) {
        fail(describe(null, "acknowledged commands were lost: recovered 1.." + recovered + "\n" + listing
            + "warnings: " + warnings));
      }
      if (recovered > highestSent) {
        fail(describe(null, "recovered 1.." + recovered + ", more than was sent\n" + listing));
      }

      List<Long> again;
      try {
        CommandRunner<Tally> reopened = Tally.open(options);
        try {
          again = await(reopened.submit(new Tally.Log()));
        } finally {
          reopened.close();
        }
      } catch (RuntimeException e) {
        throw new AssertionError(describe(null, "the journal cannot be reopened a second time: " + e + "\n"
            + listing()), e);
      }
      if (!again.equals(LongStream.rangeClosed(1, recovered + 100).boxed().collect(Collectors.toList()))) {
        fail(describe(null, "after 100 more commands, the second reopen does not see 1.." + (recovered + 100) + " but "
            + again.size() + " commands ending " + again.subList(Math.max(0, again.size() - 5), again.size()) + "\n"
            + listing()));
      }
    }

    /** The value of {@code future}, which must come within the round's time. */
    private <T> T await(CompletableFuture<T> future) {
      try {
        return future.get(remainingNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(describe(null, "the reopened processor did not answer in time"), e);
      } catch (ExecutionException e) {
        throw new CompletionException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(describe(null, "interrupted"), e);
      }
    }

    long remainingNanos() {
      return Math.max(0, deadline - System.nanoTime());
    }

    long remainingMillis() {
      return Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos()));
    }

    String describe(Life life, String problem) {
      StringBuilder text = new StringBuilder().append(durability).append(" round ").append(number);
      if (life != null) {
        text.append(" life ").append(life.number);
      }
      text.append(" (replay with -Dposa4j.crash.seed=").append(SEED).append("; round seed ").append(seed)
          .append(", segment size ").append(segmentSize);
      for (Life each : lives) {
        text.append("; life ").append(each.number).append(": window ")
            .append(each.window == Long.MAX_VALUE ? "unbounded" : Long.toString(each.window))
            .append(each.snapshotEvery == 0 ? "" : ", snapshot every " + each.snapshotEvery).append(", kill ")
            .append(each.killAfterMillis).append(each.early ? " ms after start" : " ms after ready")
            .append(", recovered ")
            .append(each.recovered < 0 ? "(not ready)" : Long.toString(each.recovered)).append(", sent up to ")
            .append(each.highestSent).append(", acknowledged up to ").append(each.highestAcknowledged);
      }
      text.append("; journal ").append(directory).append("): ").append(problem);
      for (Life each : lives) {
        String errors = each.stderr();
        if (!errors.isBlank() && (life == null || each == life)) {
          text.append("\nstderr of life ").append(each.number).append(":\n").append(errors);
        }
      }
      return text.toString();
    }

    List<Path> segments() throws IOException {
      try (Stream<Path> files = Files.list(directory)) {
        return files.filter(file -> JournalFiles.segmentNumber(file.getFileName().toString()) >= 0).sorted()
            .collect(Collectors.toList());
      }
    }

    String listing() throws IOException {
      StringBuilder listing = new StringBuilder("journal directory " + directory + ":\n");
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.sorted().collect(Collectors.toList())) {
          listing.append("  ").append(file.getFileName()).append(' ').append(Files.size(file)).append(" bytes");
          if (JournalFiles.segmentNumber(file.getFileName().toString()) >= 0) {
            listing.append(", records end at ").append(endOfRecords(file));
          }
          listing.append('\n');
        }
      }
      return listing.toString();
    }
  }

  /** One child: started on the round's journal, fed, killed. */
  private static final class Life {
    final Round round;
    final int number;
    final boolean early;
    final int killAfterMillis;
    final long window;
    final long snapshotEvery;
    final Path stderrFile;
    final CountDownLatch ready = new CountDownLatch(1);
    final List<String> anomalies = new ArrayList<>();
    /** Guards the flow of a limited window: the writer waits on it for acknowledgements. */
    final Object flow = new Object();
    /** The k of the child's {@code ready k}: it recovered 1..k; -1 until then. */
    volatile long recovered = -1;
    volatile long highestSent;
    volatile long highestAcknowledged;
    volatile boolean finished;
    volatile boolean readerDone;
    volatile IOException readFailure;
    Process child;

    Life(Round round, int number) {
      this.round = round;
      this.number = number;
      this.early = round.random.nextInt(4) == 0;
      this.killAfterMillis = round.random.nextInt(early ? EARLY_KILL_WINDOW_MILLIS : KILL_WINDOW_MILLIS);
      this.window = WINDOWS[round.random.nextInt(WINDOWS.length)];
      this.snapshotEvery = SNAPSHOT_EVERY[round.random.nextInt(SNAPSHOT_EVERY.length)];
      this.stderrFile = round.directory.resolveSibling(round.directory.getFileName() + "-" + number + ".stderr");
    }

    void run() throws Exception {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xshare:auto", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
          "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
          round.directory.toString(), round.durability.name(), Long.toString(round.segmentSize),
          Long.toString(snapshotEvery));
      long started = System.nanoTime();
      child = new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
      try {
        Thread reader = thread("reader", this::readAcknowledgements);
        Thread writer = null;
        if (early) {
          // the kill's moment counts from the start; if the child gets ready before it, it is fed until then
          if (ready.await(killAfterMillis, TimeUnit.MILLISECONDS) && recovered >= 0) {
            writer = thread("writer", this::sendCommands);
            long left = TimeUnit.MILLISECONDS.toNanos(killAfterMillis) - (System.nanoTime() - started);
            if (left > 0) {
              TimeUnit.NANOSECONDS.sleep(left); // the rest of the random delay
            }
          }
        } else {
          if (!ready.await(round.remainingNanos(), TimeUnit.NANOSECONDS)) {
            fail(round.describe(this, "the child was not ready in time"));
          }
          if (recovered < 0) {
            fail(round.describe(this, "the child died or failed before it was ready: " + anomalies));
          }
          writer = thread("writer", this::sendCommands);
          Thread.sleep(killAfterMillis); // the random moment of the crash: the only sleep
        }
        // SIGKILL through the handle: Process.destroyForcibly() would also close this end of the
        // pipes, losing the acknowledgements still in them; the exit status below shows the signal
        child.toHandle().destroyForcibly();
        if (!child.waitFor(round.remainingNanos(), TimeUnit.NANOSECONDS)) {
          fail(round.describe(this, "the child did not die"));
        }
        reader.join(round.remainingMillis());
        if (writer != null) {
          writer.join(round.remainingMillis());
        }
        if (reader.isAlive() || (writer != null && writer.isAlive())) {
          fail(round.describe(this, "the child's pipes did not close"));
        }
        int status = child.exitValue();
        if (finished ? status != 0 : status != SIGKILL_STATUS) {
          fail(round.describe(this, "the child exited with status " + status + ", not "
              + (finished ? 0 : SIGKILL_STATUS)));
        }
        if (readFailure != null) {
          fail(round.describe(this, "reading the acknowledgements failed: " + readFailure));
        }
        if (!anomalies.isEmpty()) {
          fail(round.describe(this, "the child's answers went wrong: " + anomalies));
        }
      } finally {
        if (child.isAlive()) {
          child.toHandle().destroyForcibly();
        }
      }
    }

    /** Streams recovered+1, recovered+2, ..., a line each, until the child dies or takes them all. */
    private void sendCommands() {
      byte[] chunk = new byte[1 << 14];
      try (OutputStream in = child.getOutputStream()) {
        long n = recovered + 1;
        while (n <= MAX_COMMANDS) {
          long upTo = Math.min(MAX_COMMANDS, awaitRoom(n));
          if (upTo < n) {
            return; // the child died, or the round ran out of time
          }
          int length = 0;
          while (n <= upTo && length + 21 <= chunk.length) {
            length = line(chunk, length, n++);
          }
          highestSent = n - 1; // before the write: the child may read part of a chunk before it returns
          in.write(chunk, 0, length);
          in.flush();
        }
      } catch (IOException e) {
        // the child died: what it read is all it got
      }
    }

    /** The highest command the window lets through once {@code next} may be sent; below it when the reader stopped. */
    private long awaitRoom(long next) {
      if (window == Long.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
      synchronized (flow) {
        while (next - highestAcknowledged > window) {
          if (readerDone || round.remainingNanos() == 0) {
            return next - 1;
          }
          try {
            flow.wait(round.remainingMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return next - 1;
          }
        }
        return highestAcknowledged + window;
      }
    }

    private static int line(byte[] chunk, int at, long n) {
      String digits = Long.toString(n);
      for (int i = 0; i < digits.length(); i++) {
        chunk[at++] = (byte) digits.charAt(i);
      }
      chunk[at++] = '\n';
      return at;
    }

    /**
     * The next line ended by a newline, or {@code null} at the end: a line the kill cut short (the
     * child's buffer may be flushed in the middle of one) was never written whole, so it is no
     * acknowledgement.
     */
    private static String completeLine(BufferedReader in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1; c = in.read()) {
        if (c == '\n') {
          return line.toString();
        }
        line.append((char) c);
      }
      return null;
    }

    /** Reads the child's lines: {@code ready k}, then each acknowledged number, in order, then maybe {@code done}. */
    private void readAcknowledgements() {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.US_ASCII))) {
        long expected = -1;
        for (String line = completeLine(out); line != null; line = completeLine(out)) {
          if (line.startsWith("ready ")) {
            long k = Long.parseLong(line.substring("ready ".length()));
            if (k < round.highestAcknowledged || k > round.highestSent) {
              anomalies.add("the child recovered 1.." + k + ", but earlier children acknowledged up to "
                  + round.highestAcknowledged + " and were sent up to " + round.highestSent);
            }
            highestSent = k;
            highestAcknowledged = k;
            expected = k + 1;
            recovered = k;
            ready.countDown();
          } else if (line.equals("done")) {
            finished = true;
          } else if (expected > 0 && !line.isEmpty() && Character.isDigit(line.charAt(0))) {
            long n = Long.parseLong(line);
            if (n != expected && anomalies.size() < 10) {
              anomalies.add("acknowledged " + n + " where " + expected + " was next");
            }
            expected = n + 1;
            if (n > highestAcknowledged) {
              synchronized (flow) {
                highestAcknowledged = n;
                flow.notifyAll();
              }
            }
          } else if (anomalies.size() < 10) {
            anomalies.add(line);
          }
        }
      } catch (IOException e) {
        readFailure = e;
      } finally {
        synchronized (flow) {
          readerDone = true;
          flow.notifyAll();
        }
        ready.countDown();
      }
    }

    long acknowledged() {
      return recovered < 0 ? 0 : highestAcknowledged - recovered;
    }

    long sent() {
      return recovered < 0 ? 0 : highestSent - recovered;
    }

    /** How often the child's recovery logged {@code warning}. */
    int count(String warning) {
      String errors = stderr();
      int count = 0;
      for (int at = errors.indexOf(warning); at >= 0; at = errors.indexOf(warning, at + 1)) {
        count++;
      }
      return count;
    }

    String stderr() {
      try {
        return Files.exists(stderrFile) ? Files.readString(stderrFile) : "";
      } catch (IOException e) {
        return e.toString();
      }
    }

    private Thread thread(String name, Runnable task) {
      Thread thread = new Thread(task, "crash-" + round.durability + "-" + round.number + "-" + number + "-" + name);
      thread.setDaemon(true);
      thread.start();
      return thread;
    }
  }

  /** The messages {@link Recovery} logs while {@code action} runs, kept off the console. */
  private static List<String> recoveryWarnings(Runnable action) {
    Logger logger = Logger.getLogger(Recovery.class.getName());
    boolean parents = logger.getUseParentHandlers();
    logger.setUseParentHandlers(false);
    try {
      return CommandJournalTest.captureWarnings(action);
    } finally {
      logger.setUseParentHandlers(parents);
    }
  }

  /** Where the records of {@code segment} end by their lengths alone (no CRC check), or what stops the walk. */
  private static String endOfRecords(Path segment) {
    try {
      byte[] bytes = Files.readAllBytes(segment);
      ByteBuffer contents = ByteBuffer.wrap(bytes);
      int position = 12 + contents.getInt(8) + 4;
      int records = 0;
      while (position + 8 <= bytes.length) {
        int length = contents.getInt(position);
        if (length == 0) {
          return position + " after " + records + " records";
        }
        if (length < 0 || length > bytes.length - position - 8) {
          return position + " after " + records + " records, where a length of " + length + " stands";
        }
        position += 8 + length;
        records++;
      }
      return position + " after " + records + " records (the segment is full)";
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}

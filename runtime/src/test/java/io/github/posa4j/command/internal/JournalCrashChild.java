package io.github.posa4j.command.internal;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The process {@link JournalCrashTest} kills: opens a {@link Tally} processor on the journal
 * directory of its first argument with the durability of its second and the segment size (bytes)
 * of its third (taking a snapshot after every command whose number its fourth divides, unless
 * that is 0), prints {@code ready k} when it recovered the commands {@code 1..k} (an empty or a
 * new journal: {@code ready 0}), then reads command numbers from stdin, one a line, and
 * submits {@code new Tally.Add(n)} for each without waiting for it. Each completed future is
 * acknowledged by a line {@code n} on stdout (a failed one by {@code failed n <exception>}),
 * written and flushed by a thread of its own as soon as it completes, so acknowledgements stream
 * while commands are in flight. At the end of stdin it waits for every command, closes the
 * processor and prints {@code done}.
 */
final class JournalCrashChild {
  /** Tells the writer to stop; compared by identity, so no acknowledgement can be taken for it. */
  private static final String END = new String("end");

  private JournalCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    Durability durability = Durability.valueOf(args[1]);
    long segmentSize = Long.parseLong(args[2]);
    long snapshotEvery = Long.parseLong(args[3]);
    CommandRunner<Tally> tally = Tally.open(
        CommandOptions.builder().journal(directory).durability(durability).segmentSize(segmentSize).build());

    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.US_ASCII);
    BlockingQueue<String> acks = new LinkedBlockingQueue<>();
    Thread writer = new Thread(() -> writeAcks(acks, out), "acks");
    writer.start();
    List<Long> log = tally.submit(new Tally.Log()).join();
    int gap = 0;
    while (gap < log.size() && log.get(gap) == gap + 1) {
      gap++;
    }
    acks.add(gap == log.size() ? "ready " + log.size() : "failed: recovered a log that is not 1.." + log.size()
        + ": at index " + gap + " it holds " + log.get(gap));

    CompletableFuture<?> last = CompletableFuture.completedFuture(null);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        long n = Long.parseLong(line);
        last = tally.submit(new Tally.Add(n)).whenComplete((total, failure) ->
            acks.add(failure == null ? Long.toString(n) : "failed " + n + " " + failure));
        if (snapshotEvery > 0 && n % snapshotEvery == 0) {
          tally.snapshot().whenComplete((done, failure) -> {
            if (failure != null) {
              acks.add("failed snapshot after " + n + " " + failure);
            }
          });
        }
      }
    }
    last.handle((total, failure) -> null).join(); // the futures complete in order
    tally.close();
    acks.add("done");
    acks.add(END);
    writer.join();
  }

  /** Writes the lines queued, flushing whenever the queue runs dry, until {@link #END}. */
  private static void writeAcks(BlockingQueue<String> acks, PrintStream out) {
    List<String> lines = new ArrayList<>();
    try {
      for (;;) {
        lines.add(acks.take());
        acks.drainTo(lines);
        for (String line : lines) {
          if (line == END) {
            out.flush();
            return;
          }
          out.print(line);
          out.print('\n');
        }
        lines.clear();
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

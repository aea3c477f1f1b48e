package io.github.posa4j.command.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The next segment file, allocated in the background while the journal fills the current one, so
 * that moving to a new segment costs the processor's thread a header, a rename and a directory
 * sync instead of writing the whole file. If the spare is not ready when it is needed, the journal
 * waits for it; if allocating it failed (a full disk), the journal allocates one itself, which
 * fails the command that needed it with the {@code IOException}.
 */
final class SpareSegment implements AutoCloseable {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Path directory;
  private final long size;
  private final ExecutorService allocator;
  private CompletableFuture<Path> next;

  SpareSegment(Path directory, long size, String processorName) {
    this.directory = directory;
    this.size = size;
    this.allocator = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, processorName + "-journal-allocator");
      thread.setDaemon(true);
      return thread;
    });
    prepare();
  }

  /** Starts allocating the next spare. */
  private void prepare() {
    Path file = directory.resolve("spare-" + SEQUENCE.incrementAndGet() + JournalFiles.TEMPORARY_SUFFIX);
    next = CompletableFuture.supplyAsync(() -> {
      try {
        return Segment.allocate(file, size);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, allocator);
  }

  /**
   * The allocated spare, waiting for it if need be, and starts allocating the one after it; or
   * {@code null} if allocating it failed, the caller then allocating one itself.
   */
  Path take() {
    CompletableFuture<Path> taken = next;
    prepare();
    try {
      return taken.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Stops allocating and deletes the spare not taken. */
  @Override
  public void close() {
    allocator.shutdownNow();
    try {
      allocator.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    next.thenAccept(file -> {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover .tmp file, which the next recovery deletes
      }
    });
  }
}

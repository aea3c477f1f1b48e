package io.github.posa4j.benchmarks.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the journal benchmarks write: a new directory under {@code benchmarks/target/journals}
 * (relative to the working directory, the repository root when run as BENCHMARKS.md shows), or
 * under the directory named by the environment variable {@code POSA4J_JOURNALS}, which the JMH
 * forks inherit. The directory must be on a real disk: a {@code tmpfs} (or {@code ramfs}) would
 * make every sync free, so it is refused. Each trial removes its directory in its tear-down.
 */
final class Journals {
  private Journals() {}

  /** A new, empty directory on a real disk; prints which file system holds it. */
  static Path newDirectory(String prefix) {
    String configured = System.getenv("POSA4J_JOURNALS");
    Path parent = Path.of(configured != null && !configured.isBlank() ? configured : "benchmarks/target/journals")
        .toAbsolutePath();
    try {
      Files.createDirectories(parent);
      FileStore store = Files.getFileStore(parent);
      if (store.type().equals("tmpfs") || store.type().equals("ramfs")) {
        throw new IllegalStateException(parent + " is on a " + store.type() + ", where a sync costs nothing;"
            + " set POSA4J_JOURNALS to a directory on a real disk");
      }
      Path directory = Files.createTempDirectory(parent, prefix);
      System.out.println("journal directory " + directory + " on " + store.name() + " (" + store.type() + ")");
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code directory} and everything in it. */
  static void delete(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails the trial if the receiver does not hold what was submitted. */
  static void check(String what, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(what + ": " + expected + " added, but the total is " + actual);
    }
  }
}

package io.github.posa4j.examples.orderbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary journal directories for the demos, deleted with what is in them once the demo is done. */
final class JournalDirectory {
  private JournalDirectory() {}

  /** A new, empty directory under {@code java.io.tmpdir}. */
  static Path create(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }

  /** Deletes {@code directory} and everything in it; a demo's clean-up, so a failure is only ignored. */
  static void delete(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // a temporary directory left behind is no reason to fail a demo
    }
  }
}

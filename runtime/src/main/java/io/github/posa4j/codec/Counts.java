package io.github.posa4j.codec;

import java.util.ConcurrentModificationException;

/** Checks on the counts in front of collections. */
final class Counts {
  private Counts() {}

  /**
   * Checks that as many elements were written as the count in front of them says; a collection
   * changed while it was written would otherwise leave bytes that read back as something else.
   */
  static void check(int count, int written, Codec<?> codec) {
    if (written != count) {
      throw new ConcurrentModificationException("the collection changed while " + codec + " wrote it: " + count
          + " elements counted, " + written + " written");
    }
  }

  /** The initial capacity of a hash set or map for {@code count} entries, so that it never rehashes. */
  static int hashCapacity(int count) {
    return (int) Math.min(count / 0.75 + 1, 1 << 30);
  }
}

package io.github.posa4j.benchmarks.leader;

/** Prints a member's leaderships as they begin and end, from what it sees every millisecond. */
final class MemberLog {
  private long epoch;
  private long lastSeen;

  /** What the member sees at {@code now}: leading with {@code current}, or not leading (0). */
  void observe(long current, long now) {
    if (current != epoch) {
      if (epoch != 0) {
        System.out.println("END " + epoch + " " + lastSeen);
      }
      if (current != 0) {
        System.out.println("BEGIN " + current + " " + now);
      }
      epoch = current;
    }
    if (current != 0) {
      lastSeen = now;
    }
  }
}

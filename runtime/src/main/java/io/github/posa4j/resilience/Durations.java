package io.github.posa4j.resilience;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/** Converts MicroProfile-style amounts with a {@link ChronoUnit} into nanoseconds. */
final class Durations {
  private Durations() {}

  /**
   * The amount in nanoseconds, saturated at {@code Long.MAX_VALUE}. Estimated units (days and
   * longer) use their estimated duration, as {@link ChronoUnit#getDuration()} does.
   */
  static long toNanos(long amount, ChronoUnit unit) {
    if (amount <= 0) {
      return amount == 0 ? 0 : -1;
    }
    Duration unitDuration = unit.getDuration();
    try {
      return unitDuration.multipliedBy(amount).toNanos();
    } catch (ArithmeticException tooLarge) {
      return Long.MAX_VALUE;
    }
  }

  static String describe(long nanos) {
    if (nanos % 1_000_000 == 0) {
      return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
    }
    return nanos + " ns";
  }
}

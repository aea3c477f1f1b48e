package io.github.posa4j.leader;

import io.github.posa4j.resilience.internal.CallEpoch;

/**
 * The leadership a {@code @LeaderOnly} call runs under. Pass its {@link #epoch()} with every write
 * the call makes, to a store that refuses an epoch lower than the highest it has seen: then a
 * leader that was paused past its deadline (and replaced) cannot overwrite its successor's work.
 *
 * <pre>{@code
 * @LeaderOnly("billing")
 * public void chargeDueInvoices() {
 *   long epoch = Leadership.epoch();
 *   jdbc.update("UPDATE billing_run SET epoch = ?, last_run = now() WHERE id = 1 AND epoch <= ?", epoch, epoch);
 * }
 * }</pre>
 */
public final class Leadership {
  private Leadership() {}

  /**
   * The epoch of the leadership under which the {@code @LeaderOnly} call running on this thread
   * was admitted; the innermost one when such calls nest.
   *
   * @throws IllegalStateException outside a {@code @LeaderOnly} call
   */
  public static long epoch() {
    long epoch = CallEpoch.current();
    if (epoch == 0) {
      throw new IllegalStateException("Leadership.epoch() is only known inside a @LeaderOnly call, on its thread;"
          + " elsewhere use LeaderElection.epoch()");
    }
    return epoch;
  }
}

package io.github.posa4j.resilience.internal;

/**
 * The epoch of the {@code @LeaderOnly} call running on this thread, for
 * {@link io.github.posa4j.leader.Leadership#epoch()}: set when a call is admitted, and put back
 * to what it was (an outer call's epoch, or 0) when it returns. Internal: only the call protocol
 * sets it.
 */
public final class CallEpoch {
  /** A mutable cell per thread, so that entering and leaving a call allocates nothing. */
  private static final ThreadLocal<long[]> EPOCH = ThreadLocal.withInitial(() -> new long[1]);

  private CallEpoch() {}

  /** Sets this thread's epoch to {@code epoch} and returns the one it replaces, for {@link #restore}. */
  public static long enter(long epoch) {
    long[] cell = EPOCH.get();
    long outer = cell[0];
    cell[0] = epoch;
    return outer;
  }

  /** Puts back the epoch {@link #enter} returned. */
  public static void restore(long outer) {
    EPOCH.get()[0] = outer;
  }

  /** The epoch of the call running on this thread, or 0 outside any {@code @LeaderOnly} call. */
  public static long current() {
    return EPOCH.get()[0];
  }
}

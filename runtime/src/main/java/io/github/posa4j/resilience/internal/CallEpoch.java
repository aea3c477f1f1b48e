package io.github.posa4j.resilience.internal;

import java.util.Arrays;

/**
 * The epochs of the {@code @LeaderOnly} calls running on this thread, innermost on top, for
 * {@link io.github.posa4j.leader.Leadership#epoch()}. The call protocol enters a call's epoch when
 * it checks the call (0 for a refused call) and leaves it when the call ends; between the two,
 * code that knows nothing of the call (generated and woven code holds only a permit) runs, which
 * is why the outer epochs are kept here rather than by the caller. Internal: only the call
 * protocol enters and leaves.
 */
public final class CallEpoch {
  /** A stack per thread that grows only with deeper nesting, so that entering and leaving allocate nothing. */
  private static final ThreadLocal<CallEpoch> THREAD = ThreadLocal.withInitial(CallEpoch::new);

  private long[] epochs = new long[4];
  private int depth;

  private CallEpoch() {}

  /** Makes {@code epoch} this thread's epoch until the matching {@link #leave()}. */
  public static void enter(long epoch) {
    CallEpoch stack = THREAD.get();
    if (stack.depth == stack.epochs.length) {
      stack.epochs = Arrays.copyOf(stack.epochs, stack.depth * 2);
    }
    stack.epochs[stack.depth++] = epoch;
  }

  /** Ends the innermost call: the epoch of the call around it, if any, is this thread's again. */
  public static void leave() {
    CallEpoch stack = THREAD.get();
    if (stack.depth > 0) {
      stack.depth--;
    }
  }

  /** The epoch of the innermost call running on this thread, or 0 outside any (or in a refused one). */
  public static long current() {
    CallEpoch stack = THREAD.get();
    return stack.depth == 0 ? 0 : stack.epochs[stack.depth - 1];
  }
}

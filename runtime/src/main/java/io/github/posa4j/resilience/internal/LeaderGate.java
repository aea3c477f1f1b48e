package io.github.posa4j.resilience.internal;

/**
 * The check of {@code @LeaderOnly} as the call protocol sees it: one election, asked once per call.
 * Implemented by {@code io.github.posa4j.leader}, found through {@link LeaderGates}, so
 * that the call protocol does not depend on the elections' package.
 */
public interface LeaderGate {

  /** The election's name. */
  String election();

  /**
   * The epoch this process leads the election with now, or 0 when it does not lead. Reads local
   * state only (no I/O): the lease is renewed in the background.
   */
  long admit();

  /**
   * The exception that refuses a call of {@code method} when {@link #admit()} returned 0: one
   * small object, without a stack trace, its message made once per method and reason.
   */
  RuntimeException refusal(String method);
}

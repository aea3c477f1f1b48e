package io.github.posa4j.resilience.internal;

/**
 * Makes the {@link LeaderGate} of an election by name: a service the elections' package provides
 * ({@code META-INF/services/io.github.posa4j.resilience.internal.LeaderGates}), loaded once by the
 * call protocol.
 */
public interface LeaderGates {

  /** The gate of the election {@code election}; joining it may wait until the first check. */
  LeaderGate gate(String election);
}

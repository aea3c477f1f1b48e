package io.github.posa4j.resilience;

import io.github.posa4j.resilience.internal.LeaderGate;
import io.github.posa4j.resilience.internal.LeaderGates;
import java.util.ServiceLoader;

/**
 * The {@link LeaderGates} service, loaded once, on the first {@code @LeaderOnly} policy: the one
 * way from the call protocol to the elections, which keeps this package free of theirs.
 */
final class LeaderGateService {
  private LeaderGateService() {}

  /** The gate of {@code election}, for the policies of {@code method}. */
  static LeaderGate gate(String election, String method) {
    LeaderGates gates = Loaded.GATES;
    if (gates == null) {
      throw new IllegalStateException("LeaderOnly on " + method + ": no " + LeaderGates.class.getName()
          + " service is on the class path; posa4j-runtime provides one in META-INF/services");
    }
    return gates.gate(election);
  }

  /** Holds the service, loaded when first needed. */
  private static final class Loaded {
    static final LeaderGates GATES = ServiceLoader.load(LeaderGates.class, LeaderGates.class.getClassLoader())
        .findFirst().orElse(null);
  }
}

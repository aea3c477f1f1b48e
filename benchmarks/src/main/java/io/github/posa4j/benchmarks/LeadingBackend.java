package io.github.posa4j.benchmarks;

import io.github.posa4j.annotation.LeaderOnly;

/**
 * {@link Backend}'s call, run only on the leader of the election {@code benchmarks}: the processor
 * generates {@code ResilientLeadingBackend} from it, for {@link LeaderOnlyBenchmark}.
 */
public interface LeadingBackend {

  /** The protected call. */
  @LeaderOnly(LeaderOnlyBenchmark.ELECTION)
  Integer fetch();
}

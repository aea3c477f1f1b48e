package io.github.posa4j.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared scenarios through the processor's front end: {@code ResilientWarehouse}, generated
 * from {@link Warehouse}. {@code SharedScenariosIT} runs the same scenarios through the agent and
 * expects {@link #EXPECTED} too.
 */
class SharedScenariosTest {
  static final String WAREHOUSE = "io.github.posa4j.examples.scenarios.Warehouse";

  static final List<String> EXPECTED = List.of(
      "retry: returned restocked tea, runs 3",
      "retry exhausted: IOException(no courier for tea), runs 3",
      "abort on: IllegalArgumentException(nothing to ship), runs 1",
      "breaker: [IllegalStateException(scanner down), IllegalStateException(scanner down), "
          + "CircuitBreakerOpenException(circuit breaker of " + WAREHOUSE + "/count(java.lang.String) is open: call not permitted)], runs 4",
      "bulkhead: first returned packed box 1, second BulkheadFullException(bulkhead of " + WAREHOUSE
          + "/pack(java.lang.String) is full (1 running): call rejected)",
      "timeout and fallback: returned 300, interrupted true, flag after false",
      "async retry: completed delivered tea, runs 2",
      "async fallback: completed pick up piano at the warehouse, runs 3",
      "async timeout: failed TimeoutExceededException, runs 1");

  @Test
  void theGeneratedDecoratorGivesTheExpectedOutcomes() throws Exception {
    assertThat(WarehouseScenarios.run(ResilientWarehouse::new)).containsExactlyElementsOf(EXPECTED);
  }
}

package io.github.posa4j.micrometer;

import io.github.posa4j.config.Config;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;

/** A registry of policies of its own, a meter registry, and the binder between them, closed after each test. */
abstract class MetricsFixture {
  final FaultToleranceRegistry policies = new FaultToleranceRegistry(loader -> Config.empty());
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final Posa4jMetrics metrics = new Posa4jMetrics(policies);

  @AfterEach
  void unbind() {
    metrics.close();
  }
}

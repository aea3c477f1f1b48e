/**
 * An optional Micrometer binding of posa4j's figures: {@link io.github.posa4j.micrometer.Posa4jMetrics}
 * registers meters for circuit breakers, bulkheads, retries, timeouts, fallbacks, active objects
 * and command processors on a {@link io.micrometer.core.instrument.MeterRegistry}. posa4j's runtime
 * itself depends on nothing; only this module needs Micrometer.
 */
package io.github.posa4j.micrometer;

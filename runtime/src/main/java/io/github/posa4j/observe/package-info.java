/**
 * What posa4j tells the outside world about itself, with no dependency beyond the JDK: JDK Flight
 * Recorder events ({@link io.github.posa4j.observe.FlightRecorderEvents}, free while no recording
 * runs) and, behind the {@code posa4j.jmx} switch, MBeans on the platform MBean server
 * ({@link io.github.posa4j.observe.CircuitBreakerMXBean}, {@link io.github.posa4j.observe.BulkheadMXBean},
 * {@link io.github.posa4j.observe.ActiveObjectMXBean}, {@link io.github.posa4j.observe.CommandProcessorMXBean});
 * {@link io.github.posa4j.observe.Observability} holds the switch. This package depends on the
 * patterns, never the reverse: the patterns declare hooks
 * ({@link io.github.posa4j.active.internal.ActiveObjectProbe}, {@link io.github.posa4j.pubsub.internal.PublisherProbe},
 * {@link io.github.posa4j.command.internal.CommandProbe}, {@link io.github.posa4j.resilience.FaultToleranceListener},
 * ...) and {@link io.github.posa4j.observe.StandardObservers}, found through {@code META-INF/services},
 * installs the observers of this package into them.
 */
package io.github.posa4j.observe;

/**
 * What posa4j tells the outside world about itself, with no dependency beyond the JDK: JDK Flight
 * Recorder events ({@link io.github.posa4j.observe.FlightRecorderEvents}, free while no recording
 * runs) and, behind the {@code posa4j.jmx} switch, MBeans on the platform MBean server
 * ({@link io.github.posa4j.observe.CircuitBreakerMXBean}, {@link io.github.posa4j.observe.BulkheadMXBean},
 * {@link io.github.posa4j.observe.ActiveObjectMXBean}); {@link io.github.posa4j.observe.Observability}
 * holds the switch. {@code ActiveObjectEvents} and {@code PublisherEvents} are hooks the runtime's
 * other packages call; they are public for that reason only and are not an API.
 */
package io.github.posa4j.observe;

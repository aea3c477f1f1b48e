package io.github.posa4j.observe;

import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigException;
import io.github.posa4j.config.ConfigValue;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.util.Optional;

/**
 * What posa4j tells the outside world about itself, and the switch for it. JDK Flight Recorder
 * events are always emitted, and cost nothing while no recording runs. JMX MBeans (see
 * {@link CircuitBreakerMXBean}, {@link BulkheadMXBean}, {@link ActiveObjectMXBean},
 * {@link CommandProcessorMXBean}) are registered on the platform MBean server only when
 * {@value #JMX_KEY} is {@code true}, read from the standard configuration sources (system property
 * {@code -Dposa4j.jmx=true}, environment variable {@code POSA4J_JMX}, the file of
 * {@code -Dposa4j.config}, {@code META-INF/posa4j.properties}); the agent turns it on unless it is
 * set to {@code false} ({@link #turnJmxOnByDefault()}).
 *
 * <p>The runtime installs these observers itself ({@link StandardObservers}) into
 * {@link FaultToleranceRegistry#global()}, active objects, publishers and command processors;
 * applications need not call anything, except {@link #install} for a registry of their own.
 */
public final class Observability {
  /** The configuration key that turns the MBeans on. */
  public static final String JMX_KEY = "posa4j.jmx";

  private static volatile boolean jmxByDefault;

  private Observability() {}

  /**
   * Makes JMX on unless {@value #JMX_KEY} says otherwise: what the agent does at start. Has no
   * effect once the switch has been read.
   */
  public static void turnJmxOnByDefault() {
    jmxByDefault = true;
  }

  /**
   * Wires observers to {@code registry}: the Flight Recorder listener, and the MBeans if
   * {@value #JMX_KEY} is true, as the runtime does for the global registry: for a registry of
   * your own.
   */
  public static void install(FaultToleranceRegistry registry) {
    registry.addListener(FlightRecorderEvents.listener());
    if (jmxEnabled()) {
      registerMBeans(registry);
    }
  }

  /**
   * Registers the MBeans of every breaker and bulkhead of {@code registry}, now and as they are
   * created, whatever {@value #JMX_KEY} says: for a registry of your own.
   */
  public static void registerMBeans(FaultToleranceRegistry registry) {
    Jmx.registerPoliciesOf(registry);
  }

  /** Whether {@value #JMX_KEY} is true; read once. A value that is not true or false is reported and means false. */
  public static boolean jmxEnabled() {
    return JmxSwitch.ON;
  }

  /** Holds the switch, read when first asked. */
  private static final class JmxSwitch {
    static final boolean ON = read();

    private static boolean read() {
      Optional<ConfigValue> value;
      try {
        value = Config.standard(Observability.class.getClassLoader()).get(JMX_KEY);
      } catch (ConfigException e) {
        warn(e.getMessage());
        return false;
      }
      if (value.isEmpty()) {
        return jmxByDefault;
      }
      String text = value.get().value().trim();
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(text);
      }
      warn(JMX_KEY + "=" + text + " (" + value.get().source() + ") is neither true nor false; JMX stays off");
      return false;
    }

    private static void warn(String message) {
      System.getLogger(Observability.class.getName()).log(System.Logger.Level.WARNING, "posa4j: " + message);
    }
  }
}

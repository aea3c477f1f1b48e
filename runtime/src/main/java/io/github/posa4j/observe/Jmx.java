package io.github.posa4j.observe;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers posa4j's MBeans on the platform MBean server: one per circuit breaker and per bulkhead
 * of every method in a {@link FaultToleranceRegistry}, present and future, one per running active
 * object and one per open command processor. Names are
 * {@code io.github.posa4j:type=<CircuitBreaker|Bulkhead>,name="<method key>"},
 * {@code io.github.posa4j:type=ActiveObject,name="<active object name>"} and
 * {@code io.github.posa4j:type=CommandProcessor,name="<processor name>"}; the name is always quoted
 * ({@link ObjectName#quote}), since method keys hold commas and parentheses.
 *
 * <p>posa4j never starts a remote connector: what JMX clients can reach is decided by the JVM's
 * own {@code com.sun.management.jmxremote} settings, as for every platform MBean. A name taken
 * already (a second copy of the runtime in another class loader) is logged and skipped.
 */
final class Jmx {
  static final String DOMAIN = "io.github.posa4j";
  private static final System.Logger LOG = System.getLogger(Jmx.class.getName());

  private Jmx() {}

  /** Registers the MBeans of every policy set of {@code registry}, now and as they are created. */
  static void registerPoliciesOf(FaultToleranceRegistry registry) {
    registry.addRegistrationListener(Jmx::registerPolicies);
  }

  /** Registers the MBeans of the breaker and the bulkhead of {@code policies}, those it has. */
  static void registerPolicies(FaultTolerance policies) {
    policies.circuitBreaker().ifPresent(breaker ->
        register(name("CircuitBreaker", breaker.method()), new CircuitBreakerJmx(breaker)));
    policies.bulkhead().ifPresent(bulkhead ->
        register(name("Bulkhead", bulkhead.method()), new BulkheadJmx(bulkhead)));
  }

  /** {@code io.github.posa4j:type=<type>,name="<name>"}. */
  static ObjectName name(String type, String name) {
    try {
      return new ObjectName(DOMAIN + ":type=" + type + ",name=" + ObjectName.quote(name));
    } catch (JMException e) {
      throw new IllegalArgumentException("no JMX name for " + type + " " + name, e);
    }
  }

  /** Registers {@code mbean} as {@code name}; whether it was, a problem being logged. */
  static boolean register(ObjectName name, Object mbean) {
    try {
      server().registerMBean(mbean, name);
      return true;
    } catch (InstanceAlreadyExistsException e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j: the MBean " + name + " is registered already (another one of"
          + " that name, or a second copy of posa4j's runtime); this one is not");
    } catch (JMException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j: cannot register the MBean " + name + "; it is left out", e);
    }
    return false;
  }

  static void unregister(ObjectName name) {
    try {
      server().unregisterMBean(name);
    } catch (InstanceNotFoundException gone) {
      // never registered (the name was taken), or unregistered already
    } catch (JMException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "posa4j: cannot unregister the MBean " + name, e);
    }
  }

  private static MBeanServer server() {
    return ManagementFactory.getPlatformMBeanServer();
  }
}

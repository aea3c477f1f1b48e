package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.config.Config;
import io.github.posa4j.resilience.BulkheadPolicy;
import io.github.posa4j.resilience.CircuitBreakerOpenException;
import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The MBeans of breakers and bulkheads, read and operated through the platform MBean server, as a JMX client would. */
class JmxTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final FaultToleranceRegistry registry = new FaultToleranceRegistry(loader -> Config.empty());

  private FaultTolerance register(String key) {
    Jmx.registerPoliciesOf(registry);
    return registry.computeIfAbsent(key, k -> FaultTolerance.builder(k)
        .circuitBreaker(CircuitBreakerPolicy.builder().requestVolumeThreshold(2).failureRatio(0.5)
            .delay(Duration.ofHours(1)).build())
        .bulkhead(BulkheadPolicy.of(3, 5))
        .build());
  }

  @Test
  void aBreakersMBeanShowsItsFiguresAndTakesTheOperatorsOrders() throws Exception {
    FaultTolerance policy = register("com.acme.JmxShop/charge(java.lang.String,long)");
    ObjectName name = new ObjectName("io.github.posa4j:type=CircuitBreaker,name=\"com.acme.JmxShop/charge(java.lang.String,long)\"");
    policy.call(() -> "ok");

    assertThat(server.getAttribute(name, "Method")).isEqualTo("com.acme.JmxShop/charge(java.lang.String,long)");
    assertThat(server.getAttribute(name, "State")).isEqualTo("CLOSED");
    assertThat(server.getAttribute(name, "WindowSize")).isEqualTo(2);
    assertThat(server.getAttribute(name, "WindowCalls")).isEqualTo(1);
    assertThat(server.getAttribute(name, "SuccessfulCalls")).isEqualTo(1L);

    server.invoke(name, "forceOpen", new Object[0], new String[0]);
    assertThat(server.getAttribute(name, "State")).isEqualTo("FORCED_OPEN");
    assertThatThrownBy(() -> policy.call(() -> "refused")).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(server.getAttribute(name, "RejectedCalls")).isEqualTo(1L);

    server.invoke(name, "forceClosed", new Object[0], new String[0]);
    assertThat(server.getAttribute(name, "State")).isEqualTo("FORCED_CLOSED");
    server.invoke(name, "reset", new Object[0], new String[0]);
    assertThat(server.getAttribute(name, "State")).isEqualTo("CLOSED");
    assertThat(policy.circuitState()).hasValueSatisfying(state -> assertThat(state.name()).isEqualTo("CLOSED"));
  }

  @Test
  void aBulkheadsMBeanShowsItsFigures() throws Exception {
    FaultTolerance policy = register("com.acme.JmxShop/ship()");
    ObjectName name = new ObjectName("io.github.posa4j:type=Bulkhead,name=\"com.acme.JmxShop/ship()\"");
    Object inUseInside = policy.call(() -> server.getAttribute(name, "InUse"));

    assertThat(inUseInside).isEqualTo(1);
    assertThat(server.getAttribute(name, "InUse")).isEqualTo(0);
    assertThat(server.getAttribute(name, "MaxConcurrent")).isEqualTo(3);
    assertThat(server.getAttribute(name, "MaxWaiting")).isEqualTo(5);
    assertThat(server.getAttribute(name, "Waiting")).isEqualTo(0);
    assertThat(server.getAttribute(name, "RejectedCalls")).isEqualTo(0L);
  }

  @Test
  void aNameTakenAlreadyIsLeftAloneAndNothingFails() throws Exception {
    register("com.acme.JmxShop/twice()");
    FaultToleranceRegistry second = new FaultToleranceRegistry(loader -> Config.empty());
    Jmx.registerPoliciesOf(second);
    second.computeIfAbsent("com.acme.JmxShop/twice()", k -> FaultTolerance.builder(k)
        .circuitBreaker(CircuitBreakerPolicy.builder().build()).build());

    ObjectName name = new ObjectName("io.github.posa4j:type=CircuitBreaker,name=\"com.acme.JmxShop/twice()\"");
    assertThat(server.getAttribute(name, "WindowSize")).isEqualTo(2); // still the first one's
  }
}

package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.MonitoredShopMain;
import org.junit.jupiter.api.Test;

/** The agent registers the MBeans of the breakers it weaves, unless posa4j.jmx=false; an operator can force them. */
class JmxIT {

  @Test
  void theAgentRegistersTheBreakersItWeavesAndTheyTakeOrders() throws Exception {
    ChildJvm.Result run = ChildJvm.withAgent("").run(MonitoredShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).containsSubsequence(
        "jmx: state CLOSED, successful 3, window 3 of 4",
        "jmx: forced FORCED_OPEN, then CircuitBreakerOpenException(circuit breaker of "
            + "com.acme.shop.MonitoredShop/quote(java.lang.String) is open: call not permitted)",
        "jmx: reset CLOSED, then returned quote for tea, rejected 1");
  }

  @Test
  void posa4jJmxFalseKeepsTheMBeansAway() throws Exception {
    ChildJvm.Result run = ChildJvm.withAgent("").jvmOption("-Dposa4j.jmx=false").run(MonitoredShopMain.class);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lines()).contains("jmx: no MBean for the breaker");
  }
}

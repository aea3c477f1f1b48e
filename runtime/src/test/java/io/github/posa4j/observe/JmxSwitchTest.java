package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JMX is off unless {@code posa4j.jmx=true}: without the switch, an application's policies,
 * active objects and command processors register no MBean in the domain {@code io.github.posa4j};
 * with the system property or the environment variable, they do. The switch is read once per JVM,
 * so each case runs {@link JmxSwitchMain} in a child JVM of its own, with an environment cleared
 * of the switch.
 */
class JmxSwitchTest {

  @Test
  void withoutTheSwitchNoMBeanIsRegistered() throws Exception {
    assertThat(runChild(Map.of())).containsExactly("jmxEnabled=false", "ok");
  }

  @Test
  void theSystemPropertyTurnsTheMBeansOn() throws Exception {
    assertThat(runChild(Map.of(), "-Dposa4j.jmx=true")).containsExactly(
        "jmxEnabled=true",
        "ActiveObject " + JmxSwitchMain.ACTIVE_OBJECT,
        "ActiveObject " + JmxSwitchMain.COMMAND_PROCESSOR,
        "Bulkhead " + JmxSwitchMain.METHOD,
        "CircuitBreaker " + JmxSwitchMain.METHOD,
        "CommandProcessor " + JmxSwitchMain.COMMAND_PROCESSOR,
        "ok");
  }

  @Test
  void theEnvironmentVariableTurnsTheMBeansOn() throws Exception {
    assertThat(runChild(Map.of("POSA4J_JMX", "true"))).containsExactly(
        "jmxEnabled=true",
        "ActiveObject " + JmxSwitchMain.ACTIVE_OBJECT,
        "ActiveObject " + JmxSwitchMain.COMMAND_PROCESSOR,
        "Bulkhead " + JmxSwitchMain.METHOD,
        "CircuitBreaker " + JmxSwitchMain.METHOD,
        "CommandProcessor " + JmxSwitchMain.COMMAND_PROCESSOR,
        "ok");
  }

  /** The lines {@link JmxSwitchMain} printed in a child JVM with these environment variables and JVM options. */
  private static List<String> runChild(Map<String, String> environment, String... jvmOptions)
      throws IOException, InterruptedException {
    return ChildJava.run(JmxSwitchMain.class, List.of(jvmOptions), inherited -> {
      inherited.keySet().removeIf(name -> name.equalsIgnoreCase("posa4j_jmx") || name.equals("posa4j.jmx")
          || name.equalsIgnoreCase("posa4j_config") || name.equals("posa4j.config"));
      inherited.putAll(environment);
    }).lines().toList();
  }
}

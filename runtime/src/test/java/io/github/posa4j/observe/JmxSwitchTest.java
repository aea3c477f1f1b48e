package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * JMX is off unless {@code posa4j.jmx=true}: without the switch, an application's policies and
 * active objects register no MBean in the domain {@code io.github.posa4j}; with the system property
 * or the environment variable, they do. The switch is read once per JVM, so each case runs
 * {@link JmxSwitchMain} in a child JVM of its own, with an environment cleared of the switch.
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
        "Bulkhead " + JmxSwitchMain.METHOD,
        "CircuitBreaker " + JmxSwitchMain.METHOD,
        "ok");
  }

  @Test
  void theEnvironmentVariableTurnsTheMBeansOn() throws Exception {
    assertThat(runChild(Map.of("POSA4J_JMX", "true"))).containsExactly(
        "jmxEnabled=true",
        "ActiveObject " + JmxSwitchMain.ACTIVE_OBJECT,
        "Bulkhead " + JmxSwitchMain.METHOD,
        "CircuitBreaker " + JmxSwitchMain.METHOD,
        "ok");
  }

  /** The lines {@link JmxSwitchMain} printed in a child JVM with these environment variables and JVM options. */
  private static List<String> runChild(Map<String, String> environment, String... jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), JmxSwitchMain.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.equalsIgnoreCase("posa4j_jmx") || name.equals("posa4j.jmx")
        || name.equalsIgnoreCase("posa4j_config") || name.equals("posa4j.config"));
    builder.environment().putAll(environment);
    Process child = builder.start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exited).as("the child JVM exited; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit status; output:%n%s", output).isZero();
    return output.lines().toList();
  }
}

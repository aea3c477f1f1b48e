package io.github.posa4j.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.CodeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No package of posa4j depends on itself through others, in any module with main code, these examples included: each
 * module's classes (its {@code target/classes}, or its jar once packaged) are read as they are
 * on this test's class path, found through one class of the module. Only posa4j's own packages
 * count: the agent's and the processor's jars hold relocated libraries under {@code .shaded.}.
 */
class NoPackageCyclesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "annotations, io.github.posa4j.annotation.ActiveObject",
      "runtime, io.github.posa4j.active.internal.ActiveObjectScheduler",
      "processor, io.github.posa4j.processor.Posa4jProcessor",
      "agent, io.github.posa4j.agent.Posa4jAgent",
      "micrometer, io.github.posa4j.micrometer.Posa4jMetrics",
      "net, io.github.posa4j.net.Reactor",
      "examples, io.github.posa4j.examples.Demo",
  })
  void theModuleHasNoPackageCycle(String module, String someClass) throws Exception {
    CodeSource source = Class.forName(someClass, false, getClass().getClassLoader()).getProtectionDomain().getCodeSource();
    Path classes = Path.of(source.getLocation().toURI());

    PackageGraph graph = PackageGraph.of(classes,
        name -> name.startsWith("io.github.posa4j.") && !name.contains(".shaded."));

    assertThat(graph.dependencies()).as("posa4j packages read from %s", classes).isNotEmpty();
    assertThat(graph.cycles()).as("package cycles of %s, read from %s", module, classes).isEmpty();
  }
}

package io.github.posa4j.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.examples.agent.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared scenarios through the agent: the same {@code Warehouse} class file, woven instead of
 * decorated, must give exactly the outcomes {@code SharedScenariosTest} expects of the generated
 * decorator.
 */
class SharedScenariosIT {
  private static final Path TEST_CLASSES = Path.of(JavaProcess.property("posa4j.examples.test-classes"));
  private static final String SCENARIOS = "io.github.posa4j.examples.scenarios.WarehouseScenarios";
  private static final String PACKAGE = "io/github/posa4j/examples/scenarios";

  @Test
  void theWovenClassGivesTheSameOutcomesAsTheGeneratedDecorator(@TempDir Path compiledWithoutProcessor) throws Exception {
    // As if compiled without the processor: the scenario classes, without the decorator and its marker.
    Path target = Files.createDirectories(compiledWithoutProcessor.resolve(PACKAGE));
    for (String name : List.of("Warehouse", "WarehouseScenarios", "WarehouseScenarios$Call")) {
      Files.copy(TEST_CLASSES.resolve(PACKAGE).resolve(name + ".class"), target.resolve(name + ".class"));
    }

    JavaProcess.Output woven = JavaProcess.run("", compiledWithoutProcessor, SCENARIOS);

    assertThat(woven.exitCode()).as(String.join("\n", woven.lines())).isZero();
    assertThat(woven.withoutAgentLines()).containsExactlyElementsOf(SharedScenariosTest.EXPECTED);
  }

  @Test
  void aClassWithAGeneratedDecoratorIsLeftToIt(@TempDir Path dir) throws Exception {
    assertThat(TEST_CLASSES.resolve("META-INF/posa4j/decorated/io.github.posa4j.examples.scenarios.Warehouse")).exists();
    Path keys = Files.writeString(dir.resolve("keys.properties"),
        "io.github.posa4j.examples.scenarios.Warehouse/restock/Retry/maxRetries=5\n");

    JavaProcess.Output run = JavaProcess.run("config=" + keys + ",log=debug", TEST_CLASSES, RestockOnce.class.getName());

    assertThat(run.exitCode()).as(String.join("\n", run.lines())).isZero();
    assertThat(run.lines()).contains("restock: IllegalStateException(dock busy), runs 1");
    assertThat(run.lines()).contains("[posa4j] key io.github.posa4j.examples.scenarios.Warehouse/restock/Retry/maxRetries names "
        + "io.github.posa4j.examples.scenarios.Warehouse/restock(java.lang.String), which a generated decorator protects; "
        + "the decorator reads system properties, -Dposa4j.config and META-INF/posa4j.properties, not the agent's file; ignored");
    assertThat(run.lines()).noneMatch(line -> line.startsWith("[posa4j] woven "));
  }

  @Test
  void aKeyNamingTheGeneratedDecoratorItselfIsReportedAndIgnored(@TempDir Path dir) throws Exception {
    Path keys = Files.writeString(dir.resolve("keys.properties"),
        "io.github.posa4j.examples.scenarios.ResilientWarehouse/restock/Retry/maxRetries=0\n");

    JavaProcess.Output run = JavaProcess.run("config=" + keys, TEST_CLASSES, RestockThroughDecorator.class.getName());

    assertThat(run.exitCode()).as(String.join("\n", run.lines())).isZero();
    // Woven, maxRetries=0 would have stopped after the first failure; the decorator's own @Retry runs on.
    assertThat(run.lines()).contains("restock through the decorator: returned restocked tea, runs 3");
    assertThat(run.lines()).contains("[posa4j] key io.github.posa4j.examples.scenarios.ResilientWarehouse/restock/Retry/maxRetries "
        + "names io.github.posa4j.examples.scenarios.ResilientWarehouse, the decorator posa4j's processor generated for "
        + "io.github.posa4j.examples.scenarios.Warehouse; the agent never weaves generated types "
        + "(name io.github.posa4j.examples.scenarios.Warehouse instead); ignored");
    assertThat(run.lines()).noneMatch(line -> line.startsWith("[posa4j] woven "));
  }
}

package io.github.posa4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.annotation.ActiveObject;
import io.github.posa4j.examples.agent.JavaProcess;
import io.github.posa4j.resilience.FaultTolerance;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's first command runs this main class: the whole demo, in a child JVM as
 * {@code demo.sh} starts it, with the packaged agent for its second part.
 */
class DemoIT {

  @Test
  void theDemoTellsTheWholeStoryAndEndsWithItsSummary() throws Exception {
    String classPath = String.join(File.pathSeparator, JavaProcess.property("posa4j.examples.classes"),
        locationOf(FaultTolerance.class), locationOf(ActiveObject.class));
    JavaProcess.Output run = JavaProcess.run(List.of(
        "-D" + Demo.AGENT_PROPERTY + "=" + JavaProcess.AGENT_JAR,
        "-D" + Demo.CONFIG_PROPERTY + "=" + JavaProcess.property("posa4j.examples.legacy-properties")),
        classPath, Demo.class.getName());
    String output = String.join("\n", run.lines());

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(run.lines()).as(output)
        .contains("Part 1: an order service on launch day, written with posa4j's annotations (examples/.../shop)")
        .anyMatch(line -> line.contains("breaker CLOSED -> OPEN"))
        .anyMatch(line -> line.endsWith("| 12 of 12 accounted for: 7 paid, 3 invoiced, 1 cancelled (payment),"
            + " 1 cancelled (sold out)"))
        .anyMatch(line -> line.matches(".*@ActiveObject inventory +\\| 6 reservations granted at once, 6 waited at"
            + " the guard: 5 granted later, 1 cancelled at close; fewest copies left: 0"));
    // Without the agent the glitches reach customers and nothing falls back; with it, some payments are queued.
    assertThat(run.lines()).as(output)
        .anyMatch(line -> line.matches(" *legacy app, as it is +\\| \\d+ charges: \\d+ ok, [1-9]\\d* failed, 0 queued by"
            + " the fallback; .*"))
        .anyMatch(line -> line.startsWith("   | [posa4j] woven io.github.posa4j.examples.legacy.LegacyPaymentClient/charge"))
        .anyMatch(line -> line.matches(" *legacy app, with the agent +\\| \\d+ charges: \\d+ ok, \\d+ failed, [1-9]\\d*"
            + " queued by the fallback; .*"));
  }

  private static String locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}

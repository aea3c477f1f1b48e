package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.observe.Observability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which classes the agent never examines: the JDK's, Byte Buddy's and every one of posa4j's own. */
class Posa4jTransformerTest {

  @Test
  void everyClassOfPosa4jsOwnJarsIsIgnored() throws Exception {
    List<String> classes = new ArrayList<>();
    for (Class<?> ofJar : List.of(Observability.class, CircuitBreaker.class, Posa4jAgent.class)) {
      classes.addAll(classNames(Path.of(ofJar.getProtectionDomain().getCodeSource().getLocation().toURI())));
    }

    assertThat(classes).contains("io.github.posa4j.observe.FlightRecorderEvents", "io.github.posa4j.internal.SerialTurns",
        "io.github.posa4j.agent.Posa4jTransformer", "io.github.posa4j.annotation.Retry");
    assertThat(classes).allMatch(Posa4jTransformer::isIgnored);
  }

  @Test
  void posa4jsPackagesAreIgnoredWhateverTheirName() {
    assertThat(List.of(
        "io.github.posa4j.observe.StandardObservers",
        "io.github.posa4j.micrometer.Posa4jMetrics",
        "io.github.posa4j.processor.Posa4jProcessor",
        "io.github.posa4j.agent.shaded.net.bytebuddy.ByteBuddy",
        "io.github.posa4j.remote.SomeFuturePackage",
        "java.lang.String",
        "net.bytebuddy.ByteBuddy"))
        .allMatch(Posa4jTransformer::isIgnored);
  }

  @Test
  void applicationsAreExaminedTheRepositorysExamplesAndBenchmarksIncluded() {
    assertThat(List.of(
        "io.github.posa4j.examples.legacy.LegacyPaymentClient",
        "io.github.posa4j.benchmarks.agent.PlainBackend",
        "com.acme.shop.LegacyShop",
        "io.github.posa4jx.Lookalike"))
        .noneMatch(Posa4jTransformer::isIgnored);
  }

  /** The binary names of the classes in a directory of class files or a jar. */
  private static List<String> classNames(Path classes) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        files.filter(file -> file.toString().endsWith(".class"))
            .forEach(file -> names.add(binaryName(classes.relativize(file).toString().replace('\\', '/'))));
      }
    } else {
      try (JarFile jar = new JarFile(classes.toFile())) {
        jar.stream().map(entry -> entry.getName())
            .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
            .forEach(name -> names.add(binaryName(name)));
      }
    }
    names.removeIf(name -> name.endsWith("module-info"));
    return names;
  }

  private static String binaryName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}

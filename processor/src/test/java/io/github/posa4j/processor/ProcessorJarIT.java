package io.github.posa4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor jar is all javac needs on its processor path: a child {@code javac} with
 * only that jar on {@code -processorpath}, and only the annotations and the runtime on the class
 * path, compiles a class with resilience annotations and a {@code @Proxy} interface and generates
 * their decorator and proxy. (The processor must not load the annotation classes, which are not on
 * its processor path.)
 */
class ProcessorJarIT {
  @TempDir
  Path directory;

  @Test
  void javacRunsTheProcessorJarAloneOnTheProcessorPath() throws IOException, InterruptedException {
    Path sources = Files.createDirectories(directory.resolve("src/demo"));
    Path client = Files.writeString(sources.resolve("PaymentClient.java"), String.join("\n",
        "package demo;",
        "",
        "import io.github.posa4j.annotation.CircuitBreaker;",
        "import io.github.posa4j.annotation.Retry;",
        "",
        "public class PaymentClient {",
        "  @CircuitBreaker @Retry(maxRetries = 2)",
        "  public String charge(String order) { return order; }",
        "}"));
    Path catalog = Files.writeString(sources.resolve("Catalog.java"), String.join("\n",
        "package demo;",
        "",
        "@io.github.posa4j.annotation.Proxy",
        "public interface Catalog {",
        "  String find(long id);",
        "}"));
    Path classes = directory.resolve("classes");
    Path generated = directory.resolve("generated");
    Path output = directory.resolve("javac.log");

    ProcessBuilder javac = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-processorpath", jar("posa4j.processor.jar"),
        "-classpath", jar("posa4j.annotations.jar") + File.pathSeparator + jar("posa4j.runtime.jar"),
        "-d", classes.toString(),
        "-s", generated.toString(),
        "-Xlint:all,-processing", "-Werror",
        client.toString(), catalog.toString()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    javac.environment().remove("CLASSPATH");
    Process process = javac.start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("javac finished").isTrue();

    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(log).doesNotContain("NoClassDefFoundError").doesNotContain("error");
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(Files.readString(generated.resolve("demo/ResilientPaymentClient.java")))
        .contains("public final class ResilientPaymentClient extends PaymentClient");
    assertThat(generated.resolve("demo/CatalogProxy.java")).exists();
    assertThat(classes.resolve("demo/ResilientPaymentClient.class")).exists();
    assertThat(classes.resolve("demo/CatalogProxy.class")).exists();
  }

  /** The jar whose path the build hands in as system property {@code property}. */
  private static String jar(String property) {
    String path = System.getProperty(property);
    assertThat(path).as("system property " + property + " (set by the processor's pom for failsafe)").isNotBlank();
    assertThat(Path.of(path)).isRegularFile();
    return path;
  }
}

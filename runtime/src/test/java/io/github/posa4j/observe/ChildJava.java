package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a main class of the tests in a child JVM on this JVM's class path, for what a JVM decides once. */
final class ChildJava {

  private ChildJava() {}

  /**
   * Runs {@code mainClass} with {@code jvmOptions} and the environment {@code environment} leaves
   * of this JVM's; asserts that it exits with 0 within a minute and answers what it printed.
   */
  static String run(Class<?> mainClass, List<String> jvmOptions, Consumer<Map<String, String>> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment.accept(builder.environment());
    Process child = builder.start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exited).as("the child JVM exited; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit status; output:%n%s", output).isZero();
    return output;
  }
}

package io.github.posa4j.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a child JVM, with or without the packaged posa4j agent, and collects its output. */
public final class JavaProcess {
  public static final Path AGENT_JAR = Path.of(property("posa4j.agent.jar"));

  private JavaProcess() {}

  /**
   * Runs {@code mainClass} on {@code classPath}; with {@code agentOptions} non-null, under
   * {@code -javaagent:posa4j-agent.jar=<agentOptions>}. Standard output and error are interleaved.
   */
  public static Output run(String agentOptions, Path classPath, String mainClass) throws IOException, InterruptedException {
    List<String> jvmOptions = agentOptions == null
        ? List.of()
        : List.of("-javaagent:" + AGENT_JAR + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    return run(jvmOptions, classPath.toString(), mainClass);
  }

  /** Runs {@code mainClass} on {@code classPath} with {@code jvmOptions}. Standard output and error are interleaved. */
  public static Output run(List<String> jvmOptions, String classPath, String mainClass) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    Path output = Files.createTempFile("posa4j-examples", ".out");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      boolean exited = process.waitFor(120, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }
      assertThat(exited).as("%s exited in time", command).isTrue();
      return new Output(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).lines().toList());
    } finally {
      Files.deleteIfExists(output);
    }
  }

  public static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run the integration tests with mvn verify");
    }
    return value;
  }

  /** The exit code and the lines a child JVM printed. */
  public record Output(int exitCode, List<String> lines) {
    /** The lines the application printed, without the agent's. */
    public List<String> withoutAgentLines() {
      return lines.stream().filter(line -> !line.startsWith("[posa4j]")).toList();
    }
  }
}

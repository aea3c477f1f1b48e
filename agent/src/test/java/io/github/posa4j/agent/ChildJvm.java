package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a JVM like the one running the tests, with the packaged agent and the test classes, and
 * collects what it prints. The integration tests judge the agent only by such output and exit codes.
 */
final class ChildJvm {
  static final Path AGENT_JAR = Path.of(required("posa4j.agent.jar"));
  static final Path TEST_CLASSES = Path.of(required("posa4j.test.classes"));
  static final Path KEYS = TEST_CLASSES.resolve("keys.properties");
  /** The annotations alone, for an application that runs without the agent, which would bring them. */
  static final Path ANNOTATIONS_JAR = Path.of(required("posa4j.annotations.jar"));

  private final List<String> command = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private Path classPathFirst;

  private ChildJvm() {
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** A JVM started with {@code -javaagent:posa4j-agent.jar[=options]}. */
  static ChildJvm withAgent(String options) {
    ChildJvm jvm = new ChildJvm();
    jvm.command.add("-javaagent:" + AGENT_JAR + (options == null || options.isEmpty() ? "" : "=" + options));
    return jvm;
  }

  /** A JVM without the agent. */
  static ChildJvm plain() {
    return new ChildJvm();
  }

  ChildJvm jvmOption(String option) {
    command.add(option);
    return this;
  }

  /** Sets an environment variable of the child, on top of those it inherits from this JVM. */
  ChildJvm environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Puts {@code directory} on the class path before the test classes, so that its class files win. */
  ChildJvm classPathFirst(Path directory) {
    this.classPathFirst = directory;
    return this;
  }

  /** Runs {@code mainClass} from the test classes and waits for it to exit. */
  Result run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.add("-cp");
    full.add(classPathFirst == null ? TEST_CLASSES.toString() : classPathFirst + File.pathSeparator + TEST_CLASSES);
    full.add(mainClass.getName());
    full.addAll(List.of(args));
    return runCommand(full, environment);
  }

  /** Runs {@code java -jar posa4j-agent.jar <args>}. */
  static Result runAgentJar(String... args) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(new ChildJvm().command);
    full.add("-jar");
    full.add(AGENT_JAR.toString());
    full.addAll(List.of(args));
    return runCommand(full, Map.of());
  }

  /**
   * Starts {@code mainClass} with the annotations on the class path, and returns the running
   * process, for tests that talk to it.
   */
  Process start(Class<?> mainClass, String... args) throws IOException {
    List<String> full = new ArrayList<>(command);
    full.add("-cp");
    full.add(TEST_CLASSES + File.pathSeparator + ANNOTATIONS_JAR);
    full.add(mainClass.getName());
    full.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(environment);
    return builder.start();
  }

  /**
   * Starts {@code mainClass} without the agent, waits for its line {@code ready <pid>}, attaches the
   * agent to it with {@code agentOptions}, answers {@code go} on its standard input, and returns
   * every line it printed once it has exited (exit code 0 asserted).
   */
  static List<String> runAttached(Class<?> mainClass, String agentOptions) throws Exception {
    return runAttached(mainClass, agentOptions, new String[0]);
  }

  /** {@link #runAttached(Class, String)} with JVM options and program arguments for the app. */
  static List<String> runAttached(Class<?> mainClass, String agentOptions, String[] jvmOptions, String... args)
      throws Exception {
    ChildJvm jvm = plain().jvmOption("-XX:+EnableDynamicAgentLoading");
    for (String option : jvmOptions) {
      jvm.jvmOption(option);
    }
    Process app = jvm.start(mainClass, args);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = app.getOutputStream()) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
        lines.add(line);
      }
      assertThat(line).as("the app said ready: %s", lines).isNotNull();

      VirtualMachine vm = VirtualMachine.attach(line.substring("ready ".length()));
      try {
        vm.loadAgent(AGENT_JAR.toString(), agentOptions);
      } finally {
        vm.detach();
      }
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(app.exitValue()).as(String.join("\n", lines)).isZero();
      return lines;
    } finally {
      app.destroyForcibly();
    }
  }

  private static Result runCommand(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("posa4j-child", ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean exited = process.waitFor(120, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }
      assertThat(exited).as("child JVM exited in time: %s", command).isTrue();
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property
          + " is not set: run the integration tests through Maven (mvn verify), which packages the agent first");
    }
    return value;
  }

  /** What a child JVM printed (standard output and error, interleaved) and its exit code. */
  record Result(int exitCode, String output) {
    List<String> lines() {
      return output.lines().toList();
    }

    List<String> posa4jLines() {
      return output.lines().filter(line -> line.startsWith("[posa4j]")).toList();
    }
  }
}

package io.github.posa4j.examples.legacy;

import io.github.posa4j.examples.legacy.LegacyPaymentsApp.Summary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link LegacyPaymentsApp} in a child JVM, as an operator would: as it is, or under
 * {@code -javaagent:posa4j-agent.jar=config=<file>}. The child's lines are passed on as they come,
 * indented, and its summary line is read back.
 */
public final class LegacyAppRunner {
  private static final long PATIENCE_SECONDS = 120;

  private final PrintStream out;

  /** A runner that passes the child's lines on to {@code out}. */
  public LegacyAppRunner(PrintStream out) {
    this.out = out;
  }

  /** Runs the app without any agent. */
  public Summary runAsItIs() throws IOException, InterruptedException {
    return run(List.of());
  }

  /** Runs the app under the posa4j agent {@code agentJar}, configured by {@code config}. */
  public Summary runWithAgent(Path agentJar, Path config) throws IOException, InterruptedException {
    return run(List.of("-javaagent:" + agentJar + "=config=" + config));
  }

  private Summary run(List<String> agentOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(agentOptions);
    command.add("-cp");
    command.add(classPath().toString());
    command.add(LegacyPaymentsApp.class.getName());
    out.println("   $ " + String.join(" ", command.subList(1, command.size())));

    Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
    Summary summary = null;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println("   | " + line);
        summary = Summary.parse(line).orElse(summary);
      }
    } finally {
      if (!app.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
    if (app.exitValue() != 0 || summary == null) {
      throw new IllegalStateException("the legacy app exited with " + app.exitValue()
          + (summary == null ? " without its summary line" : "") + "; its output is above");
    }
    return summary;
  }

  /** Where the app's classes are: the legacy app needs nothing else. */
  private static Path classPath() {
    try {
      return Path.of(LegacyPaymentsApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + LegacyPaymentsApp.class.getName(), e);
    }
  }
}

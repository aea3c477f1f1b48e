package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a runtime without the {@code jdk.jfr} module (as a jlink image may be) every event hook does
 * nothing, and the runtime works as usual: {@link WithoutJfrMain} in a child JVM whose boot layer
 * leaves the module out.
 */
class WithoutJfrTest {

  @Test
  void everyHookDoesNothingWithoutTheJdkJfrModule() throws IOException, InterruptedException {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--limit-modules", "java.base,java.logging,java.management",
        "-cp", System.getProperty("java.class.path"),
        WithoutJfrMain.class.getName())
        .redirectErrorStream(true)
        .start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exited).as("the child JVM exited; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit status; output:%n%s", output).isZero();
    assertThat(output).doesNotContain("jdk/jfr").doesNotContain("jdk.jfr").endsWith("ok" + System.lineSeparator());
  }
}

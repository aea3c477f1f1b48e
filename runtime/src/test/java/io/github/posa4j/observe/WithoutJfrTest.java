package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a runtime without the {@code jdk.jfr} module (as a jlink image may be) every event hook does
 * nothing, and the runtime works as usual: {@link WithoutJfrMain} in a child JVM whose boot layer
 * leaves the module out.
 */
class WithoutJfrTest {

  @Test
  void everyHookDoesNothingWithoutTheJdkJfrModule() throws IOException, InterruptedException {
    String output = ChildJava.run(WithoutJfrMain.class,
        List.of("--limit-modules", "java.base,java.logging,java.management"), environment -> {});

    assertThat(output).doesNotContain("jdk/jfr").doesNotContain("jdk.jfr").endsWith("ok" + System.lineSeparator());
  }
}

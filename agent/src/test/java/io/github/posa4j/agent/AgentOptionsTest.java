package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Agent arguments and {@code posa4j.agent.*} system properties. */
class AgentOptionsTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final AgentLog log = new AgentLog(new PrintStream(printed, true, StandardCharsets.UTF_8), AgentLog.Level.INFO);

  @Test
  void argumentsBeatSystemProperties() {
    Properties properties = new Properties();
    properties.setProperty("posa4j.agent.config", "from-property.properties");
    properties.setProperty("posa4j.agent.exclude", "com.acme.internal.,com.acme.generated.");
    properties.setProperty("posa4j.agent.log", "debug");

    AgentOptions options = AgentOptions.parse("config=keys.properties,include=com.acme.;org.legacy.,include=net.old.,dump=/tmp/woven",
        properties, log);

    assertThat(options.config()).isEqualTo(Path.of("keys.properties"));
    assertThat(options.include()).containsExactly("com.acme.", "org.legacy.", "net.old.");
    assertThat(options.exclude()).containsExactly("com.acme.internal.", "com.acme.generated.");
    assertThat(options.dump()).isEqualTo(Path.of("/tmp/woven"));
    assertThat(options.level()).isEqualTo(AgentLog.Level.DEBUG);
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void includeAndExcludeDecideWhichClassesAreExamined() {
    AgentOptions options = AgentOptions.parse("include=com.acme.,exclude=com.acme.internal.", new Properties(), log);
    assertThat(options.admits("com.acme.Shop")).isTrue();
    assertThat(options.admits("com.acme.internal.Cache")).isFalse();
    assertThat(options.admits("org.other.Thing")).isFalse();
    assertThat(AgentOptions.parse(null, new Properties(), log).admits("org.other.Thing")).isTrue();
  }

  @Test
  void badOptionsAreReportedAndIgnored() {
    AgentOptions options = AgentOptions.parse("colour=blue,dump=,log=loud", new Properties(), log);

    assertThat(options.dump()).isNull();
    assertThat(options.level()).isEqualTo(AgentLog.Level.INFO);
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "[posa4j] unknown agent option 'colour=blue'; ignored (options: config, include, exclude, dump, log)",
        "[posa4j] agent option 'dump' has no value; ignored (write dump=<value>)",
        "[posa4j] agent option log=loud is not a level; using info (levels: off, error, warn, info, debug)");
  }

  @Test
  void logOffSilencesTheAgent() {
    AgentOptions.parse("log=off", new Properties(), log);
    log.error("not shown");
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void everyOptionWorksAsASystemPropertyAndAnUnknownOneIsReported() {
    Properties properties = new Properties();
    properties.setProperty("posa4j.agent.config", "keys.properties");
    properties.setProperty("posa4j.agent.include", "com.acme.;org.legacy.");
    properties.setProperty("posa4j.agent.exclude", "com.acme.internal.");
    properties.setProperty("posa4j.agent.dump", "/tmp/woven");
    properties.setProperty("posa4j.agent.log", "warn");
    properties.setProperty("posa4j.agent.colour", "blue");

    AgentOptions options = AgentOptions.parse(null, properties, log);

    assertThat(options.config()).isEqualTo(Path.of("keys.properties"));
    assertThat(options.include()).containsExactly("com.acme.", "org.legacy.");
    assertThat(options.exclude()).containsExactly("com.acme.internal.");
    assertThat(options.dump()).isEqualTo(Path.of("/tmp/woven"));
    assertThat(options.level()).isEqualTo(AgentLog.Level.WARN);
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "[posa4j] unknown agent option -Dposa4j.agent.colour; ignored (options: posa4j.agent.config, include, exclude, dump, log)");
  }
}

package io.github.posa4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources of configuration, their order, and the errors for values that do not parse. */
class ConfigTest {

  @Test
  void firstSourceThatHasTheKeyWins() {
    Config config = Config.of(
        ConfigSources.of("first", Map.of("Retry/maxRetries", "1")),
        ConfigSources.of("second", Map.of("Retry/maxRetries", "2", "Retry/delay", "30")));

    assertThat(config.get("Retry/maxRetries")).get()
        .isEqualTo(new ConfigValue("Retry/maxRetries", "1", "first"));
    assertThat(config.get("Retry/delay")).get().extracting(ConfigValue::source).isEqualTo("second");
    assertThat(config.get("Retry/jitter")).isEmpty();
  }

  @Test
  void environmentVariablesAreFoundUnderTheirMicroProfileNames() {
    ConfigSource env = ConfigSources.environment(Map.of(
        "COM_ACME_PAY_CHARGE_RETRY_MAXRETRIES", "7",
        "Timeout_value", "300",
        "Bulkhead/value", "4"));

    assertThat(env.value("com.acme.Pay/charge/Retry/maxRetries")).isEqualTo("7");
    assertThat(env.value("Timeout/value")).isEqualTo("300");
    assertThat(env.value("Bulkhead/value")).isEqualTo("4");
    assertThat(env.value("Bulkhead/waitingTaskQueue")).isNull();
  }

  @Test
  void systemPropertiesComeBeforeTheEnvironment() {
    String key = "posa4j.test/" + getClass().getName() + "/Retry/maxRetries";
    System.setProperty(key, "5");
    try {
      Config config = Config.of(ConfigSources.systemProperties(),
          ConfigSources.environment(Map.of(key, "9")));
      assertThat(config.get(key)).get().extracting(ConfigValue::value, ConfigValue::source)
          .containsExactly("5", "system properties");
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void theStandardConfigurationReadsTheFileNamedBySystemProperty(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("posa4j.properties");
    Files.writeString(file, "com.acme.Pay/charge/Retry/maxRetries=11\n");
    System.setProperty(Config.FILE_PROPERTY, file.toString());
    try {
      Config config = Config.standard(getClass().getClassLoader());
      assertThat(config.get("com.acme.Pay/charge/Retry/maxRetries")).get()
          .extracting(ConfigValue::value, ConfigValue::source)
          .containsExactly("11", "file " + file);
    } finally {
      System.clearProperty(Config.FILE_PROPERTY);
    }
  }

  @Test
  void aMissingFileIsAClearErrorNamingThePropertyToFix(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");
    System.setProperty(Config.FILE_PROPERTY, missing.toString());
    try {
      assertThatThrownBy(() -> Config.standard(getClass().getClassLoader()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(missing.toString())
          .hasMessageContaining("-Dposa4j.config");
    } finally {
      System.clearProperty(Config.FILE_PROPERTY);
    }
  }

  @Test
  void classPathResourcesAreMergedFirstOneWinning(@TempDir Path dir) throws IOException {
    Path first = writeResource(dir.resolve("first"), "Retry/maxRetries=1\nRetry/delay=10\n");
    Path second = writeResource(dir.resolve("second"), "Retry/maxRetries=2\nTimeout/value=99\n");
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {first.toUri().toURL(), second.toUri().toURL()}, null)) {
      ConfigSource source = ConfigSources.classpath(loader);
      assertThat(source.value("Retry/maxRetries")).isEqualTo("1");
      assertThat(source.value("Retry/delay")).isEqualTo("10");
      assertThat(source.value("Timeout/value")).isEqualTo("99");
      assertThat(source.name()).contains("META-INF/posa4j.properties");
    }
  }

  @Test
  void valuesParseToTheirTypes() {
    assertThat(value("42").asInt()).isEqualTo(42);
    assertThat(value(" 42 ").asLong()).isEqualTo(42L);
    assertThat(value("0.75").asDouble()).isEqualTo(0.75);
    assertThat(value("TRUE").asBoolean()).isTrue();
    assertThat(value("false").asBoolean()).isFalse();
    assertThat(value("seconds").asUnit()).isEqualTo(ChronoUnit.SECONDS);
    assertThat(value("java.io.IOException, java.lang.IllegalStateException")
        .asThrowableClasses(getClass().getClassLoader()))
        .containsExactly(IOException.class, IllegalStateException.class);
    assertThat(value("").asThrowableClasses(getClass().getClassLoader())).isEmpty();
  }

  @Test
  void badValuesNameTheKeyTheValueAndTheSource() {
    assertThatThrownBy(() -> value("ten").asInt())
        .isInstanceOf(ConfigException.class)
        .hasMessage("com.acme.Pay/charge/Retry/maxRetries=ten (from test source): not an integer");
    assertThatThrownBy(() -> value("1.5x").asDouble()).hasMessageEndingWith("not a number");
    assertThatThrownBy(() -> value("yes").asBoolean()).hasMessageEndingWith("not true or false");
    assertThatThrownBy(() -> value("fortnights").asUnit())
        .hasMessageContaining("fortnights (from test source): unknown time unit; use one of NANOS,");
    assertThatThrownBy(() -> value("com.acme.NoSuchException").asThrowableClasses(getClass().getClassLoader()))
        .hasMessageContaining("class com.acme.NoSuchException not found");
    assertThatThrownBy(() -> value("java.lang.String").asThrowableClasses(getClass().getClassLoader()))
        .hasMessageContaining("java.lang.String is not a Throwable");
  }

  private static ConfigValue value(String text) {
    return new ConfigValue("com.acme.Pay/charge/Retry/maxRetries", text, "test source");
  }

  private static Path writeResource(Path root, String content) throws IOException {
    Path file = root.resolve(ConfigSources.CLASSPATH_RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return root;
  }
}

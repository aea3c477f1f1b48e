package io.github.posa4j.agent;

import io.github.posa4j.config.ConfigSource;
import io.github.posa4j.config.ConfigSources;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's {@code config=<file>}: a properties file of posa4j's configuration keys. Unlike a
 * {@link ConfigSource}, the agent needs its keys, to find the methods they name.
 *
 * @param source the values, as a configuration source
 * @param keys every key of the file
 */
record AgentFile(ConfigSource source, Set<String> keys) {

  static AgentFile read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      values.put(key, properties.getProperty(key));
    }
    return new AgentFile(ConfigSources.of("file " + file, values), Set.copyOf(values.keySet()));
  }
}

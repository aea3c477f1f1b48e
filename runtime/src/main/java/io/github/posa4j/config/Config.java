package io.github.posa4j.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of {@link ConfigSource}s: a key's value comes from the first source that has it.
 *
 * <p>{@link #standard(ClassLoader)} is what posa4j uses: system properties, then environment
 * variables, then the file named by {@code -Dposa4j.config=<path>}, then
 * {@code META-INF/posa4j.properties} on the class path.
 */
public final class Config {
  /** The system property naming a properties file. */
  public static final String FILE_PROPERTY = "posa4j.config";

  private final List<ConfigSource> sources;

  private Config(List<ConfigSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** A configuration of the given sources, first wins. */
  public static Config of(ConfigSource... sources) {
    return new Config(List.of(sources));
  }

  /** A configuration without any value. */
  public static Config empty() {
    return new Config(List.of());
  }

  /**
   * The standard sources as they are now, with the class-path resources visible to {@code loader}.
   *
   * @throws ConfigException when {@code -Dposa4j.config} names a file that cannot be read
   */
  public static Config standard(ClassLoader loader) {
    List<ConfigSource> sources = new ArrayList<>();
    sources.add(ConfigSources.systemProperties());
    sources.add(ConfigSources.environment());
    String file = System.getProperty(FILE_PROPERTY);
    if (file != null && !file.isBlank()) {
      sources.add(ConfigSources.file(Path.of(file.trim())));
    }
    sources.add(ConfigSources.classpath(loader));
    return new Config(sources);
  }

  /** The value of {@code key} from the first source that has it. */
  public Optional<ConfigValue> get(String key) {
    for (ConfigSource source : sources) {
      String value = source.value(key);
      if (value != null) {
        return Optional.of(new ConfigValue(key, value, source.name()));
      }
    }
    return Optional.empty();
  }

  /** The sources, first first. */
  public List<ConfigSource> sources() {
    return sources;
  }
}

package io.github.posa4j.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The standard {@link ConfigSource}s. */
public final class ConfigSources {
  /** The resource every jar on the class path may contribute. */
  public static final String CLASSPATH_RESOURCE = "META-INF/posa4j.properties";

  private ConfigSources() {}

  /** {@link System#getProperty(String)}, read at each lookup. */
  public static ConfigSource systemProperties() {
    return new ConfigSource() {
      @Override
      public String name() {
        return "system properties";
      }

      @Override
      public String value(String key) {
        return System.getProperty(key);
      }
    };
  }

  /** The environment variables of this process. */
  public static ConfigSource environment() {
    return environment(System.getenv());
  }

  /**
   * Environment variables, looked up as MicroProfile Config does: the key itself, then with every
   * character that is not a letter or digit replaced by {@code _}, then that in upper case. So
   * {@code Retry/maxRetries} is also found as {@code RETRY_MAXRETRIES}.
   */
  public static ConfigSource environment(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return new ConfigSource() {
      @Override
      public String name() {
        return "environment variables";
      }

      @Override
      public String value(String key) {
        String value = copy.get(key);
        if (value != null) {
          return value;
        }
        String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
        value = copy.get(sanitized);
        return value != null ? value : copy.get(sanitized.toUpperCase(Locale.ROOT));
      }
    };
  }

  /** The properties in {@code file}, read now. */
  public static ConfigSource file(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("posa4j config file " + file + " cannot be read (" + e
          + "); fix the path given with -D" + Config.FILE_PROPERTY + " or remove that property", e);
    }
    return of("file " + file, toMap(properties));
  }

  /**
   * Every {@value #CLASSPATH_RESOURCE} visible to {@code loader}, read now; when several define a
   * key, the first on the class path wins.
   */
  public static ConfigSource classpath(ClassLoader loader) {
    Map<String, String> values = new HashMap<>();
    try {
      Enumeration<URL> resources = loader == null
          ? ClassLoader.getSystemResources(CLASSPATH_RESOURCE)
          : loader.getResources(CLASSPATH_RESOURCE);
      while (resources.hasMoreElements()) {
        URL url = resources.nextElement();
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
          properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
          throw new ConfigException(url + " cannot be read (" + e + "); fix or remove it", e);
        }
        toMap(properties).forEach(values::putIfAbsent);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot list " + CLASSPATH_RESOURCE + " on the class path (" + e + ")", e);
    }
    return of("class path " + CLASSPATH_RESOURCE, values);
  }

  /** A fixed map of values, named {@code name} in messages. Handy for tests and embedding. */
  public static ConfigSource of(String name, Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new ConfigSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String value(String key) {
        return copy.get(key);
      }
    };
  }

  private static Map<String, String> toMap(Properties properties) {
    Map<String, String> map = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      map.put(name, properties.getProperty(name));
    }
    return map;
  }
}

package io.github.posa4j.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's options, from its argument string ({@code -javaagent:posa4j-agent.jar=<options>})
 * and from {@code posa4j.agent.<option>} system properties; an argument beats a property.
 *
 * <p>Arguments are {@code name=value} pairs separated by commas. {@code include} and
 * {@code exclude} take package prefixes separated by {@code ;}, or may be repeated:
 * {@code include=com.acme.;org.legacy.} and {@code include=com.acme.,include=org.legacy.} mean the
 * same. In system properties the prefixes may also be separated by commas.
 *
 * <ul>
 *   <li>{@code config=<file>}: a properties file of configuration keys;
 *   <li>{@code include=<prefixes>}: examine only classes whose names start with one of them;
 *   <li>{@code exclude=<prefixes>}: never examine these;
 *   <li>{@code dump=<dir>}: write each woven class file there;
 *   <li>{@code log=off|error|warn|info|debug}: how much to say (default {@code info}).
 * </ul>
 *
 * An unknown option or a bad value is reported as one log line and otherwise ignored.
 */
record AgentOptions(Path config, List<String> include, List<String> exclude, Path dump, AgentLog.Level level) {
  static final String PROPERTY_PREFIX = "posa4j.agent.";
  private static final List<String> NAMES = List.of("config", "include", "exclude", "dump", "log");

  AgentOptions {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Parses {@code arguments} (may be null) over {@code properties}, reporting problems to {@code log}. */
  static AgentOptions parse(String arguments, Properties properties, AgentLog log) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String property : properties.stringPropertyNames()) {
      if (property.startsWith(PROPERTY_PREFIX) && !NAMES.contains(property.substring(PROPERTY_PREFIX.length()))) {
        log.warn("unknown agent option -D" + property + "; ignored (options: " + PROPERTY_PREFIX + "config, include, exclude, "
            + "dump, log)");
      }
    }
    for (String name : NAMES) {
      String property = properties.getProperty(PROPERTY_PREFIX + name);
      if (property != null && !property.isBlank()) {
        values.put(name, new ArrayList<>(List.of(property.trim())));
      }
    }
    Map<String, List<String>> fromArguments = new LinkedHashMap<>();
    if (arguments != null && !arguments.isBlank()) {
      for (String pair : arguments.split(",")) {
        String trimmed = pair.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        int equals = trimmed.indexOf('=');
        String name = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
        String value = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
        if (!NAMES.contains(name)) {
          log.warn("unknown agent option '" + trimmed + "'; ignored (options: config, include, exclude, dump, log)");
        } else if (value.isEmpty()) {
          log.warn("agent option '" + name + "' has no value; ignored (write " + name + "=<value>)");
        } else {
          fromArguments.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
      }
    }
    values.putAll(fromArguments);

    AgentLog.Level level = AgentLog.Level.INFO;
    if (values.containsKey("log")) {
      String value = last(values.get("log"));
      try {
        level = AgentLog.Level.parse(value);
      } catch (IllegalArgumentException e) {
        log.warn("agent option log=" + value + " is not a level; using info (levels: off, error, warn, info, debug)");
      }
    }
    log.level(level);
    return new AgentOptions(
        values.containsKey("config") ? Path.of(last(values.get("config"))) : null,
        prefixes(values.get("include")),
        prefixes(values.get("exclude")),
        values.containsKey("dump") ? Path.of(last(values.get("dump"))) : null,
        level);
  }

  /** Whether a class of this binary name may be examined under {@code include} and {@code exclude}. */
  boolean admits(String className) {
    for (String prefix : exclude) {
      if (className.startsWith(prefix)) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (String prefix : include) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String last(List<String> values) {
    return values.get(values.size() - 1);
  }

  private static List<String> prefixes(List<String> values) {
    List<String> prefixes = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String prefix : value.split("[;,]")) {
          if (!prefix.isBlank()) {
            prefixes.add(prefix.trim());
          }
        }
      }
    }
    return prefixes;
  }
}

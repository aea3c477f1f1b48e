package io.github.posa4j.config;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A configuration value with its key and the name of its source, so that a value that does not
 * parse gives a {@link ConfigException} saying where it came from.
 *
 * @param key the key it was found under
 * @param value the raw text
 * @param source the name of the source that had it
 */
public record ConfigValue(String key, String value, String source) {

  /** The value as an {@code int}. */
  public int asInt() {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid("not an integer");
    }
  }

  /** The value as a {@code long}. */
  public long asLong() {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid("not an integer");
    }
  }

  /** The value as a {@code double}. */
  public double asDouble() {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw invalid("not a number");
    }
  }

  /** The value as a {@code boolean}: {@code true} or {@code false}, in any case. */
  public boolean asBoolean() {
    String text = value.trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid("not true or false");
  }

  /** The value as a {@link ChronoUnit} name, in any case, e.g. {@code MILLIS} or {@code seconds}. */
  public ChronoUnit asUnit() {
    try {
      return ChronoUnit.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("unknown time unit; use one of " + Arrays.stream(ChronoUnit.values())
          .map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  /**
   * The value as a comma-separated list of {@code Throwable} classes, loaded through
   * {@code loader}; an empty value is an empty list.
   */
  @SuppressWarnings("unchecked")
  public Class<? extends Throwable>[] asThrowableClasses(ClassLoader loader) {
    List<Class<? extends Throwable>> classes = new ArrayList<>();
    for (String name : value.split(",")) {
      String className = name.trim();
      if (className.isEmpty()) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw invalid("class " + className + " not found; use fully qualified names separated by commas");
      }
      if (!Throwable.class.isAssignableFrom(type)) {
        throw invalid(className + " is not a Throwable");
      }
      classes.add((Class<? extends Throwable>) type);
    }
    return classes.toArray(new Class[0]);
  }

  /** A {@link ConfigException} about this value with the given reason. */
  public ConfigException invalid(String reason) {
    return new ConfigException(key + "=" + value + " (from " + source + "): " + reason);
  }
}

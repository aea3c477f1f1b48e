package io.github.posa4j.config;

/**
 * One place configuration values come from. See {@link ConfigSources} for the standard ones.
 */
public interface ConfigSource {

  /** A name for messages, e.g. {@code system properties} or {@code file /etc/app/posa4j.properties}. */
  String name();

  /** The value of {@code key}, or {@code null} when this source does not have it. */
  String value(String key);
}

package io.github.posa4j.config;

/**
 * A configuration value that cannot be used. The message names the key, the value, the source it
 * came from and what would be valid.
 */
public class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a complete message. */
  public ConfigException(String message) {
    super(message);
  }

  /** Creates the exception with a complete message and the cause. */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

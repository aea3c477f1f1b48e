package io.github.posa4j.agent;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The agent's log: one line per message on standard error, each starting with {@code [posa4j]},
 * filtered by the {@code log} option. The agent logs through this and nothing else, so it never
 * depends on the application's logging setup.
 */
final class AgentLog {

  /** How much the agent says, least first. */
  enum Level {
    OFF, ERROR, WARN, INFO, DEBUG;

    static Level parse(String value) {
      return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final PrintStream out;
  private volatile Level level;

  AgentLog(PrintStream out, Level level) {
    this.out = out;
    this.level = level;
  }

  void level(Level level) {
    this.level = level;
  }

  boolean enabled(Level wanted) {
    return wanted != Level.OFF && wanted.ordinal() <= level.ordinal();
  }

  void error(String message) {
    log(Level.ERROR, message);
  }

  void warn(String message) {
    log(Level.WARN, message);
  }

  void info(String message) {
    log(Level.INFO, message);
  }

  void debug(String message) {
    log(Level.DEBUG, message);
  }

  private void log(Level wanted, String message) {
    if (enabled(wanted)) {
      out.println("[posa4j] " + message);
    }
  }
}

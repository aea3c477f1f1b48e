package io.github.posa4j.resilience;

import io.github.posa4j.annotation.Timeout;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The settings of a timeout, with the attributes and defaults of {@link Timeout}. */
public final class TimeoutPolicy implements Policy {
  private final long value;
  private final ChronoUnit unit;

  private TimeoutPolicy(long value, ChronoUnit unit) {
    this.value = value;
    this.unit = unit;
  }

  /** A timeout of {@code value} {@code unit}s; {@code 0} means none. */
  public static TimeoutPolicy of(long value, ChronoUnit unit) {
    return new TimeoutPolicy(value, java.util.Objects.requireNonNull(unit, "unit"));
  }

  /** A timeout of the given duration. */
  public static TimeoutPolicy of(Duration timeout) {
    return new TimeoutPolicy(timeout.toNanos(), ChronoUnit.NANOS);
  }

  /** The timeout of {@code annotation}. */
  public static TimeoutPolicy of(Timeout annotation) {
    return new TimeoutPolicy(annotation.value(), annotation.unit());
  }

  /** The longest a call may run; {@link Duration#ZERO} means no timeout. */
  public Duration timeout() {
    return Duration.ofNanos(nanos());
  }

  long nanos() {
    return Durations.toNanos(value, unit);
  }

  void validate(String method) {
    InvalidPolicyException.check(value >= 0, "Timeout.value", value, method, "must be >= 0 (0 for no timeout)");
  }

  @Override
  public String toString() {
    return "Timeout(" + value + " " + unit + ")";
  }
}

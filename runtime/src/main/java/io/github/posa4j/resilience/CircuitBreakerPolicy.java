package io.github.posa4j.resilience;

import io.github.posa4j.annotation.CircuitBreaker;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a circuit breaker: an immutable value with one builder method per attribute of
 * {@link CircuitBreaker}, and the same defaults. It is checked when a {@link FaultTolerance} is
 * built, where the method's name is known for the message.
 */
public final class CircuitBreakerPolicy implements Policy {
  private final ExceptionFilter failures;
  private final long delay;
  private final ChronoUnit delayUnit;
  private final int requestVolumeThreshold;
  private final double failureRatio;
  private final int successThreshold;

  private CircuitBreakerPolicy(Builder builder) {
    this.failures = new ExceptionFilter(builder.failOn, builder.skipOn);
    this.delay = builder.delay;
    this.delayUnit = builder.delayUnit;
    this.requestVolumeThreshold = builder.requestVolumeThreshold;
    this.failureRatio = builder.failureRatio;
    this.successThreshold = builder.successThreshold;
  }

  /** A builder with the defaults of {@link CircuitBreaker}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding the attributes of {@code annotation}. */
  public static Builder builder(CircuitBreaker annotation) {
    return builder()
        .failOn(annotation.failOn())
        .skipOn(annotation.skipOn())
        .delay(annotation.delay())
        .delayUnit(annotation.delayUnit())
        .requestVolumeThreshold(annotation.requestVolumeThreshold())
        .failureRatio(annotation.failureRatio())
        .successThreshold(annotation.successThreshold());
  }

  /** The exceptions that count as failures. */
  public List<Class<? extends Throwable>> failOn() {
    return failures.on();
  }

  /** The exceptions that count as successes although they match {@link #failOn()}. */
  public List<Class<? extends Throwable>> skipOn() {
    return failures.skip();
  }

  /** How long the breaker stays open. */
  public Duration delay() {
    return Duration.ofNanos(Durations.toNanos(delay, delayUnit));
  }

  /** The size of the rolling window. */
  public int requestVolumeThreshold() {
    return requestVolumeThreshold;
  }

  /** The failure ratio in a full window at which the breaker opens. */
  public double failureRatio() {
    return failureRatio;
  }

  /** The number of successful trial calls that close a half-open breaker. */
  public int successThreshold() {
    return successThreshold;
  }

  boolean isFailure(Throwable outcome) {
    return failures.matches(outcome);
  }

  long delayNanos() {
    return Durations.toNanos(delay, delayUnit);
  }

  void validate(String method) {
    InvalidPolicyException.check(delay >= 0, "CircuitBreaker.delay", delay, method, "must be >= 0");
    InvalidPolicyException.check(requestVolumeThreshold >= 1,
        "CircuitBreaker.requestVolumeThreshold", requestVolumeThreshold, method, "must be >= 1");
    InvalidPolicyException.check(failureRatio >= 0 && failureRatio <= 1,
        "CircuitBreaker.failureRatio", failureRatio, method, "must be in [0,1]");
    InvalidPolicyException.check(successThreshold >= 1,
        "CircuitBreaker.successThreshold", successThreshold, method, "must be >= 1");
  }

  @Override
  public String toString() {
    return "CircuitBreaker(failOn=" + failures + ", delay=" + delay + " " + delayUnit
        + ", requestVolumeThreshold=" + requestVolumeThreshold + ", failureRatio=" + failureRatio
        + ", successThreshold=" + successThreshold + ")";
  }

  /** Builds a {@link CircuitBreakerPolicy}; every attribute starts at its MicroProfile default. */
  public static final class Builder {
    private Class<? extends Throwable>[] failOn = ExceptionFilter.classes(Throwable.class);
    private Class<? extends Throwable>[] skipOn = ExceptionFilter.classes();
    private long delay = 5000;
    private ChronoUnit delayUnit = ChronoUnit.MILLIS;
    private int requestVolumeThreshold = 20;
    private double failureRatio = 0.5;
    private int successThreshold = 1;

    private Builder() {}

    /** The exceptions that count as failures. Default: {@code Throwable}. */
    @SafeVarargs
    public final Builder failOn(Class<? extends Throwable>... failOn) {
      this.failOn = failOn.clone();
      return this;
    }

    /** The exceptions that count as successes even when they match {@code failOn}. Default: none. */
    @SafeVarargs
    public final Builder skipOn(Class<? extends Throwable>... skipOn) {
      this.skipOn = skipOn.clone();
      return this;
    }

    /** How long the breaker stays open, in {@link #delayUnit}. Default: 5000. */
    public Builder delay(long delay) {
      this.delay = delay;
      return this;
    }

    /** The unit of {@link #delay(long)}. Default: {@code MILLIS}. */
    public Builder delayUnit(ChronoUnit delayUnit) {
      this.delayUnit = Objects.requireNonNull(delayUnit, "delayUnit");
      return this;
    }

    /** How long the breaker stays open. */
    public Builder delay(Duration delay) {
      return delay(delay.toNanos()).delayUnit(ChronoUnit.NANOS);
    }

    /** The size of the rolling window. Default: 20. */
    public Builder requestVolumeThreshold(int requestVolumeThreshold) {
      this.requestVolumeThreshold = requestVolumeThreshold;
      return this;
    }

    /** The failure ratio in a full window at which the breaker opens. Default: 0.5. */
    public Builder failureRatio(double failureRatio) {
      this.failureRatio = failureRatio;
      return this;
    }

    /** The number of successful trial calls that close a half-open breaker. Default: 1. */
    public Builder successThreshold(int successThreshold) {
      this.successThreshold = successThreshold;
      return this;
    }

    /** The policy; its attributes are checked when it becomes part of a {@link FaultTolerance}. */
    public CircuitBreakerPolicy build() {
      return new CircuitBreakerPolicy(this);
    }
  }
}

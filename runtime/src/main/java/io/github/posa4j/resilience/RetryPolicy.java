package io.github.posa4j.resilience;

import io.github.posa4j.annotation.Retry;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The settings of a retry: an immutable value with one builder method per attribute of
 * {@link Retry}, and the same defaults.
 */
public final class RetryPolicy implements Policy {
  private final int maxRetries;
  private final long delay;
  private final ChronoUnit delayUnit;
  private final long maxDuration;
  private final ChronoUnit durationUnit;
  private final long jitter;
  private final ChronoUnit jitterDelayUnit;
  private final ExceptionFilter retried;
  private final long delayNanos;
  private final long maxDurationNanos;
  private final long jitterNanos;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.delay = builder.delay;
    this.delayUnit = builder.delayUnit;
    this.maxDuration = builder.maxDuration;
    this.durationUnit = builder.durationUnit;
    this.jitter = builder.jitter;
    this.jitterDelayUnit = builder.jitterDelayUnit;
    this.retried = new ExceptionFilter(builder.retryOn, builder.abortOn);
    this.delayNanos = Durations.toNanos(delay, delayUnit);
    this.maxDurationNanos = Durations.toNanos(maxDuration, durationUnit);
    this.jitterNanos = Durations.toNanos(jitter, jitterDelayUnit);
  }

  /** A builder with the defaults of {@link Retry}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding the attributes of {@code annotation}. */
  public static Builder builder(Retry annotation) {
    return builder()
        .maxRetries(annotation.maxRetries())
        .delay(annotation.delay())
        .delayUnit(annotation.delayUnit())
        .maxDuration(annotation.maxDuration())
        .durationUnit(annotation.durationUnit())
        .jitter(annotation.jitter())
        .jitterDelayUnit(annotation.jitterDelayUnit())
        .retryOn(annotation.retryOn())
        .abortOn(annotation.abortOn());
  }

  /** The maximum number of retries; {@code -1} for no limit. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The pause before each retry, before jitter. */
  public Duration delay() {
    return Duration.ofNanos(delayNanos);
  }

  /** The longest time spent retrying, from the first failure; {@link Duration#ZERO} for no limit. */
  public Duration maxDuration() {
    return Duration.ofNanos(maxDurationNanos);
  }

  /** The largest random variation of each delay. */
  public Duration jitter() {
    return Duration.ofNanos(jitterNanos);
  }

  /** The failures that are retried. */
  public List<Class<? extends Throwable>> retryOn() {
    return retried.on();
  }

  /** The failures that are never retried. */
  public List<Class<? extends Throwable>> abortOn() {
    return retried.skip();
  }

  /**
   * The pause in nanoseconds before retry number {@code retry} (1 for the first retry) after
   * {@code failure}, or {@code -1} when there is to be no retry. {@code retryingSince} is the
   * {@link System#nanoTime()} of the first failure; the clock is read only with a maximum duration.
   */
  long nextDelayNanos(Throwable failure, int retry, long retryingSince) {
    if (maxRetries >= 0 && retry > maxRetries) {
      return -1;
    }
    if (!retried.matches(failure)) {
      return -1;
    }
    long pause = delayNanos;
    if (jitterNanos > 0) {
      pause = Math.max(0, pause + ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1));
    }
    if (maxDurationNanos > 0 && (System.nanoTime() - retryingSince) + pause >= maxDurationNanos) {
      return -1;
    }
    return pause;
  }

  boolean hasMaxDuration() {
    return maxDurationNanos > 0;
  }

  void validate(String method) {
    InvalidPolicyException.check(maxRetries >= -1, "Retry.maxRetries", maxRetries, method, "must be >= -1 (-1 retries forever)");
    InvalidPolicyException.check(delay >= 0, "Retry.delay", delay, method, "must be >= 0");
    InvalidPolicyException.check(maxDuration >= 0, "Retry.maxDuration", maxDuration, method, "must be >= 0 (0 for no limit)");
    InvalidPolicyException.check(jitter >= 0, "Retry.jitter", jitter, method, "must be >= 0");
    InvalidPolicyException.check(maxDurationNanos == 0 || maxDurationNanos > delayNanos,
        "Retry.maxDuration", maxDuration + " " + durationUnit, method,
        "must be 0 or longer than delay (" + delay + " " + delayUnit + ")");
  }

  @Override
  public String toString() {
    return "Retry(maxRetries=" + maxRetries + ", delay=" + delay + " " + delayUnit
        + ", maxDuration=" + maxDuration + " " + durationUnit + ", jitter=" + jitter + " "
        + jitterDelayUnit + ", retryOn=" + retried + ")";
  }

  /** Builds a {@link RetryPolicy}; every attribute starts at its MicroProfile default. */
  public static final class Builder {
    private int maxRetries = 3;
    private long delay = 0;
    private ChronoUnit delayUnit = ChronoUnit.MILLIS;
    private long maxDuration = 180_000;
    private ChronoUnit durationUnit = ChronoUnit.MILLIS;
    private long jitter = 200;
    private ChronoUnit jitterDelayUnit = ChronoUnit.MILLIS;
    private Class<? extends Throwable>[] retryOn = ExceptionFilter.classes(Exception.class);
    private Class<? extends Throwable>[] abortOn = ExceptionFilter.classes();

    private Builder() {}

    /** The maximum number of retries; {@code -1} for no limit. Default: 3. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The pause before each retry, in {@link #delayUnit}. Default: 0. */
    public Builder delay(long delay) {
      this.delay = delay;
      return this;
    }

    /** The unit of {@link #delay(long)}. Default: {@code MILLIS}. */
    public Builder delayUnit(ChronoUnit delayUnit) {
      this.delayUnit = Objects.requireNonNull(delayUnit, "delayUnit");
      return this;
    }

    /** The pause before each retry. */
    public Builder delay(Duration delay) {
      return delay(delay.toNanos()).delayUnit(ChronoUnit.NANOS);
    }

    /** The longest time spent retrying, in {@link #durationUnit}; 0 for no limit. Default: 180000. */
    public Builder maxDuration(long maxDuration) {
      this.maxDuration = maxDuration;
      return this;
    }

    /** The unit of {@link #maxDuration(long)}. Default: {@code MILLIS}. */
    public Builder durationUnit(ChronoUnit durationUnit) {
      this.durationUnit = Objects.requireNonNull(durationUnit, "durationUnit");
      return this;
    }

    /** The longest time spent retrying; {@link Duration#ZERO} for no limit. */
    public Builder maxDuration(Duration maxDuration) {
      return maxDuration(maxDuration.toNanos()).durationUnit(ChronoUnit.NANOS);
    }

    /** The largest random variation of each delay, in {@link #jitterDelayUnit}. Default: 200. */
    public Builder jitter(long jitter) {
      this.jitter = jitter;
      return this;
    }

    /** The unit of {@link #jitter(long)}. Default: {@code MILLIS}. */
    public Builder jitterDelayUnit(ChronoUnit jitterDelayUnit) {
      this.jitterDelayUnit = Objects.requireNonNull(jitterDelayUnit, "jitterDelayUnit");
      return this;
    }

    /** The largest random variation of each delay. */
    public Builder jitter(Duration jitter) {
      return jitter(jitter.toNanos()).jitterDelayUnit(ChronoUnit.NANOS);
    }

    /** The failures that are retried. Default: {@code Exception}. */
    @SafeVarargs
    public final Builder retryOn(Class<? extends Throwable>... retryOn) {
      this.retryOn = retryOn.clone();
      return this;
    }

    /** The failures that are never retried, even when they match {@code retryOn}. Default: none. */
    @SafeVarargs
    public final Builder abortOn(Class<? extends Throwable>... abortOn) {
      this.abortOn = abortOn.clone();
      return this;
    }

    /** The policy; its attributes are checked when it becomes part of a {@link FaultTolerance}. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}

package io.github.posa4j.benchmarks.agent;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import java.time.temporal.ChronoUnit;

/**
 * The annotated side of {@link WovenCallBenchmark}: the processor generates
 * {@code ResilientAnnotatedBackend extends AnnotatedBackend} from it, and leaves the marker that
 * tells the agent to keep its hands off these annotations. The policies are those of
 * {@code GuardedBackend} (and of {@code Policies}): retry 3 times without delay, jitter or maximum
 * duration; a breaker with a window of 100 that stays open an hour; a bulkhead of 10; plus, on
 * {@link #fetchWithTimeout()}, a timeout of 1 s. {@link #fail()} always throws, under the same retry and
 * bulkhead and a breaker that skips its exception, so every call makes 4 attempts. {@link PlainBackend} is the same class without
 * annotations, and {@code benchmarks/agent-keys.properties} gives it the same attribute values.
 */
public class AnnotatedBackend {
  private final Integer value;
  private int attempts;

  /** A backend whose calls return {@code value}, read from a field. */
  public AnnotatedBackend(Integer value) {
    this.value = value;
  }

  /** Retry + CircuitBreaker + Bulkhead around returning a field. */
  @Retry(maxRetries = 3, jitter = 0, maxDuration = 0)
  @CircuitBreaker(requestVolumeThreshold = 100, delay = 1, delayUnit = ChronoUnit.HOURS)
  @Bulkhead(10)
  public Integer fetch() {
    return value;
  }

  /** Retry + CircuitBreaker + Timeout (1 s) + Bulkhead around returning a field. */
  @Retry(maxRetries = 3, jitter = 0, maxDuration = 0)
  @CircuitBreaker(requestVolumeThreshold = 100, delay = 1, delayUnit = ChronoUnit.HOURS)
  @Timeout(1000)
  @Bulkhead(10)
  public Integer fetchWithTimeout() {
    return value;
  }

  /** Retry + CircuitBreaker (skipping the failure) + Bulkhead around a body that always throws. */
  @Retry(maxRetries = 3, jitter = 0, maxDuration = 0)
  @CircuitBreaker(requestVolumeThreshold = 100, delay = 1, delayUnit = ChronoUnit.HOURS, skipOn = BackendFailure.class)
  @Bulkhead(10)
  public Integer fail() {
    attempts++;
    throw BackendFailure.INSTANCE;
  }

  /** How many times {@link #fail()}'s body ran. */
  public int attempts() {
    return attempts;
  }
}

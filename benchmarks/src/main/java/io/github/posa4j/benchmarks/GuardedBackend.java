package io.github.posa4j.benchmarks;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Retry;
import java.time.temporal.ChronoUnit;

/**
 * The composed policies of {@link Policies} as annotations, for the processor to generate
 * {@code ResilientGuardedBackend} from: retry 3 times without delay, jitter or maximum duration;
 * a breaker with a window of 100 that stays open an hour; a bulkhead of 10.
 */
public interface GuardedBackend {

  /** The protected call. */
  @Retry(maxRetries = 3, jitter = 0, maxDuration = 0)
  @CircuitBreaker(requestVolumeThreshold = 100, delay = 1, delayUnit = ChronoUnit.HOURS)
  @Bulkhead(10)
  Integer fetch();
}

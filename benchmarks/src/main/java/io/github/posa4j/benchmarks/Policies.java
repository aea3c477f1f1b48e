package io.github.posa4j.benchmarks;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.RetryPolicy;
import io.github.posa4j.resilience.BulkheadPolicy;
import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The one place where the policies of the three libraries are configured, as alike as the
 * libraries allow.
 *
 * <pre>
 * Circuit breaker
 *   posa4j       window of the last 100 calls, judged only when full, opens at failure ratio 0.5,
 *                stays open 1 h, 1 successful trial call closes it; every Throwable is a failure.
 *   Resilience4j COUNT_BASED sliding window of 100, minimumNumberOfCalls 100,
 *                failureRateThreshold 50 %, waitDurationInOpenState 1 h, no automatic transition
 *                to half-open, 1 permitted call in half-open; every exception recorded (default);
 *                writableStackTraceEnabled false, because posa4j's rejections have no stack trace
 *                either (the default, true, would make Resilience4j's open path slower).
 *                Slow-call tracking stays at its defaults (it cannot be switched off).
 *   Failsafe     withFailureThreshold(50, 100): 50 failures among the last 100 executions
 *                (count based; unlike the others it may open before 100 calls), withDelay 1 h,
 *                withSuccessThreshold 1; handles every exception (default). Its
 *                CircuitBreakerOpenException always fills in a stack trace: no option.
 * Retry
 *   posa4j       maxRetries 3, delay 0, jitter 0, maxDuration 0 (none), retryOn Exception.
 *   Resilience4j maxAttempts 4 (= 1 call + 3 retries), waitDuration 0, retryExceptions Exception,
 *                the last exception is rethrown (failAfterMaxAttempts false, the default).
 *   Failsafe     withMaxRetries 3, no delay and no jitter (the defaults), handle Exception.
 * Bulkhead (semaphore style, the caller runs the body; nobody waits for a slot)
 *   posa4j       BulkheadPolicy.of(n) (its waiting queue serves only asynchronous calls).
 *   Resilience4j SemaphoreBulkhead, maxConcurrentCalls n, maxWaitDuration 0,
 *                writableStackTraceEnabled false (as for the breaker); fair semaphore (default).
 *   Failsafe     Bulkhead.builder(n).withMaxWaitTime(0); its BulkheadFullException always has a
 *                stack trace.
 *   n = 10 (MicroProfile's default) on the success path, 1 on the failure path.
 * Composition: Retry(CircuitBreaker(Bulkhead(call))) in all three, posa4j's fixed order: each
 * attempt is seen by the breaker, and a rejection by the breaker or bulkhead is retried.
 * </pre>
 */
final class Policies {
  /** The size of every breaker's window: large, so that nothing opens by accident. */
  static final int WINDOW = 100;
  /** Retries after the first attempt. */
  static final int MAX_RETRIES = 3;
  /** How long an open breaker stays open: longer than any run. */
  static final Duration OPEN_FOR = Duration.ofHours(1);
  /** Bulkhead slots on the success path. */
  static final int SLOTS = 10;

  private Policies() {}

  // ------------------------------------------------------------------ posa4j

  static CircuitBreakerPolicy posa4jCircuitBreaker() {
    return CircuitBreakerPolicy.builder()
        .requestVolumeThreshold(WINDOW)
        .failureRatio(0.5)
        .delay(OPEN_FOR.toMillis())
        .delayUnit(ChronoUnit.MILLIS)
        .successThreshold(1)
        .build();
  }

  static io.github.posa4j.resilience.RetryPolicy posa4jRetry() {
    return io.github.posa4j.resilience.RetryPolicy.builder()
        .maxRetries(MAX_RETRIES)
        .delay(0)
        .jitter(0)
        .maxDuration(0)
        .retryOn(Exception.class)
        .build();
  }

  static BulkheadPolicy posa4jBulkhead(int slots) {
    return BulkheadPolicy.of(slots);
  }

  // ------------------------------------------------------------------ Resilience4j

  static io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4jCircuitBreaker() {
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(WINDOW)
        .minimumNumberOfCalls(WINDOW)
        .failureRateThreshold(50)
        .waitDurationInOpenState(OPEN_FOR)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .permittedNumberOfCallsInHalfOpenState(1)
        .writableStackTraceEnabled(false)
        .build();
    return io.github.resilience4j.circuitbreaker.CircuitBreaker.of("benchmark", config);
  }

  static io.github.resilience4j.retry.Retry resilience4jRetry() {
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(1 + MAX_RETRIES)
        .waitDuration(Duration.ZERO)
        .retryExceptions(Exception.class)
        .build();
    return io.github.resilience4j.retry.Retry.of("benchmark", config);
  }

  static io.github.resilience4j.bulkhead.Bulkhead resilience4jBulkhead(int slots) {
    BulkheadConfig config = BulkheadConfig.custom()
        .maxConcurrentCalls(slots)
        .maxWaitDuration(Duration.ZERO)
        .writableStackTraceEnabled(false)
        .build();
    return io.github.resilience4j.bulkhead.Bulkhead.of("benchmark", config);
  }

  // ------------------------------------------------------------------ Failsafe

  static CircuitBreaker<Integer> failsafeCircuitBreaker() {
    return CircuitBreaker.<Integer>builder()
        .withFailureThreshold(WINDOW / 2, WINDOW)
        .withDelay(OPEN_FOR)
        .withSuccessThreshold(1)
        .build();
  }

  static RetryPolicy<Integer> failsafeRetry() {
    return RetryPolicy.<Integer>builder()
        .handle(Exception.class)
        .withMaxRetries(MAX_RETRIES)
        .build();
  }

  static Bulkhead<Integer> failsafeBulkhead(int slots) {
    return Bulkhead.<Integer>builder(slots)
        .withMaxWaitTime(Duration.ZERO)
        .build();
  }
}

package io.github.posa4j.resilience;

/**
 * One resilience policy of a {@link FaultTolerance}: its settings, an immutable value. The
 * permitted kinds are exactly the five resilience patterns and {@link LeaderOnlyPolicy}, so a
 * {@code switch} over them is exhaustive.
 */
public sealed interface Policy
    permits CircuitBreakerPolicy, RetryPolicy, TimeoutPolicy, BulkheadPolicy, FallbackPolicy, LeaderOnlyPolicy {}

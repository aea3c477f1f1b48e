package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attribute ranges MicroProfile Fault Tolerance declares invalid (TCK {@code invalidParameters}
 * package: {@code InvalidRetry*}, {@code InvalidCircuitBreaker*}, {@code InvalidTimeout*},
 * {@code InvalidBulkhead*}): {@link FaultTolerance.Builder#build()} rejects each with an
 * {@link InvalidPolicyException} whose message names the attribute, its value, the method and
 * the allowed range. The values at the edge of each range are accepted.
 */
class InvalidPolicyTest {
  private static final String METHOD = "com.acme.Pay/charge";

  private static Arguments invalid(String name, UnaryOperator<FaultTolerance.Builder> policy, String message) {
    return Arguments.of(name, policy, message);
  }

  private static UnaryOperator<FaultTolerance.Builder> retry(UnaryOperator<RetryPolicy.Builder> attributes) {
    return builder -> builder.retry(attributes.apply(RetryPolicy.builder()).build());
  }

  private static UnaryOperator<FaultTolerance.Builder> circuitBreaker(
      UnaryOperator<CircuitBreakerPolicy.Builder> attributes) {
    return builder -> builder.circuitBreaker(attributes.apply(CircuitBreakerPolicy.builder()).build());
  }

  static Stream<Arguments> invalidPolicies() {
    return Stream.of(
        invalid("Retry.maxRetries below -1", retry(r -> r.maxRetries(-2)),
            "Retry.maxRetries=-2 on " + METHOD + ": must be >= -1 (-1 retries forever)"),
        invalid("Retry.delay negative", retry(r -> r.delay(-1)),
            "Retry.delay=-1 on " + METHOD + ": must be >= 0"),
        invalid("Retry.maxDuration negative", retry(r -> r.maxDuration(-1)),
            "Retry.maxDuration=-1 on " + METHOD + ": must be >= 0 (0 for no limit)"),
        invalid("Retry.jitter negative", retry(r -> r.jitter(-1)),
            "Retry.jitter=-1 on " + METHOD + ": must be >= 0"),
        invalid("Retry.maxDuration shorter than delay", retry(r -> r.delay(1000).maxDuration(500)),
            "Retry.maxDuration=500 Millis on " + METHOD + ": must be 0 or longer than delay (1000 Millis)"),
        invalid("Retry.maxDuration equal to delay", retry(r -> r.delay(500).maxDuration(500)),
            "Retry.maxDuration=500 Millis on " + METHOD + ": must be 0 or longer than delay (500 Millis)"),
        invalid("Retry.maxDuration shorter than delay in other units",
            retry(r -> r.delay(2000).delayUnit(ChronoUnit.MILLIS).maxDuration(1).durationUnit(ChronoUnit.SECONDS)),
            "Retry.maxDuration=1 Seconds on " + METHOD + ": must be 0 or longer than delay (2000 Millis)"),
        invalid("CircuitBreaker.delay negative", circuitBreaker(c -> c.delay(-1)),
            "CircuitBreaker.delay=-1 on " + METHOD + ": must be >= 0"),
        invalid("CircuitBreaker.requestVolumeThreshold zero", circuitBreaker(c -> c.requestVolumeThreshold(0)),
            "CircuitBreaker.requestVolumeThreshold=0 on " + METHOD + ": must be >= 1"),
        invalid("CircuitBreaker.failureRatio above 1", circuitBreaker(c -> c.failureRatio(1.5)),
            "CircuitBreaker.failureRatio=1.5 on " + METHOD + ": must be in [0,1]"),
        invalid("CircuitBreaker.failureRatio negative", circuitBreaker(c -> c.failureRatio(-0.1)),
            "CircuitBreaker.failureRatio=-0.1 on " + METHOD + ": must be in [0,1]"),
        invalid("CircuitBreaker.failureRatio NaN", circuitBreaker(c -> c.failureRatio(Double.NaN)),
            "CircuitBreaker.failureRatio=NaN on " + METHOD + ": must be in [0,1]"),
        invalid("CircuitBreaker.successThreshold zero", circuitBreaker(c -> c.successThreshold(0)),
            "CircuitBreaker.successThreshold=0 on " + METHOD + ": must be >= 1"),
        invalid("Timeout.value negative", builder -> builder.timeout(TimeoutPolicy.of(-1, ChronoUnit.MILLIS)),
            "Timeout.value=-1 on " + METHOD + ": must be >= 0 (0 for no timeout)"),
        invalid("Bulkhead.value zero", builder -> builder.bulkhead(BulkheadPolicy.of(0)),
            "Bulkhead.value=0 on " + METHOD + ": must be >= 1"),
        invalid("Bulkhead.waitingTaskQueue zero", builder -> builder.bulkhead(BulkheadPolicy.of(1, 0)),
            "Bulkhead.waitingTaskQueue=0 on " + METHOD + ": must be >= 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPolicies")
  void buildRejectsAnAttributeOutOfRange(String name, UnaryOperator<FaultTolerance.Builder> policy, String message) {
    FaultTolerance.Builder builder = policy.apply(FaultTolerance.builder(METHOD));

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidPolicyException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> policiesAtTheEdgeOfTheirRanges() {
    return Stream.of(
        Arguments.of("Retry.maxRetries -1 (forever)", retry(r -> r.maxRetries(-1))),
        Arguments.of("Retry.maxRetries 0", retry(r -> r.maxRetries(0))),
        Arguments.of("Retry.delay, jitter and maxDuration 0", retry(r -> r.delay(0).jitter(0).maxDuration(0))),
        Arguments.of("Retry.maxDuration 0 with a delay", retry(r -> r.delay(5000).maxDuration(0))),
        Arguments.of("Retry.maxDuration just above delay", retry(r -> r.delay(500).maxDuration(501))),
        Arguments.of("Retry.maxDuration above delay in other units",
            retry(r -> r.delay(2000).maxDuration(3).durationUnit(ChronoUnit.SECONDS))),
        Arguments.of("CircuitBreaker.delay 0", circuitBreaker(c -> c.delay(0))),
        Arguments.of("CircuitBreaker.requestVolumeThreshold 1", circuitBreaker(c -> c.requestVolumeThreshold(1))),
        Arguments.of("CircuitBreaker.failureRatio 0", circuitBreaker(c -> c.failureRatio(0))),
        Arguments.of("CircuitBreaker.failureRatio 1", circuitBreaker(c -> c.failureRatio(1))),
        Arguments.of("CircuitBreaker.successThreshold 1", circuitBreaker(c -> c.successThreshold(1))),
        Arguments.of("Timeout.value 0 (none)", (UnaryOperator<FaultTolerance.Builder>)
            builder -> builder.timeout(TimeoutPolicy.of(0, ChronoUnit.MILLIS))),
        Arguments.of("Bulkhead 1 with 1 waiting place", (UnaryOperator<FaultTolerance.Builder>)
            builder -> builder.bulkhead(BulkheadPolicy.of(1, 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policiesAtTheEdgeOfTheirRanges")
  void buildAcceptsTheEdgesOfEachRange(String name, UnaryOperator<FaultTolerance.Builder> policy) {
    FaultTolerance.Builder builder = policy.apply(FaultTolerance.builder(METHOD));

    assertThatCode(builder::build).doesNotThrowAnyException();
  }

  /** A policy is checked when it becomes part of a method's policies, where the method is known. */
  @Test
  void policiesAreCheckedWhenBuiltIntoAMethodsPolicies() {
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.builder().requestVolumeThreshold(0).build();
    FaultTolerance.Builder first = FaultTolerance.builder("com.acme.A/one").circuitBreaker(breaker);
    FaultTolerance.Builder second = FaultTolerance.builder("com.acme.B/two").circuitBreaker(breaker);

    assertThatThrownBy(first::build).hasMessageContaining("on com.acme.A/one:");
    assertThatThrownBy(second::build).hasMessageContaining("on com.acme.B/two:");
  }

  @Test
  void aBlankMethodKeyIsRejected() {
    assertThatThrownBy(() -> FaultTolerance.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method key");
  }

  @Test
  void durationsAreConvertedFromTheirUnits() {
    RetryPolicy retry = RetryPolicy.builder().delay(2).delayUnit(ChronoUnit.SECONDS)
        .maxDuration(1).durationUnit(ChronoUnit.MINUTES).jitter(Duration.ofMillis(7)).build();

    assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(retry.maxDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(retry.jitter()).isEqualTo(Duration.ofMillis(7));
    assertThat(TimeoutPolicy.of(3, ChronoUnit.SECONDS).timeout()).isEqualTo(Duration.ofSeconds(3));
  }
}

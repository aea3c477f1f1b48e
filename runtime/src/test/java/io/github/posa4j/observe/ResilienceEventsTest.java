package io.github.posa4j.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.BulkheadFullException;
import io.github.posa4j.resilience.BulkheadPolicy;
import io.github.posa4j.resilience.CircuitBreakerOpenException;
import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.FallbackPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.RetryPolicy;
import io.github.posa4j.resilience.TimeoutExceededException;
import io.github.posa4j.resilience.TimeoutPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The listener of {@link FlightRecorderEvents} turns breaker state changes, rejections by an open
 * breaker and by a full bulkhead, retries, timeouts and fallbacks into events of category
 * {@code posa4j} that name the method. Each test uses a method key of its own.
 */
class ResilienceEventsTest {
  private static RecordedEvents recorded;

  @BeforeAll
  static void record() {
    recorded = RecordedEvents.start();
  }

  @AfterAll
  static void stop() {
    recorded.close();
  }

  private static FaultTolerance.Builder policies(String method) {
    return FaultTolerance.builder(method).listener(FlightRecorderEvents.listener());
  }

  private static void fail(FaultTolerance policies) {
    assertThatThrownBy(() -> policies.call(() -> {
      throw new IllegalStateException("down");
    })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theListenerIsSharedAndJfrIsHere() {
    assertThat(FlightRecorderEvents.isAvailable()).isTrue();
    assertThat(FlightRecorderEvents.listener()).isSameAs(FlightRecorderEvents.listener());
  }

  @Test
  void aBreakerThatOpensAndRejectsEmitsAStateChangeAndARejection() throws Exception {
    String method = "com.acme.Pay/charge(java.lang.String,long)";
    FaultTolerance policies = policies(method)
        .circuitBreaker(CircuitBreakerPolicy.builder().requestVolumeThreshold(2).failureRatio(0.5)
            .delay(Duration.ofHours(1)).build())
        .build();
    fail(policies);
    fail(policies);
    assertThatThrownBy(() -> policies.call(() -> "ok")).isInstanceOf(CircuitBreakerOpenException.class);

    RecordedEvent change = recorded.await("CircuitBreakerStateChange", e -> method.equals(e.getString("method")));
    assertThat(change.getString("from")).isEqualTo("CLOSED");
    assertThat(change.getString("to")).isEqualTo("OPEN");
    assertThat(change.getEventType().getCategoryNames()).containsExactly("posa4j", "Resilience");
    assertThat(change.getEventType().getLabel()).isEqualTo("Circuit Breaker State Change");

    RecordedEvent rejected = recorded.await("CallRejected", e -> method.equals(e.getString("method")));
    assertThat(rejected.getString("policy")).isEqualTo("CircuitBreaker");
    assertThat(rejected.getString("message")).contains(method);
  }

  @Test
  void anOperatorForcingTheBreakerIsRecordedToo() throws Exception {
    String method = "com.acme.Pay/refund(java.lang.String)";
    FaultTolerance policies = policies(method)
        .circuitBreaker(CircuitBreakerPolicy.builder().delay(Duration.ofHours(1)).build())
        .build();
    policies.circuitBreaker().orElseThrow().forceOpen();
    assertThatThrownBy(() -> policies.call(() -> "ok")).isInstanceOf(CircuitBreakerOpenException.class);
    policies.circuitBreaker().orElseThrow().reset();

    RecordedEvent forced = recorded.await("CircuitBreakerStateChange",
        e -> method.equals(e.getString("method")) && "FORCED_OPEN".equals(e.getString("to")));
    assertThat(forced.getString("from")).isEqualTo("CLOSED");
    RecordedEvent reset = recorded.await("CircuitBreakerStateChange",
        e -> method.equals(e.getString("method")) && "FORCED_OPEN".equals(e.getString("from")));
    assertThat(reset.getString("to")).isEqualTo("CLOSED");
    assertThat(recorded.await("CallRejected", e -> method.equals(e.getString("method"))).getString("policy"))
        .isEqualTo("CircuitBreaker");
  }

  @Test
  void aFullBulkheadEmitsARejection() throws Exception {
    String method = "test.Observe/bulkhead()";
    FaultTolerance policies = policies(method).bulkhead(BulkheadPolicy.of(1)).build();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> {
      try {
        return policies.call(() -> {
          inside.countDown();
          release.await();
          return "held";
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    inside.await();
    assertThatThrownBy(() -> policies.call(() -> "ok")).isInstanceOf(BulkheadFullException.class);
    release.countDown();
    assertThat(holder.join()).isEqualTo("held");

    RecordedEvent rejected = recorded.await("CallRejected", e -> method.equals(e.getString("method")));
    assertThat(rejected.getString("policy")).isEqualTo("Bulkhead");
    assertThat(rejected.getString("message")).isNotEmpty();
  }

  @Test
  void aRetryNamesItsNumberFailureAndDelay() throws Exception {
    String method = "test.Observe/retry()";
    FaultTolerance policies = policies(method)
        .retry(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).jitter(0).build())
        .build();
    AtomicInteger attempts = new AtomicInteger();
    assertThat(policies.call(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalArgumentException("first attempt fails");
      }
      return "second";
    })).isEqualTo("second");

    RecordedEvent retry = recorded.await("Retry", e -> method.equals(e.getString("method")));
    assertThat(retry.getInt("retry")).isEqualTo(1);
    assertThat(retry.getString("failureClass")).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(retry.getString("failureMessage")).isEqualTo("first attempt fails");
    assertThat(retry.getDuration("delay")).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void anAttemptPastItsTimeoutEmitsATimeout() throws Exception {
    String method = "test.Observe/timeout()";
    FaultTolerance policies = policies(method).timeout(TimeoutPolicy.of(Duration.ofMillis(20))).build();
    assertThatThrownBy(() -> policies.call(() -> {
      new CountDownLatch(1).await(); // until the timeout interrupts it
      return "never";
    })).isInstanceOf(TimeoutExceededException.class);

    RecordedEvent timeout = recorded.await("Timeout", e -> method.equals(e.getString("method")));
    assertThat(timeout.getString("message")).contains(method).contains("timed out");
  }

  @Test
  void aFallbackNamesTheFailure() throws Exception {
    String method = "test.Observe/fallback()";
    FaultTolerance policies = policies(method).fallback(FallbackPolicy.of(context -> "fallback")).build();
    Object answer = policies.call(() -> {
      throw new UnsupportedOperationException("no service");
    });
    assertThat(answer).isEqualTo("fallback");

    RecordedEvent fallback = recorded.await("Fallback", e -> method.equals(e.getString("method")));
    assertThat(fallback.getString("failureClass")).isEqualTo(UnsupportedOperationException.class.getName());
    assertThat(fallback.getString("failureMessage")).isEqualTo("no service");
  }
}

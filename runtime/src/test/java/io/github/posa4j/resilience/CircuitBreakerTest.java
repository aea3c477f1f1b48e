package io.github.posa4j.resilience;

import static io.github.posa4j.resilience.Harness.failureOf;
import static io.github.posa4j.resilience.Harness.inNewThread;
import static io.github.posa4j.resilience.Harness.letTimePass;
import static io.github.posa4j.resilience.Harness.outcome;
import static io.github.posa4j.resilience.Harness.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.resilience.Harness.E0;
import io.github.posa4j.resilience.Harness.E1;
import io.github.posa4j.resilience.Harness.E1Sibling;
import io.github.posa4j.resilience.Harness.E2;
import io.github.posa4j.resilience.Harness.Script;
import io.github.posa4j.resilience.Harness.ScriptedFailure;
import io.github.posa4j.resilience.Harness.Style;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The circuit breaker as MicroProfile Fault Tolerance specifies it (TCK {@code CircuitBreakerTest},
 * {@code CircuitBreakerExceptionHierarchyTest}): a rolling window of the last
 * {@code requestVolumeThreshold} calls, judged when full; fail fast while open; half-open after
 * {@code delay} with {@code successThreshold} trial calls, any of whose failures re-opens;
 * {@code failOn}/{@code skipOn} decide what is a failure; listeners see every state change. Outcomes
 * of calls admitted before a state change are ignored, and a rejection carries no stack trace.
 *
 * <p>In the outcome lists, {@code S} is a call that returned, {@code F} one that threw the body's
 * own failure and {@code open} one rejected with {@link CircuitBreakerOpenException}.
 */
class CircuitBreakerTest {
  private static final String METHOD = "com.acme.Inventory/reserve";
  private static final Duration LONG_DELAY = Duration.ofSeconds(30);
  private static final Duration SHORT_DELAY = Duration.ofMillis(100);

  private static FaultTolerance breaker(CircuitBreakerPolicy.Builder policy, FaultToleranceListener... listeners) {
    FaultTolerance.Builder builder = FaultTolerance.builder(METHOD).circuitBreaker(policy.build());
    for (FaultToleranceListener listener : listeners) {
      builder.listener(listener);
    }
    return builder.build();
  }

  private static CircuitBreakerPolicy.Builder window(int requestVolumeThreshold, double failureRatio) {
    return CircuitBreakerPolicy.builder()
        .requestVolumeThreshold(requestVolumeThreshold)
        .failureRatio(failureRatio)
        .delay(LONG_DELAY);
  }

  /** Lets the open breaker's delay pass, with a margin. */
  private static void waitOutDelay() {
    letTimePass(SHORT_DELAY.plusMillis(50));
  }

  @Test
  void defaultsAreThoseOfMicroProfile() {
    CircuitBreakerPolicy policy = CircuitBreakerPolicy.builder().build();

    assertThat(policy.failOn()).containsExactly(Throwable.class);
    assertThat(policy.skipOn()).isEmpty();
    assertThat(policy.delay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.requestVolumeThreshold()).isEqualTo(20);
    assertThat(policy.failureRatio()).isEqualTo(0.5);
    assertThat(policy.successThreshold()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- rolling window

  /**
   * S F F S with a window of 4 and ratio 0.5: the fourth call fills the window with 2 failures out
   * of 4, which reaches the ratio, so the breaker opens although that call succeeded.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void fullWindowAtTheRatioOpensTheBreakerEvenWhenTheLastCallSucceeded(Style style) {
    FaultTolerance policy = breaker(window(4, 0.5));
    Script body = new Script("SFFS");

    assertThat(outcomes(style, policy, body, 4)).containsExactly("S", "F", "F", "S");
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    assertThat(outcomes(style, policy, body, 1)).containsExactly("open");
    assertThat(body.calls()).isEqualTo(4);
  }

  /** S F S S F: the window rolls, the first success leaves it, and the fifth call opens it. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void windowRollsAndOpensOnTheCallThatBringsItToTheRatio(Style style) {
    FaultTolerance policy = breaker(window(4, 0.5));
    Script body = new Script("SFSSF");

    assertThat(outcomes(style, policy, body, 4)).containsExactly("S", "F", "S", "S");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "open");
    assertThat(body.calls()).isEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void windowIsNotJudgedBeforeItIsFull(Style style) {
    FaultTolerance policy = breaker(window(4, 0.5));
    Script body = new Script("FFFF");

    assertThat(outcomes(style, policy, body, 3)).containsExactly("F", "F", "F");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "open");
  }

  /**
   * Failures that have left the window no longer count: after F F S S S S F F the window holds
   * S S F F (2 of 4, under 0.75) although 4 of the 8 calls failed; one more failure opens it.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void failuresThatLeftTheWindowNoLongerCount(Style style) {
    FaultTolerance policy = breaker(window(4, 0.75));
    Script body = new Script("FFSSSSFFF");

    assertThat(outcomes(style, policy, body, 8)).containsExactly("F", "F", "S", "S", "S", "S", "F", "F");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "open");
  }

  /** failureRatio 0: a full window without failures never opens the breaker; a failure in it does. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void failureRatioZeroOpensOnAFailureInAFullWindowOnly(Style style) {
    FaultTolerance policy = breaker(window(3, 0.0));
    Script body = new Script("SSSSSF");

    assertThat(outcomes(style, policy, body, 5)).containsExactly("S", "S", "S", "S", "S");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "open");
  }

  // ---------------------------------------------------------------- open

  @ParameterizedTest
  @EnumSource(Style.class)
  void openBreakerFailsFastWithoutInvokingTheBody(Style style) {
    List<FaultToleranceException> rejections = new CopyOnWriteArrayList<>();
    FaultTolerance policy = breaker(window(2, 1.0), new FaultToleranceListener() {
      @Override
      public void onRejected(String method, FaultToleranceException rejection) {
        rejections.add(rejection);
      }
    });
    Script body = new Script("FF");

    assertThat(outcomes(style, policy, body, 7)).containsExactly("F", "F", "open", "open", "open", "open", "open");
    assertThat(body.calls()).isEqualTo(2);
    assertThat(rejections).hasSize(5).allSatisfy(rejection -> assertThat(rejection)
        .isInstanceOf(CircuitBreakerOpenException.class)
        .hasMessageContaining(METHOD));
  }

  /** A rejection is flow control under load: it carries no stack trace, and its message names the method. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void theOpenBreakersRejectionCarriesNoStackTrace(Style style) {
    FaultTolerance policy = breaker(window(1, 1.0));
    assertThat(outcomes(style, policy, new Script("F"), 1)).containsExactly("F");

    assertThatThrownBy(() -> style.invoke(policy, () -> "refused"))
        .isInstanceOf(CircuitBreakerOpenException.class)
        .hasMessageContaining(METHOD)
        .satisfies(rejection -> assertThat(rejection.getStackTrace()).isEmpty());
  }

  @Test
  void theOpenBreakersAsyncRejectionCarriesNoStackTrace() throws Exception {
    FaultTolerance policy = breaker(window(1, 1.0));
    assertThat(outcomes(Style.FUNCTIONAL, policy, new Script("F"), 1)).containsExactly("F");

    assertThat(failureOf(policy.callAsync(() -> CompletableFuture.completedFuture("refused"))))
        .isInstanceOf(CircuitBreakerOpenException.class)
        .hasMessageContaining(METHOD)
        .satisfies(rejection -> assertThat(rejection.getStackTrace()).isEmpty());
    assertThat(new CircuitBreakerOpenException(METHOD).getStackTrace()).as("made by application code").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void openBreakerStaysOpenForItsDelay(Style style) {
    FaultTolerance policy = breaker(window(1, 1.0).delay(LONG_DELAY));
    Script body = new Script("F");

    assertThat(outcomes(style, policy, body, 1)).containsExactly("F");
    letTimePass(Duration.ofMillis(150));

    assertThat(outcomes(style, policy, body, 1)).containsExactly("open");
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
  }

  // ---------------------------------------------------------------- half-open

  /** TCK testCircuitReClose: after the delay, successThreshold successful trial calls close it. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void afterTheDelayTrialCallsCloseTheBreaker(Style style) {
    FaultTolerance policy = breaker(window(4, 0.75).delay(SHORT_DELAY).successThreshold(2));
    Script body = new Script("FFFF");

    assertThat(outcomes(style, policy, body, 5)).containsExactly("F", "F", "F", "F", "open");
    waitOutDelay();

    assertThat(outcomes(style, policy, body, 1)).containsExactly("S");
    assertThat(policy.circuitState()).contains(CircuitState.HALF_OPEN);
    assertThat(outcomes(style, policy, body, 1)).containsExactly("S");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(outcomes(style, policy, body, 1)).containsExactly("S");
    assertThat(body.calls()).isEqualTo(7);
  }

  /** TCK testCircuitHighSuccessThreshold: a failed trial call re-opens, even after successful ones. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void anyFailedTrialCallReopensTheBreaker(Style style) {
    FaultTolerance policy = breaker(window(4, 0.75).delay(SHORT_DELAY).successThreshold(3));
    Script body = new Script("FFFFSSF");

    assertThat(outcomes(style, policy, body, 5)).containsExactly("F", "F", "F", "F", "open");
    waitOutDelay();

    assertThat(outcomes(style, policy, body, 4)).containsExactly("S", "S", "F", "open");
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    assertThat(body.calls()).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void firstTrialCallFailingReopensTheBreaker(Style style) {
    FaultTolerance policy = breaker(window(2, 1.0).delay(SHORT_DELAY).successThreshold(2));
    Script body = new Script("FFF");

    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "F");
    waitOutDelay();

    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "open");
    assertThat(body.calls()).isEqualTo(3);
  }

  /**
   * TCK testCircuitDefaultSuccessThreshold: closing resets the window, so it has to fill again
   * before the breaker can re-open.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void closingResetsTheWindow(Style style) {
    FaultTolerance policy = breaker(window(4, 0.75).delay(SHORT_DELAY));
    Script body = new Script("FFFFSFFFF");

    assertThat(outcomes(style, policy, body, 5)).containsExactly("F", "F", "F", "F", "open");
    waitOutDelay();

    assertThat(outcomes(style, policy, body, 1)).containsExactly("S");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(outcomes(style, policy, body, 3)).containsExactly("F", "F", "F");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "open");
    assertThat(body.calls()).isEqualTo(9);
  }

  /**
   * Calls admitted before a state change do not count after it, the change coming from other
   * calls' outcomes (not forced): two calls admitted while closed fail only once the breaker has
   * opened, the first while it is half-open (its failure does not re-open it), the second once
   * trial calls closed it again (its failure is not in the new, empty window).
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void outcomesOfCallsAdmittedBeforeAStateChangeAreIgnored(Style style) throws Exception {
    FaultTolerance policy = breaker(window(2, 1.0).delay(SHORT_DELAY).successThreshold(2));
    CircuitBreakerView view = policy.circuitBreaker().orElseThrow();
    StraddlingCall first = new StraddlingCall(style, policy);
    StraddlingCall second = new StraddlingCall(style, policy);
    first.awaitInside();
    second.awaitInside();

    assertThat(outcomes(style, policy, new Script("FF"), 2)).containsExactly("F", "F");
    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
    waitOutDelay();
    assertThat(outcomes(style, policy, new Script(""), 1)).containsExactly("S");
    assertThat(policy.circuitState()).contains(CircuitState.HALF_OPEN);

    first.fail();
    assertThat(policy.circuitState()).as("a failed trial call would re-open it").contains(CircuitState.HALF_OPEN);

    assertThat(outcomes(style, policy, new Script(""), 1)).containsExactly("S");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    second.fail();
    assertThat(view.windowCalls()).isZero();
    assertThat(view.windowFailures()).isZero();

    assertThat(outcomes(style, policy, new Script("F"), 1)).containsExactly("F");
    assertThat(policy.circuitState()).as("one failure in a window of two").contains(CircuitState.CLOSED);
    assertThat(view.windowCalls()).isEqualTo(1);
  }

  /** A call on a thread of its own, admitted at once, that fails when told to. */
  private static final class StraddlingCall {
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch leave = new CountDownLatch(1);
    private final CompletableFuture<String> outcome;

    StraddlingCall(Style style, FaultTolerance policy) {
      outcome = inNewThread(() -> outcome(style, policy, () -> {
        inside.countDown();
        assertThat(leave.await(10, TimeUnit.SECONDS)).as("told to fail").isTrue();
        throw new ScriptedFailure("admitted before the change");
      }));
    }

    void awaitInside() throws InterruptedException {
      assertThat(inside.await(10, TimeUnit.SECONDS)).as("the call was admitted").isTrue();
    }

    /** Lets the call fail, and waits until its outcome has been recorded. */
    void fail() throws Exception {
      leave.countDown();
      assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("F");
    }
  }

  /** Half-open lets successThreshold trial calls in at once; the next is rejected meanwhile. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void halfOpenAdmitsOnlySuccessThresholdTrialCalls(Style style) throws Exception {
    FaultTolerance policy = breaker(window(1, 1.0).delay(SHORT_DELAY).successThreshold(1));
    assertThat(outcomes(style, policy, new Script("F"), 1)).containsExactly("F");
    waitOutDelay();

    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    Callable<String> trial = () -> {
      inside.countDown();
      assertThat(leave.await(5, TimeUnit.SECONDS)).isTrue();
      return "trial";
    };
    CompletableFuture<String> trialCall = inNewThread(() -> style.invoke(policy, trial));
    try {
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(policy.circuitState()).contains(CircuitState.HALF_OPEN);
      Script other = new Script("");

      assertThat(outcomes(style, policy, other, 1)).containsExactly("open");
      assertThat(other.calls()).isZero();
    } finally {
      leave.countDown();
    }
    assertThat(trialCall.get(5, TimeUnit.SECONDS)).isEqualTo("trial");
    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
  }

  // ---------------------------------------------------------------- failOn / skipOn

  static Stream<Arguments> failOnE1SkipOnE2() {
    return Stream.of(
        Arguments.of(new E1(), CircuitState.OPEN),
        Arguments.of(new E1Sibling(), CircuitState.OPEN),
        Arguments.of(new E2(), CircuitState.CLOSED),
        Arguments.of(new E0(), CircuitState.CLOSED),
        Arguments.of(new IllegalStateException(), CircuitState.CLOSED),
        Arguments.of(new AssertionError(), CircuitState.CLOSED));
  }

  /**
   * With {@code failOn = E1, skipOn = E2} (E2 extends E1): E1 and its subclasses are failures,
   * except E2 and below (skipOn beats failOn); a superclass of E1 and unrelated exceptions are
   * not. The caller gets the body's exception unchanged either way.
   */
  @ParameterizedTest
  @MethodSource("failOnE1SkipOnE2")
  void failOnAndSkipOnFollowTheExceptionHierarchy(Throwable thrown, CircuitState expected) {
    for (Style style : Style.values()) {
      FaultTolerance policy = breaker(window(1, 1.0).failOn(E1.class).skipOn(E2.class));

      assertThatThrownBy(() -> style.invoke(policy, () -> {
        throw FaultTolerance.propagate(thrown);
      })).isSameAs(thrown);

      assertThat(policy.circuitState()).as("%s after %s", style, thrown).contains(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void skipOnBeatsAMoreSpecificFailOn(Style style) {
    FaultTolerance policy = breaker(window(1, 1.0).failOn(E2.class).skipOn(E0.class));

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      throw new E2();
    })).isInstanceOf(E2.class);

    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void byDefaultEveryThrowableIsAFailure(Style style) {
    FaultTolerance policy = breaker(window(1, 1.0));

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      throw new AssertionError("an error");
    })).isInstanceOf(AssertionError.class);

    assertThat(policy.circuitState()).contains(CircuitState.OPEN);
  }

  /**
   * An exception that is not a failure is recorded as a success, not ignored: with a window of 2
   * and ratio 1, E1, ISE, E1 leaves the window at S F (closed). Ignoring the ISE would leave F F
   * (open); counting it as a failure would already open on the second call.
   */
  @ParameterizedTest
  @EnumSource(Style.class)
  void exceptionsOutsideFailOnCountAsSuccesses(Style style) {
    FaultTolerance policy = breaker(window(2, 1.0).failOn(E1.class));
    AtomicInteger calls = new AtomicInteger();
    Callable<String> body = () -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("not a failure");
      }
      throw new E1();
    };

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> style.invoke(policy, body)).isNotInstanceOf(CircuitBreakerOpenException.class);
    }

    assertThat(policy.circuitState()).contains(CircuitState.CLOSED);
    assertThat(calls).hasValue(3);
  }

  // ---------------------------------------------------------------- listeners

  @ParameterizedTest
  @EnumSource(Style.class)
  void listenerSeesEveryStateChange(Style style) {
    List<String> changes = new CopyOnWriteArrayList<>();
    FaultTolerance policy = breaker(window(2, 1.0).delay(SHORT_DELAY), new FaultToleranceListener() {
      @Override
      public void onStateChange(String method, CircuitState from, CircuitState to) {
        changes.add(method + ": " + from + " -> " + to);
      }
    });
    Script body = new Script("FFF");

    outcomes(style, policy, body, 2);
    waitOutDelay();
    outcomes(style, policy, body, 1);
    waitOutDelay();
    outcomes(style, policy, body, 1);

    assertThat(changes).containsExactly(
        METHOD + ": CLOSED -> OPEN",
        METHOD + ": OPEN -> HALF_OPEN",
        METHOD + ": HALF_OPEN -> OPEN",
        METHOD + ": OPEN -> HALF_OPEN",
        METHOD + ": HALF_OPEN -> CLOSED");
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void aThrowingListenerDoesNotDisturbTheBreaker(Style style) {
    FaultTolerance policy = breaker(window(1, 1.0), new FaultToleranceListener() {
      @Override
      public void onStateChange(String method, CircuitState from, CircuitState to) {
        throw new IllegalStateException("listener bug");
      }
    });
    Script body = new Script("F");

    assertThat(outcomes(style, policy, body, 2)).containsExactly("F", "open");
  }
}

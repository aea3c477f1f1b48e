package io.github.posa4j.resilience;

import static io.github.posa4j.resilience.ExceptionFilter.classes;
import static io.github.posa4j.resilience.Harness.enterExit;
import static io.github.posa4j.resilience.Harness.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.annotation.ExecutionContext;
import io.github.posa4j.annotation.FallbackHandler;
import io.github.posa4j.resilience.Harness.E0;
import io.github.posa4j.resilience.Harness.E1;
import io.github.posa4j.resilience.Harness.E1Sibling;
import io.github.posa4j.resilience.Harness.E2;
import io.github.posa4j.resilience.Harness.Script;
import io.github.posa4j.resilience.Harness.ScriptedFailure;
import io.github.posa4j.resilience.Harness.Style;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fallback as MicroProfile Fault Tolerance specifies it (TCK {@code FallbackTest},
 * {@code FallbackExceptionHierarchyTest}, {@code FallbackMethodTest}): when the call finally
 * fails, after any retries, a handler (or, in generated code, a fallback method) answers instead,
 * for the failures that match {@code applyOn} and not {@code skipOn}; the handler's
 * {@link ExecutionContext} names the method and carries the failure. For a {@code CompletionStage}
 * method the handler may answer with a value or with a stage.
 */
class FallbackTest {
  private static final String METHOD = "com.acme.Weather/forecast";

  /** A handler that records the contexts it was called with and answers "fallback". */
  private static final class RecordingHandler implements FallbackHandler<String> {
    final List<ExecutionContext> contexts = new CopyOnWriteArrayList<>();

    @Override
    public String handle(ExecutionContext context) {
      contexts.add(context);
      return "fallback";
    }
  }

  private static FaultTolerance withFallback(FallbackPolicy fallback) {
    return FaultTolerance.builder(METHOD).fallback(fallback).build();
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void handlerAnswersWhenTheCallFails(Style style) throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = withFallback(FallbackPolicy.of(handler));
    ScriptedFailure failure = new ScriptedFailure("no forecast");

    assertThat(style.<String>invoke(policy, () -> {
      throw failure;
    })).isEqualTo("fallback");

    assertThat(handler.contexts).singleElement().satisfies(context -> {
      assertThat(context.method()).isEqualTo(METHOD);
      assertThat(context.failure()).isSameAs(failure);
      assertThat(context.parameters()).isEmpty();
    });
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void handlerIsNotCalledWhenTheCallSucceeds(Style style) throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = withFallback(FallbackPolicy.of(handler));

    assertThat(style.invoke(policy, () -> "sunny")).isEqualTo("sunny");
    assertThat(handler.contexts).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void byDefaultEvenAnErrorFallsBack(Style style) throws Exception {
    FaultTolerance policy = withFallback(FallbackPolicy.of(new RecordingHandler()));

    assertThat(style.<String>invoke(policy, () -> {
      throw new AssertionError("an error");
    })).isEqualTo("fallback");
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void anExceptionThrownByTheHandlerReachesTheCaller(Style style) {
    IllegalStateException handlerFailure = new IllegalStateException("the fallback failed too");
    FaultTolerance policy = withFallback(FallbackPolicy.of(context -> {
      throw handlerFailure;
    }));

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      throw new ScriptedFailure("first failure");
    })).isSameAs(handlerFailure);
  }

  // ---------------------------------------------------------------- applyOn / skipOn

  static Stream<Arguments> applyOnE1SkipOnE2() {
    return Stream.of(
        Arguments.of(Named.of("E1", new E1()), true),
        Arguments.of(Named.of("E1Sibling", new E1Sibling()), true),
        Arguments.of(Named.of("E2", new E2()), false),
        Arguments.of(Named.of("E0", new E0()), false),
        Arguments.of(Named.of("IllegalStateException", new IllegalStateException()), false));
  }

  /**
   * With {@code applyOn = E1, skipOn = E2} (E2 extends E1): E1 and its subclasses fall back,
   * except E2 (skipOn beats applyOn); a superclass of E1 and unrelated exceptions are rethrown
   * unchanged.
   */
  @ParameterizedTest
  @MethodSource("applyOnE1SkipOnE2")
  void applyOnAndSkipOnFollowTheExceptionHierarchy(Exception thrown, boolean fallsBack) throws Exception {
    for (Style style : Style.values()) {
      RecordingHandler handler = new RecordingHandler();
      FaultTolerance policy = withFallback(FallbackPolicy.of(handler, classes(E1.class), classes(E2.class)));

      if (fallsBack) {
        assertThat(style.<String>invoke(policy, () -> {
          throw thrown;
        })).isEqualTo("fallback");
        assertThat(handler.contexts).singleElement().extracting(ExecutionContext::failure).isSameAs(thrown);
      } else {
        assertThatThrownBy(() -> style.invoke(policy, () -> {
          throw thrown;
        })).isSameAs(thrown);
        assertThat(handler.contexts).isEmpty();
      }
      assertThat(policy.fallsBackOn(thrown)).as("fallsBackOn(%s)", thrown).isEqualTo(fallsBack);
    }
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void skipOnBeatsAMoreSpecificApplyOn(Style style) {
    FaultTolerance policy = withFallback(FallbackPolicy.of(new RecordingHandler(), classes(E2.class), classes(E0.class)));

    assertThatThrownBy(() -> style.invoke(policy, () -> {
      throw new E2();
    })).isInstanceOf(E2.class);
  }

  // ---------------------------------------------------------------- with retry

  /** The fallback comes after the retries: 1 + 3 attempts, then the handler with the last failure. */
  @ParameterizedTest
  @EnumSource(Style.class)
  void fallbackAnswersOnlyOnceTheRetriesAreExhausted(Style style) throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(handler))
        .retry(RetryPolicy.builder().maxRetries(3).jitter(0).build())
        .build();
    Script body = new Script("FFFFFFFF");

    assertThat(style.invoke(policy, body)).isEqualTo("fallback");

    assertThat(body.calls()).isEqualTo(4);
    assertThat(handler.contexts).singleElement()
        .extracting(context -> context.failure().getMessage()).isEqualTo("call 4");
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void anAbortedRetryFallsBackAtOnce(Style style) throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(handler))
        .retry(RetryPolicy.builder().maxRetries(3).jitter(0).abortOn(ScriptedFailure.class).build())
        .build();
    Script body = new Script("FFFF");

    assertThat(style.invoke(policy, body)).isEqualTo("fallback");
    assertThat(body.calls()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Style.class)
  void aRetryThatSucceedsNeedsNoFallback(Style style) throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(handler))
        .retry(RetryPolicy.builder().maxRetries(3).jitter(0).build())
        .build();

    assertThat(style.invoke(policy, new Script("FF"))).isEqualTo("call 3");
    assertThat(handler.contexts).isEmpty();
  }

  // ---------------------------------------------------------------- generated code with a fallback method

  /**
   * Generated code with a fallback <i>method</i>: the policy has no handler, {@code fallsBackOn}
   * decides, and the code calls its own method; listeners hear of it.
   */
  @Test
  void enterExitCallsTheFallbackMethodWhenFallsBackOnSaysSo() {
    List<Throwable> fallbacks = new CopyOnWriteArrayList<>();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(null, classes(E1.class), classes()))
        .retry(RetryPolicy.builder().maxRetries(2).jitter(0).build())
        .listener(new FaultToleranceListener() {
          @Override
          public void onFallback(String method, Throwable failure) {
            fallbacks.add(failure);
          }
        })
        .build();
    AtomicInteger calls = new AtomicInteger();
    E1 failure = new E1();

    String result = enterExit(policy, () -> {
      calls.incrementAndGet();
      throw failure;
    }, thrown -> "fallback method saw " + thrown.getClass().getSimpleName());

    assertThat(result).isEqualTo("fallback method saw E1");
    assertThat(calls).hasValue(3);
    assertThat(fallbacks).containsExactly(failure);
    assertThat(policy.fallsBackOn(new E0())).isFalse();
  }

  @Test
  void enterExitRethrowsWhatTheFallbackDoesNotApplyTo() {
    FaultTolerance policy = withFallback(FallbackPolicy.of(null, classes(E1.class), classes()));
    E0 failure = new E0();

    assertThatThrownBy(() -> enterExit(policy, () -> {
      throw failure;
    }, thrown -> "never")).isSameAs(failure);
  }

  @Test
  void handleFallbackHandsTheCallsArgumentsToTheHandler() {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = withFallback(FallbackPolicy.of(handler));
    ScriptedFailure failure = new ScriptedFailure("no forecast for Oslo");

    Object answer = policy.handleFallback(failure, "Oslo", 3);

    assertThat(answer).isEqualTo("fallback");
    assertThat(handler.contexts).singleElement().satisfies(context -> {
      assertThat(context.method()).isEqualTo(METHOD);
      assertThat(context.failure()).isSameAs(failure);
      assertThat(context.parameters()).containsExactly("Oslo", 3);
    });
  }

  @Test
  void withoutAHandlerTheFunctionalCallRethrows() {
    FaultTolerance policy = withFallback(FallbackPolicy.of(null, classes(Throwable.class), classes()));
    ScriptedFailure failure = new ScriptedFailure("no handler to answer");

    assertThatThrownBy(() -> policy.call(() -> {
      throw failure;
    })).isSameAs(failure);
    assertThatThrownBy(() -> policy.handleFallback(failure)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(METHOD);
  }

  // ---------------------------------------------------------------- asynchronous

  @Test
  void asyncHandlerAnsweringWithAValue() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = withFallback(FallbackPolicy.of(handler));
    ScriptedFailure failure = new ScriptedFailure("async failure");

    CompletableFuture<String> result = policy.callAsync(() -> CompletableFuture.failedFuture(failure));

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("fallback");
    assertThat(handler.contexts).singleElement().satisfies(context -> {
      assertThat(context.method()).isEqualTo(METHOD);
      assertThat(context.failure()).isSameAs(failure);
    });
  }

  @Test
  void asyncHandlerAnsweringWithAStage() throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    FaultTolerance policy = withFallback(FallbackPolicy.of(context -> answer));

    CompletableFuture<String> result =
        policy.callAsync(() -> CompletableFuture.failedFuture(new ScriptedFailure("async")));

    assertThat(result).isNotDone();
    answer.complete("answer from a stage");
    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("answer from a stage");
  }

  @Test
  void asyncHandlerAnsweringWithAFailedStage() throws Exception {
    ScriptedFailure fallbackFailure = new ScriptedFailure("the fallback failed too");
    FaultTolerance policy = withFallback(FallbackPolicy.of(context -> CompletableFuture.supplyAsync(() -> {
      throw fallbackFailure;
    })));

    CompletableFuture<String> result =
        policy.callAsync(() -> CompletableFuture.failedFuture(new ScriptedFailure("async")));

    assertThat(failureOf(result)).isSameAs(fallbackFailure);
  }

  @Test
  void asyncSkipOnFailureIsNotHandled() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = withFallback(FallbackPolicy.of(handler, classes(Exception.class), classes(E1.class)));
    E2 failure = new E2();

    CompletableFuture<String> result = policy.callAsync(() -> CompletableFuture.failedFuture(failure));

    assertThat(failureOf(result)).isSameAs(failure);
    assertThat(handler.contexts).isEmpty();
  }

  @Test
  void asyncFallbackAfterExhaustedRetries() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = FaultTolerance.builder(METHOD)
        .fallback(FallbackPolicy.of(handler))
        .retry(RetryPolicy.builder().maxRetries(3).jitter(0).build())
        .build();
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<String> result = policy.callAsync(() ->
        CompletableFuture.failedFuture(new ScriptedFailure("attempt " + calls.incrementAndGet())));

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("fallback");
    assertThat(calls).hasValue(4);
    assertThat(handler.contexts).singleElement()
        .extracting(context -> context.failure().getMessage()).isEqualTo("attempt 4");
  }

  @Test
  void asyncFallbackMethodAnswersInsteadOfTheHandler() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = withFallback(FallbackPolicy.of(handler));

    CompletableFuture<String> result = policy.callAsync(() -> CompletableFuture.failedFuture(new E1()),
        lastFailure -> CompletableFuture.completedFuture("method saw " + lastFailure.getClass().getSimpleName()));

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("method saw E1");
    assertThat(handler.contexts).isEmpty();
  }

  @Test
  void asyncFallbackMethodReturningNullFailsTheCallWithAnExceptionNamingTheMethod() throws Exception {
    FaultTolerance policy = withFallback(FallbackPolicy.of(null, classes(Throwable.class), classes()));

    CompletableFuture<String> result = policy.callAsync(() -> CompletableFuture.failedFuture(new E1()), lastFailure -> null);

    assertThat(failureOf(result)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining(METHOD).hasMessageContaining("returned null");
  }

  /**
   * Generated code for a method whose annotations give it no fallback: the call never falls back,
   * even when the policy has a handler (from a configuration key), which would get no arguments
   * from it.
   */
  @Test
  void afterFailureWithoutAFallbackNeverFallsBack() {
    RecordingHandler handler = new RecordingHandler();
    FaultTolerance policy = withFallback(FallbackPolicy.of(handler));
    E1 failure = new E1();

    assertThatThrownBy(() -> policy.afterFailure(failure, () -> {
      throw failure;
    })).isSameAs(failure);
    assertThat(handler.contexts).isEmpty();
  }
}

package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.ExecutionContext;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.FallbackHandler;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigException;
import io.github.posa4j.config.ConfigSources;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * From annotations and configuration keys to policies: MicroProfile's precedence (method key,
 * class key for class-level annotations only, global key, annotation), {@code enabled=false} at
 * each level, overload narrowing, key-only policies for the agent, and the registry.
 */
class PolicyResolverTest {
  private static final String PAYMENTS = Payments.class.getName();

  @Retry(maxRetries = 7)
  static class Payments {
    @Retry(maxRetries = 2)
    public String charge(int cents) {
      return "charged " + cents;
    }

    @Retry(maxRetries = 2)
    public String charge(String cents) {
      return "charged " + cents;
    }

    public String refund(int cents) {
      return "refunded " + cents;
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, successThreshold = 2)
    @Timeout(250)
    @Bulkhead(value = 3, waitingTaskQueue = 5)
    public String settle() {
      return "settled";
    }

    String internal() {
      return "not public";
    }

    @Fallback(value = Answer.class, applyOn = IOException.class)
    public String lookup() {
      return "looked up";
    }

    public String legacy() {
      return "legacy";
    }
  }

  /** A fallback handler for the tests. */
  public static class Answer implements FallbackHandler<String> {
    @Override
    public String handle(ExecutionContext context) {
      return "fallback for " + context.method();
    }
  }

  @Test
  void methodKeysNameTheParameterTypes() throws Exception {
    assertThat(PolicyResolver.methodKey(Payments.class, "charge", int.class))
        .isEqualTo(PAYMENTS + "/charge(int)");
    assertThat(PolicyResolver.methodKey(Payments.class, "x", String[].class, Map.class))
        .isEqualTo(PAYMENTS + "/x(java.lang.String[],java.util.Map)");
  }

  @Test
  void annotationAttributesBecomeThePolicy() throws Exception {
    FaultTolerance policy = resolve(Map.of(), method("settle"));

    assertThat(policy.method()).isEqualTo(PAYMENTS + "/settle()");
    CircuitBreakerPolicy breaker = policyOf(policy, CircuitBreakerPolicy.class);
    assertThat(breaker.requestVolumeThreshold()).isEqualTo(4);
    assertThat(breaker.failureRatio()).isEqualTo(0.75);
    assertThat(breaker.successThreshold()).isEqualTo(2);
    assertThat(policyOf(policy, TimeoutPolicy.class).timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(policyOf(policy, BulkheadPolicy.class).value()).isEqualTo(3);
    assertThat(policyOf(policy, BulkheadPolicy.class).waitingTaskQueue()).isEqualTo(5);
    // The class-level @Retry applies to this public method too.
    assertThat(policyOf(policy, RetryPolicy.class).maxRetries()).isEqualTo(7);
  }

  @Test
  void methodKeyBeatsGlobalKeyBeatsMethodAnnotation() throws Exception {
    Method charge = method("charge", int.class);
    assertThat(maxRetries(Map.of(), charge)).isEqualTo(2);
    assertThat(maxRetries(Map.of("Retry/maxRetries", "5"), charge)).isEqualTo(5);
    assertThat(maxRetries(Map.of("Retry/maxRetries", "5",
        PAYMENTS + "/charge/Retry/maxRetries", "6"), charge)).isEqualTo(6);
  }

  @Test
  void classKeyOverridesAClassLevelAnnotationButNotAMethodLevelOne() throws Exception {
    Map<String, String> keys = Map.of(PAYMENTS + "/Retry/maxRetries", "9");
    assertThat(maxRetries(keys, method("refund", int.class))).isEqualTo(9);
    assertThat(maxRetries(keys, method("charge", int.class))).isEqualTo(2);
  }

  @Test
  void aParameterListNarrowsAKeyToOneOverload() throws Exception {
    Map<String, String> keys = Map.of(
        PAYMENTS + "/charge/Retry/maxRetries", "4",
        PAYMENTS + "/charge(java.lang.String)/Retry/maxRetries", "1");
    assertThat(maxRetries(keys, method("charge", int.class))).isEqualTo(4);
    assertThat(maxRetries(keys, method("charge", String.class))).isEqualTo(1);
  }

  @Test
  void enabledFalseTurnsAPolicyOffAtEachLevel() throws Exception {
    Method settle = method("settle");
    assertThat(resolve(Map.of(PAYMENTS + "/settle/Bulkhead/enabled", "false"), settle).policies())
        .noneMatch(BulkheadPolicy.class::isInstance);
    assertThat(resolve(Map.of(PAYMENTS + "/Bulkhead/enabled", "false"), settle).policies())
        .noneMatch(BulkheadPolicy.class::isInstance);
    assertThat(resolve(Map.of("Bulkhead/enabled", "false"), settle).policies())
        .noneMatch(BulkheadPolicy.class::isInstance)
        .anyMatch(CircuitBreakerPolicy.class::isInstance);
    // The most specific key wins.
    assertThat(resolve(Map.of("Bulkhead/enabled", "false",
        PAYMENTS + "/settle/Bulkhead/enabled", "true"), settle).policies())
        .anyMatch(BulkheadPolicy.class::isInstance);
  }

  @Test
  void classLevelAnnotationsApplyToPublicMethodsOnly() throws Exception {
    PolicyResolver resolver = new PolicyResolver(Config.empty());
    assertThat(resolver.resolve(Payments.class, method("internal"), false)).isEmpty();
    assertThat(resolver.resolve(Payments.class, method("refund", int.class), false)).isPresent();
  }

  @Test
  void keysAddPoliciesOnlyWhenAskedTo() throws Exception {
    Map<String, String> keys = Map.of(
        PAYMENTS + "/legacy/CircuitBreaker/enabled", "true",
        PAYMENTS + "/legacy/Timeout/value", "40");
    Method legacy = method("legacy");
    PolicyResolver resolver = new PolicyResolver(Config.of(ConfigSources.of("test", keys)));

    FaultTolerance woven = resolver.resolve(Payments.class, legacy, true).orElseThrow();
    assertThat(policyOf(woven, CircuitBreakerPolicy.class).requestVolumeThreshold()).isEqualTo(20);
    assertThat(policyOf(woven, TimeoutPolicy.class).timeout()).isEqualTo(Duration.ofMillis(40));
    // Only the class-level @Retry comes from an annotation.
    assertThat(policyOf(woven, RetryPolicy.class).maxRetries()).isEqualTo(7);

    FaultTolerance generated = resolver.resolve(Payments.class, legacy, false).orElseThrow();
    assertThat(generated.policies()).noneMatch(CircuitBreakerPolicy.class::isInstance);
  }

  @Test
  void fallbackKeysAddAFallbackOnlyWhenAskedTo() throws Exception {
    Method legacy = method("legacy");
    PolicyResolver byMethod = new PolicyResolver(Config.of(ConfigSources.of("test", Map.of(
        PAYMENTS + "/legacy/Fallback/fallbackMethod", "com.example.Fallbacks.legacy",
        PAYMENTS + "/legacy/Fallback/applyOn", "java.io.IOException"))));
    FallbackPolicy configured = policyOf(byMethod.resolve(Payments.class, legacy, true).orElseThrow(), FallbackPolicy.class);
    assertThat(configured.handler()).isEmpty();
    assertThat(configured.applyOn()).containsExactly(IOException.class);
    assertThat(configured.skipOn()).isEmpty();
    assertThat(byMethod.resolve(Payments.class, legacy, false).orElseThrow().policies())
        .noneMatch(FallbackPolicy.class::isInstance);

    PolicyResolver byHandler = new PolicyResolver(Config.of(ConfigSources.of("test", Map.of(
        PAYMENTS + "/legacy/Fallback/value", Answer.class.getName()))));
    FaultTolerance handled = byHandler.resolve(Payments.class, legacy, true).orElseThrow();
    assertThat(handled.<String>call(() -> {
      throw new IOException("down");
    })).isEqualTo("fallback for " + PAYMENTS + "/legacy()");

    PolicyResolver nothingToCall = new PolicyResolver(Config.of(ConfigSources.of("test", Map.of(
        PAYMENTS + "/legacy/Fallback/enabled", "true"))));
    assertThatThrownBy(() -> nothingToCall.resolve(Payments.class, legacy, true))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("Fallback on " + PAYMENTS + "/legacy()")
        .hasMessageContaining("add a Fallback/fallbackMethod or Fallback/value key");
  }

  /** A handler whose construction the checking resolver must not run. */
  public static class Counted implements FallbackHandler<String> {
    static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    public Counted() {
      CONSTRUCTED.incrementAndGet();
    }

    @Override
    public String handle(ExecutionContext context) {
      return "counted";
    }
  }

  @Test
  void aCheckingResolverValidatesHandlersWithoutConstructingThem() throws Exception {
    Method legacy = method("legacy");
    Config handlerKey = Config.of(ConfigSources.of("test", Map.of(PAYMENTS + "/legacy/Fallback/value", Counted.class.getName())));

    FaultTolerance checked = PolicyResolver.checking(handlerKey).resolve(Payments.class, legacy, true).orElseThrow();
    assertThat(policyOf(checked, FallbackPolicy.class).handler()).isPresent();
    assertThat(Counted.CONSTRUCTED).hasValue(0);
    assertThatThrownBy(() -> checked.call(() -> {
      throw new IOException("down");
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("resolved to be checked");

    Config notAHandler = Config.of(ConfigSources.of("test", Map.of(PAYMENTS + "/legacy/Fallback/value", "java.lang.String")));
    assertThatThrownBy(() -> PolicyResolver.checking(notAHandler).resolve(Payments.class, legacy, true))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a FallbackHandler");

    assertThat(PolicyResolver.checking(Config.empty()).resolve(Payments.class, method("lookup"), false).orElseThrow()
        .policies()).anyMatch(FallbackPolicy.class::isInstance);
  }

  @Test
  void fallbackHandlerComesFromTheAnnotation() throws Exception {
    FaultTolerance policy = resolve(Map.of(), method("lookup"));
    assertThat(policy.<String>call(() -> {
      throw new IOException("down");
    })).isEqualTo("fallback for " + PAYMENTS + "/lookup()");
    assertThatThrownBy(() -> policy.call(() -> {
      throw new IllegalStateException("not applied");
    })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anInvalidConfiguredValueNamesTheKeyAndItsSource() throws Exception {
    Method settle = method("settle");
    assertThatThrownBy(() -> resolve(Map.of(PAYMENTS + "/settle/CircuitBreaker/failureRatio", "1.5"), settle))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage("CircuitBreaker.failureRatio=1.5 on " + PAYMENTS + "/settle(): must be in [0,1]"
            + " (configured: " + PAYMENTS + "/settle/CircuitBreaker/failureRatio=1.5 from test)");
    assertThatThrownBy(() -> resolve(Map.of("Timeout/unit", "weeks!"), settle))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Timeout/unit=weeks! (from test): unknown time unit");
  }

  @Test
  void theRegistryHoldsOnePolicySetPerMethodAndOverload() {
    Map<String, String> keys = new HashMap<>();
    FaultToleranceRegistry registry =
        new FaultToleranceRegistry(loader -> Config.of(ConfigSources.of("test", keys)));

    FaultTolerance first = registry.forMethod(Payments.class, "charge", int.class);
    FaultTolerance again = registry.forMethod(Payments.class, "charge", int.class);
    FaultTolerance overload = registry.forMethod(Payments.class, "charge", String.class);
    FaultTolerance none = registry.forMethod(Payments.class, "internal");

    assertThat(again).isSameAs(first);
    assertThat(overload).isNotSameAs(first);
    assertThat(none.policies()).isEmpty();
    assertThat(registry.find(PAYMENTS + "/charge(int)")).containsSame(first);
    assertThat(registry.all()).hasSize(3);
    assertThatThrownBy(() -> registry.forMethod(Payments.class, "charge", long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(PAYMENTS + "/charge(long)");
  }

  @Test
  void registryListenersHearEveryPolicySetEvenOnesCreatedLater() throws Exception {
    FaultToleranceRegistry registry = new FaultToleranceRegistry(loader -> Config.empty());
    FaultTolerance before = registry.forMethod(Payments.class, "charge", int.class);
    AtomicInteger retries = new AtomicInteger();
    registry.addListener(new FaultToleranceListener() {
      @Override
      public void onRetry(String method, int retry, Throwable failure, long delayNanos) {
        retries.incrementAndGet();
      }
    });
    FaultTolerance after = registry.forMethod(Payments.class, "charge", String.class);

    for (FaultTolerance policy : new FaultTolerance[] {before, after}) {
      AtomicInteger calls = new AtomicInteger();
      assertThat(policy.call(() -> calls.incrementAndGet() < 2 ? fail() : "ok")).isEqualTo("ok");
    }
    assertThat(retries.get()).isEqualTo(2);
  }

  private static String fail() {
    throw new IllegalStateException("first attempt fails");
  }

  private static int maxRetries(Map<String, String> keys, Method method) {
    return policyOf(resolve(keys, method), RetryPolicy.class).maxRetries();
  }

  private static FaultTolerance resolve(Map<String, String> keys, Method method) {
    return new PolicyResolver(Config.of(ConfigSources.of("test", keys)))
        .resolve(Payments.class, method, false)
        .orElseThrow();
  }

  private static <P> P policyOf(FaultTolerance policy, Class<P> type) {
    return policy.policies().stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + policy));
  }

  private static Method method(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
    return Payments.class.getDeclaredMethod(name, parameterTypes);
  }
}

package io.github.posa4j.resilience;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.FallbackHandler;
import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigException;
import io.github.posa4j.config.ConfigValue;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a method's resilience annotations and the configuration into its {@link FaultTolerance}.
 *
 * <p>For each attribute the most specific key wins:
 * <ol>
 *   <li>{@code <FQCN>/<method>(<param type>,...)/<Annotation>/<attribute>} (one overload; types as
 *       {@link Class#getTypeName()} prints them, e.g. {@code java.lang.String[]});
 *   <li>{@code <FQCN>/<method>/<Annotation>/<attribute>} (every overload);
 *   <li>{@code <FQCN>/<Annotation>/<attribute>}, only when the annotation is on the class: as in
 *       MicroProfile, a class-level key overrides a class-level annotation, not a method-level one;
 *   <li>{@code <Annotation>/<attribute>};
 *   <li>the annotation's attribute, or its default.
 * </ol>
 * {@code .../<Annotation>/enabled=false} at the method, class or global level turns a policy off
 * (the most specific key wins, wherever the annotation is). When {@code keysAddPolicies} is set
 * (the agent sets it), a method-level key also <i>adds</i> a policy the method has no annotation
 * for: {@code .../enabled=true} with the defaults, or any attribute key.
 *
 * <p>A class-level annotation applies to the public methods of the class.
 */
public final class PolicyResolver {
  private final Config config;
  private final boolean constructHandlers;

  /** A resolver reading {@code config}. */
  public PolicyResolver(Config config) {
    this(config, true);
  }

  private PolicyResolver(Config config, boolean constructHandlers) {
    this.config = config;
    this.constructHandlers = constructHandlers;
  }

  /**
   * A resolver that checks everything {@link #resolve} checks but runs no application code: a
   * fallback handler class is loaded and its public no-argument constructor looked up, not called.
   * The policies it returns are for inspection only; their fallback handler, if any, cannot be
   * called. The agent uses it while a class is being loaded, when running that class's code could
   * not work yet.
   */
  public static PolicyResolver checking(Config config) {
    return new PolicyResolver(config, false);
  }

  /** The policy key of a method: {@code <FQCN>/<method>(<param type>,...)}. */
  public static String methodKey(Class<?> type, String method, Class<?>... parameterTypes) {
    return type.getName() + "/" + method + Arrays.stream(parameterTypes)
        .map(Class::getTypeName).collect(Collectors.joining(",", "(", ")"));
  }

  /**
   * The policies of {@code method} as seen from {@code type} (the class whose name the keys use),
   * or empty when none applies.
   *
   * @throws InvalidPolicyException when an attribute is out of range (the message names the
   *     configuration keys that were used)
   * @throws ConfigException when a configured value cannot be parsed
   */
  public Optional<FaultTolerance> resolve(Class<?> type, Method method, boolean keysAddPolicies) {
    return resolve(AnnotatedMethod.of(type, method), keysAddPolicies);
  }

  /**
   * The policies of {@code method}, or empty when none applies; see
   * {@link #resolve(Class, Method, boolean)}. With {@code keysAddPolicies}, a method-level
   * {@code Fallback/fallbackMethod} or {@code Fallback/value} key adds a fallback too; the caller
   * invokes a configured fallback method itself, as for an annotated one.
   */
  public Optional<FaultTolerance> resolve(AnnotatedMethod method, boolean keysAddPolicies) {
    String key = method.key();
    ClassLoader loader = method.classLoader();
    Keys keys = new Keys(method);
    FaultTolerance.Builder builder = FaultTolerance.builder(key);
    boolean any = false;

    Found<CircuitBreaker> breaker = find(method, CircuitBreaker.class, keys, keysAddPolicies);
    if (breaker != null) {
      CircuitBreakerPolicy.Builder b = breaker.annotation == null
          ? CircuitBreakerPolicy.builder() : CircuitBreakerPolicy.builder(breaker.annotation);
      breaker.value("failOn").ifPresent(v -> b.failOn(v.asThrowableClasses(loader)));
      breaker.value("skipOn").ifPresent(v -> b.skipOn(v.asThrowableClasses(loader)));
      breaker.value("delay").ifPresent(v -> b.delay(v.asLong()));
      breaker.value("delayUnit").ifPresent(v -> b.delayUnit(v.asUnit()));
      breaker.value("requestVolumeThreshold").ifPresent(v -> b.requestVolumeThreshold(v.asInt()));
      breaker.value("failureRatio").ifPresent(v -> b.failureRatio(v.asDouble()));
      breaker.value("successThreshold").ifPresent(v -> b.successThreshold(v.asInt()));
      builder.circuitBreaker(b.build());
      any = true;
    }

    Found<Retry> retry = find(method, Retry.class, keys, keysAddPolicies);
    if (retry != null) {
      RetryPolicy.Builder b = retry.annotation == null ? RetryPolicy.builder() : RetryPolicy.builder(retry.annotation);
      retry.value("maxRetries").ifPresent(v -> b.maxRetries(v.asInt()));
      retry.value("delay").ifPresent(v -> b.delay(v.asLong()));
      retry.value("delayUnit").ifPresent(v -> b.delayUnit(v.asUnit()));
      retry.value("maxDuration").ifPresent(v -> b.maxDuration(v.asLong()));
      retry.value("durationUnit").ifPresent(v -> b.durationUnit(v.asUnit()));
      retry.value("jitter").ifPresent(v -> b.jitter(v.asLong()));
      retry.value("jitterDelayUnit").ifPresent(v -> b.jitterDelayUnit(v.asUnit()));
      retry.value("retryOn").ifPresent(v -> b.retryOn(v.asThrowableClasses(loader)));
      retry.value("abortOn").ifPresent(v -> b.abortOn(v.asThrowableClasses(loader)));
      builder.retry(b.build());
      any = true;
    }

    Found<Timeout> timeout = find(method, Timeout.class, keys, keysAddPolicies);
    if (timeout != null) {
      long value = timeout.value("value").map(ConfigValue::asLong)
          .orElse(timeout.annotation == null ? 1000 : timeout.annotation.value());
      java.time.temporal.ChronoUnit unit = timeout.value("unit").map(ConfigValue::asUnit)
          .orElse(timeout.annotation == null ? java.time.temporal.ChronoUnit.MILLIS : timeout.annotation.unit());
      builder.timeout(TimeoutPolicy.of(value, unit));
      any = true;
    }

    Found<Bulkhead> bulkhead = find(method, Bulkhead.class, keys, keysAddPolicies);
    if (bulkhead != null) {
      int value = bulkhead.value("value").map(ConfigValue::asInt)
          .orElse(bulkhead.annotation == null ? 10 : bulkhead.annotation.value());
      int waiting = bulkhead.value("waitingTaskQueue").map(ConfigValue::asInt)
          .orElse(bulkhead.annotation == null ? 10 : bulkhead.annotation.waitingTaskQueue());
      builder.bulkhead(BulkheadPolicy.of(value, waiting));
      any = true;
    }

    Found<Fallback> fallback = find(method, Fallback.class, keys, keysAddPolicies);
    if (fallback != null) {
      Optional<ConfigValue> handlerKey = fallback.value("value");
      FallbackHandler<?> declaredHandler = null;
      if (fallback.annotation != null) {
        declaredHandler = constructHandlers ? FallbackPolicy.of(fallback.annotation, key).handlerOrNull()
            : FallbackPolicy.check(fallback.annotation, key) ? new UnconstructedHandler(fallback.annotation.value()) : null;
      } else if (handlerKey.isEmpty() && fallback.value("fallbackMethod").isEmpty()) {
        throw new InvalidPolicyException("Fallback on " + key
            + ": is enabled by configuration but names no fallback; add a Fallback/fallbackMethod or Fallback/value key");
      }
      FallbackHandler<?> handler = handlerKey
          .<FallbackHandler<?>>map(v -> handler(v, loader))
          .orElse(declaredHandler);
      Class<? extends Throwable>[] applyOn = fallback.value("applyOn")
          .map(v -> v.asThrowableClasses(loader))
          .orElseGet(() -> fallback.annotation == null ? ExceptionFilter.classes(Throwable.class) : fallback.annotation.applyOn());
      Class<? extends Throwable>[] skipOn = fallback.value("skipOn")
          .map(v -> v.asThrowableClasses(loader))
          .orElseGet(() -> fallback.annotation == null ? ExceptionFilter.classes() : fallback.annotation.skipOn());
      builder.fallback(FallbackPolicy.of(handler, applyOn, skipOn));
      any = true;
    }

    Found<LeaderOnly> leaderOnly = find(method, LeaderOnly.class, keys, keysAddPolicies);
    if (leaderOnly != null) {
      String election = leaderOnly.value("value").map(ConfigValue::value).map(String::trim)
          .orElse(leaderOnly.annotation == null ? "" : leaderOnly.annotation.value());
      builder.leaderOnly(LeaderOnlyPolicy.of(election));
      any = true;
    }

    if (!any) {
      return Optional.empty();
    }
    try {
      return Optional.of(builder.build());
    } catch (InvalidPolicyException e) {
      if (keys.used.isEmpty()) {
        throw e;
      }
      throw new InvalidPolicyException(e.getMessage() + " (configured: " + keys.used.stream()
          .map(v -> v.key() + "=" + v.value() + " from " + v.source())
          .collect(Collectors.joining(", ")) + ")");
    }
  }

  private FallbackHandler<?> handler(ConfigValue value, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(value.value().trim(), false, loader);
      if (!FallbackHandler.class.isAssignableFrom(type)) {
        throw value.invalid("not a FallbackHandler");
      }
      Constructor<?> constructor = type.getConstructor();
      return constructHandlers ? (FallbackHandler<?>) constructor.newInstance() : new UnconstructedHandler(type);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw value.invalid("cannot instantiate (" + e + "); name a FallbackHandler with a public no-argument constructor");
    }
  }

  /**
   * The annotation that applies to {@code method} (method level first, then class level for a
   * public method), or a key-only policy; {@code null} when the policy does not apply.
   */
  private <A extends Annotation> Found<A> find(AnnotatedMethod method, Class<A> annotationType,
      Keys keys, boolean keysAddPolicies) {
    String name = annotationType.getSimpleName();
    A onMethod = method.methodAnnotation(annotationType);
    A onClass = onMethod == null && method.isPublic() ? method.typeAnnotation(annotationType) : null;
    A annotation = onMethod != null ? onMethod : onClass;
    Optional<ConfigValue> enabled = keys.lookup(name, "enabled", true);
    if (annotation != null) {
      if (enabled.isPresent() && !enabled.get().asBoolean()) {
        return null;
      }
      return new Found<>(annotation, name, keys, onClass != null);
    }
    if (!keysAddPolicies) {
      return null;
    }
    boolean enabledAtMethod = keys.lookupMethodLevel(name, "enabled").map(ConfigValue::asBoolean).orElse(false);
    boolean anyAttributeAtMethod = Arrays.stream(annotationType.getDeclaredMethods())
        .anyMatch(attribute -> keys.lookupMethodLevel(name, attribute.getName()).isPresent());
    if (!enabledAtMethod && !anyAttributeAtMethod) {
      return null;
    }
    if (enabled.isPresent() && !enabled.get().asBoolean()) {
      return null;
    }
    return new Found<>(null, name, keys, false);
  }

  /** The annotation found for one policy, and where its attribute keys are looked up. */
  private static final class Found<A extends Annotation> {
    final A annotation;
    final String name;
    final Keys keys;
    final boolean classLevel;

    Found(A annotation, String name, Keys keys, boolean classLevel) {
      this.annotation = annotation;
      this.name = name;
      this.keys = keys;
      this.classLevel = classLevel;
    }

    Optional<ConfigValue> value(String attribute) {
      return keys.lookup(name, attribute, classLevel);
    }
  }

  /** The key prefixes of one method, and the values read through them. */
  private final class Keys {
    final String narrowed;
    final String method;
    final String type;
    final List<ConfigValue> used = new ArrayList<>();

    Keys(AnnotatedMethod method) {
      this.narrowed = method.key() + "/";
      this.method = method.typeName() + "/" + method.name() + "/";
      this.type = method.typeName() + "/";
    }

    Optional<ConfigValue> lookup(String annotation, String attribute, boolean classKeyApplies) {
      String suffix = annotation + "/" + attribute;
      Optional<ConfigValue> value = lookupMethodLevel(annotation, attribute);
      if (value.isEmpty() && classKeyApplies) {
        value = config.get(type + suffix);
      }
      if (value.isEmpty()) {
        value = config.get(suffix);
      }
      value.ifPresent(used::add);
      return value;
    }

    Optional<ConfigValue> lookupMethodLevel(String annotation, String attribute) {
      String suffix = annotation + "/" + attribute;
      Optional<ConfigValue> value = config.get(narrowed + suffix);
      return value.isPresent() ? value : config.get(method + suffix);
    }
  }
}

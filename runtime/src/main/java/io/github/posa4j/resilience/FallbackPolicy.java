package io.github.posa4j.resilience;

import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.FallbackHandler;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a fallback, with the {@code applyOn} and {@code skipOn} of {@link Fallback}.
 *
 * <p>A policy may carry a {@link FallbackHandler}, used by {@link FaultTolerance#call} and
 * {@link FaultTolerance#callAsync}. Generated code and woven advice that call a fallback
 * <i>method</i> build a policy without a handler and ask {@link FaultTolerance#fallsBackOn} whether
 * to call it.
 */
public final class FallbackPolicy implements Policy {
  private final ExceptionFilter applied;
  private final FallbackHandler<?> handler;

  private FallbackPolicy(ExceptionFilter applied, FallbackHandler<?> handler) {
    this.applied = applied;
    this.handler = handler;
  }

  /** A fallback to {@code handler} on every failure. */
  public static FallbackPolicy of(FallbackHandler<?> handler) {
    return new FallbackPolicy(
        new ExceptionFilter(ExceptionFilter.classes(Throwable.class), ExceptionFilter.classes()), handler);
  }

  /**
   * A fallback on the failures that match {@code applyOn} and not {@code skipOn};
   * {@code handler} may be {@code null} when the caller invokes a fallback method itself.
   */
  public static FallbackPolicy of(FallbackHandler<?> handler,
      Class<? extends Throwable>[] applyOn, Class<? extends Throwable>[] skipOn) {
    return new FallbackPolicy(new ExceptionFilter(applyOn, skipOn), handler);
  }

  /**
   * The fallback of {@code annotation}; a handler class is instantiated through its public
   * no-argument constructor.
   *
   * @throws InvalidPolicyException when the handler cannot be instantiated, or when the
   *     annotation names both or neither of a handler class and a fallback method
   */
  public static FallbackPolicy of(Fallback annotation, String method) {
    FallbackHandler<?> handler = null;
    if (check(annotation, method)) {
      try {
        handler = annotation.value().getConstructor().newInstance();
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new InvalidPolicyException("Fallback.value=" + annotation.value().getName() + " on "
            + method + ": cannot be instantiated (" + e + "); give it a public no-argument constructor");
      }
    }
    return of(handler, annotation.applyOn(), annotation.skipOn());
  }

  /**
   * Checks {@code annotation} as {@link #of(Fallback, String)} does, without instantiating a
   * handler, and returns whether it names a handler class (true) or a fallback method (false).
   *
   * @throws InvalidPolicyException when it names both or neither, or the handler class has no
   *     public no-argument constructor
   */
  public static boolean check(Fallback annotation, String method) {
    boolean hasHandler = annotation.value() != Fallback.DEFAULT.class;
    boolean hasMethod = !annotation.fallbackMethod().isEmpty();
    if (hasHandler == hasMethod) {
      throw new InvalidPolicyException("Fallback on " + method + ": "
          + (hasHandler ? "gives both a handler class (" + annotation.value().getName()
              + ") and fallbackMethod=\"" + annotation.fallbackMethod() + "\"; keep one"
              : "gives neither a handler class nor a fallbackMethod; give one"));
    }
    if (hasHandler) {
      try {
        annotation.value().getConstructor();
      } catch (NoSuchMethodException | RuntimeException e) {
        throw new InvalidPolicyException("Fallback.value=" + annotation.value().getName() + " on "
            + method + ": cannot be instantiated (" + e + "); give it a public no-argument constructor");
      }
    }
    return hasHandler;
  }

  /** The handler, if this policy has one. */
  public Optional<FallbackHandler<?>> handler() {
    return Optional.ofNullable(handler);
  }

  /** The failures the fallback handles. */
  public List<Class<? extends Throwable>> applyOn() {
    return applied.on();
  }

  /** The failures that are rethrown although they match {@link #applyOn()}. */
  public List<Class<? extends Throwable>> skipOn() {
    return applied.skip();
  }

  boolean appliesTo(Throwable failure) {
    return applied.matches(failure);
  }

  FallbackHandler<?> handlerOrNull() {
    return handler;
  }

  @Override
  public String toString() {
    Class<?> handlerClass = handler instanceof UnconstructedHandler unconstructed ? unconstructed.type
        : handler == null ? null : handler.getClass();
    return "Fallback(" + (handlerClass == null ? "method" : handlerClass.getName())
        + ", applyOn=" + applied + ")";
  }
}

package io.github.posa4j.resilience;

import io.github.posa4j.annotation.ExecutionContext;
import io.github.posa4j.annotation.FallbackHandler;

/**
 * Stands for a fallback handler that {@link PolicyResolver#checking} verified but did not
 * construct: policies resolved for checking are for inspection only.
 */
final class UnconstructedHandler implements FallbackHandler<Object> {
  final Class<?> type;

  UnconstructedHandler(Class<?> type) {
    this.type = type;
  }

  @Override
  public Object handle(ExecutionContext context) {
    throw new IllegalStateException("these policies were resolved to be checked, not to be used: "
        + type.getName() + " was not constructed");
  }
}

package io.github.posa4j.resilience;

import io.github.posa4j.annotation.ExecutionContext;

/** The {@link ExecutionContext} handed to a fallback handler. */
record FailedCall(String method, Object[] parameters, Throwable failure) implements ExecutionContext {}

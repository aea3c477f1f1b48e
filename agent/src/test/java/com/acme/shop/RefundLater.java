package com.acme.shop;

import io.github.posa4j.annotation.ExecutionContext;
import io.github.posa4j.annotation.FallbackHandler;

/** A fallback handler that only configuration names, for {@link KeyedFallbackShop#refund}. */
public class RefundLater implements FallbackHandler<String> {
  public RefundLater() {}

  @Override
  public String handle(ExecutionContext context) {
    return "refund of " + context.parameters()[0] + " queued (" + context.failure().getMessage() + ", "
        + context.method() + ")";
  }
}

package io.github.posa4j.benchmarks;

import java.util.Objects;

/**
 * The proxy a developer would write by hand: a final class that forwards each call to a target
 * held in a final field. The reference for the generated proxy without interceptors.
 */
public final class DelegatingPriceList implements PriceList {
  private final PriceList target;

  /** Forwards every call to {@code target}. */
  public DelegatingPriceList(PriceList target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public long price(int sku) {
    return target.price(sku);
  }
}

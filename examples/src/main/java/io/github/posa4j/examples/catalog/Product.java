package io.github.posa4j.examples.catalog;

import java.util.Objects;

/**
 * A product in the {@link Catalogue}.
 *
 * @param sku the stock-keeping unit that identifies the product
 * @param name what customers see
 * @param priceCents the price in cents, never negative
 */
public record Product(String sku, String name, long priceCents) {

  /** Checks the components. */
  public Product {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    if (priceCents < 0) {
      throw new IllegalArgumentException("negative price: " + priceCents);
    }
  }
}

package io.github.posa4j.examples.catalog;

import io.github.posa4j.annotation.Proxy;

/**
 * A product catalogue. {@code @Proxy} makes the posa4j processor generate
 * {@code CatalogueProxy}, with {@code lazy(Supplier)} for a virtual proxy and
 * {@code intercept(Catalogue, Interceptor...)} for a chain of interceptors around a target.
 */
@Proxy
public interface Catalogue {

  /** The product with this SKU, or {@code null} when there is none. */
  Product find(String sku);

  /** Adds {@code product}, or replaces the product with the same SKU. */
  void update(Product product);
}

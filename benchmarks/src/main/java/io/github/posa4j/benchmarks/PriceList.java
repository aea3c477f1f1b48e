package io.github.posa4j.benchmarks;

import io.github.posa4j.annotation.Proxy;

/**
 * The proxied interface of {@link ProxyBenchmark}: one method, a primitive argument and a
 * primitive result, so that any boxing the figures show is the proxy's own. The processor
 * generates {@code PriceListProxy} from the {@link Proxy @Proxy} annotation when this module is
 * compiled.
 */
@Proxy
public interface PriceList {
  /** The price of article {@code sku}, in cents. */
  long price(int sku);
}

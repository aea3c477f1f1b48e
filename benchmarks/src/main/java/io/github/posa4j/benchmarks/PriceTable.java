package io.github.posa4j.benchmarks;

/**
 * The target behind every proxy of {@link ProxyBenchmark}: a trivial computation from two
 * fields, so that the call cannot be folded into a constant and costs about a nanosecond.
 */
public final class PriceTable implements PriceList {
  private final long base;
  private final long step;

  /** A table where article {@code sku} costs {@code base + sku * step}. */
  public PriceTable(long base, long step) {
    this.base = base;
    this.step = step;
  }

  @Override
  public long price(int sku) {
    return base + sku * step;
  }
}

package io.github.posa4j.benchmarks.pubsub;

/**
 * The event of the Publisher-Subscriber benchmarks: a small immutable value, the same type for
 * posa4j ({@link PriceEvents#priceChanged}), Guava's {@code EventBus} and greenrobot's
 * {@code EventBus}. Public, as greenrobot's index generator requires of event types. The
 * benchmarks post one instance created in the setup, so none of them measures allocating it.
 */
public final class PriceChange {
  private final int instrument;
  private final long priceInCents;

  public PriceChange(int instrument, long priceInCents) {
    this.instrument = instrument;
    this.priceInCents = priceInCents;
  }

  public int instrument() {
    return instrument;
  }

  public long priceInCents() {
    return priceInCents;
  }

  @Override
  public String toString() {
    return "PriceChange[" + instrument + ", " + priceInCents + "]";
  }
}

package io.github.posa4j.benchmarks.pubsub;

import com.google.common.eventbus.AllowConcurrentEvents;
import org.greenrobot.eventbus.ThreadMode;

/**
 * The subscriber of {@link SyncPublishBenchmark}: one class for all four ways of delivering, so
 * that each measures the same subscriber code. Its one method is the {@link PriceEvents} method
 * (posa4j and the direct baseline), a Guava {@code @Subscribe} method and a greenrobot
 * {@code @Subscribe(threadMode = POSTING)} method at once; each bus ignores the other's
 * annotation.
 *
 * <p>The work is one increment of a plain field of this instance: a side effect the JIT cannot
 * remove, the least work a subscriber can do, and what lets the setup check that each bus
 * delivers each post exactly once to each subscriber. Not thread-safe; the synchronous benchmark
 * publishes from one thread.
 *
 * <p>{@code @AllowConcurrentEvents}: without it Guava wraps the call in a
 * {@code synchronized} block on the subscriber. posa4j's synchronous delivery calls the subscriber
 * directly, without any lock (as does the baseline), so the fair Guava counterpart is the one
 * without the lock, its faster configuration. Public, with a public method: greenrobot's index
 * generator skips (and leaves to reflection) subscribers it cannot call from the index's package.
 */
public final class NoOpSubscriber implements PriceEvents {
  long received;

  @Override
  @com.google.common.eventbus.Subscribe
  @AllowConcurrentEvents
  @org.greenrobot.eventbus.Subscribe(threadMode = ThreadMode.POSTING)
  public void priceChanged(PriceChange change) {
    received++;
  }
}

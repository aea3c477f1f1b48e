package io.github.posa4j.benchmarks.pubsub;

import com.google.common.eventbus.EventBus;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.greenrobot.eventbus.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Posting one event to {@link #subscribers} (1 or 10) synchronous no-op subscribers, on the
 * posting thread: time per post, in ns ({@code AverageTime}). Each benchmark method posts the same
 * preallocated {@link PriceChange} to the same {@link NoOpSubscriber} instances (distinct
 * instances of one class, each registered once on each bus), so that the ways differ only in the
 * delivery:
 *
 * <ul>
 *   <li>{@link #direct}: a loop over a {@code PriceEvents[]} calling
 *       {@code priceChanged(change)} on each: what a hand-written publisher does; the baseline.
 *   <li>{@link #posa4j}: {@code PriceEventsPublisher.priceChanged(change)}, the generated
 *       publisher with every subscriber subscribed with {@code Delivery.sync()} (one volatile array
 *       read, then per subscriber a volatile active-flag read and an interface call in a
 *       try/catch).
 *   <li>{@link #guava}: Guava's {@code EventBus.post(change)}, default configuration (per-thread
 *       queued dispatcher, reflective call of the {@code @Subscribe} method);
 *       {@code @AllowConcurrentEvents} on the subscriber, see {@link NoOpSubscriber}.
 *   <li>{@link #greenrobot}: greenrobot's {@code EventBus.post(change)}, built with the
 *       generated {@link GreenrobotIndex} ({@code addIndex}, {@code ignoreGeneratedIndex(false)}),
 *       thread mode {@code POSTING}, otherwise greenrobot's defaults (event inheritance on), with
 *       its logging and "no subscriber" events off.
 *   <li>{@link #greenrobotNoInheritance}: the same with {@code eventInheritance(false)}, which
 *       greenrobot's documentation names as the way to post faster; for information.
 * </ul>
 *
 * <p>The index only replaces reflection when subscribers register; posting works from the
 * registered subscriptions in both cases, and greenrobot calls the method by reflection
 * ({@code Method.invoke}) either way. The setup checks that the index is the generated one and
 * knows {@link NoOpSubscriber}, and that every bus delivers one post exactly once to every
 * subscriber; the tear-down that every subscriber received as many events as the others.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SyncPublishBenchmark {

  @Param({"1", "10"})
  public int subscribers;

  private final PriceChange change = new PriceChange(42, 12_345L);
  private NoOpSubscriber[] targets;
  private PriceEvents[] direct;
  private PriceEventsPublisher publisher;
  private EventBus guava;
  private org.greenrobot.eventbus.EventBus greenrobot;
  private org.greenrobot.eventbus.EventBus greenrobotNoInheritance;

  @Setup
  public void setUp() {
    targets = new NoOpSubscriber[subscribers];
    direct = new PriceEvents[subscribers];
    publisher = PriceEventsPublisher.create();
    guava = new EventBus("prices");
    greenrobot = greenrobotBuilder().build();
    greenrobotNoInheritance = greenrobotBuilder().eventInheritance(false).build();
    for (int i = 0; i < subscribers; i++) {
      NoOpSubscriber subscriber = new NoOpSubscriber();
      targets[i] = subscriber;
      direct[i] = subscriber;
      publisher.subscribe(subscriber);
      guava.register(subscriber);
      greenrobot.register(subscriber);
      greenrobotNoInheritance.register(subscriber);
    }
    checkIndex(greenrobot);
    checkIndex(greenrobotNoInheritance);
    checkOnePost("direct", () -> direct());
    checkOnePost("posa4j", () -> posa4j());
    checkOnePost("guava", () -> guava());
    checkOnePost("greenrobot", () -> greenrobot());
    checkOnePost("greenrobotNoInheritance", () -> greenrobotNoInheritance());
  }

  /**
   * greenrobot's builder as every greenrobot benchmark uses it: the generated index, no logging
   * (and a logger that prints nothing, so that it never looks for Android's), no
   * {@code NoSubscriberEvent}, no {@code SubscriberExceptionEvent}.
   */
  static org.greenrobot.eventbus.EventBusBuilder greenrobotBuilder() {
    return org.greenrobot.eventbus.EventBus.builder()
        .addIndex(new GreenrobotIndex())
        .ignoreGeneratedIndex(false)
        .logger(SilentLogger.INSTANCE)
        .logNoSubscriberMessages(false)
        .sendNoSubscriberEvent(false)
        .logSubscriberExceptions(false)
        .sendSubscriberExceptionEvent(false);
  }

  /** Fails the trial unless the generated index describes the subscriber and the bus counts one index. */
  static void checkIndex(org.greenrobot.eventbus.EventBus bus) {
    if (new GreenrobotIndex().getSubscriberInfo(NoOpSubscriber.class) == null) {
      throw new IllegalStateException("GreenrobotIndex does not describe NoOpSubscriber");
    }
    if (!bus.toString().contains("indexCount=1")) {
      throw new IllegalStateException("greenrobot's bus does not use the index: " + bus);
    }
  }

  private void checkOnePost(String way, Runnable post) {
    long before = targets[0].received;
    for (NoOpSubscriber target : targets) {
      if (target.received != before) {
        throw new IllegalStateException(way + ": subscribers out of step before the check");
      }
    }
    post.run();
    for (NoOpSubscriber target : targets) {
      if (target.received != before + 1) {
        throw new IllegalStateException(way + ": a subscriber received " + (target.received - before)
            + " events for one post");
      }
    }
  }

  @TearDown
  public void tearDown() {
    for (NoOpSubscriber target : targets) {
      if (target.received != targets[0].received) {
        throw new IllegalStateException("subscribers received different numbers of events");
      }
    }
    publisher.close();
  }

  @Benchmark
  public void direct() {
    PriceChange change = this.change;
    for (PriceEvents subscriber : direct) {
      subscriber.priceChanged(change);
    }
  }

  @Benchmark
  public void posa4j() {
    publisher.priceChanged(change);
  }

  @Benchmark
  public void guava() {
    guava.post(change);
  }

  @Benchmark
  public void greenrobot() {
    greenrobot.post(change);
  }

  @Benchmark
  public void greenrobotNoInheritance() {
    greenrobotNoInheritance.post(change);
  }

  /** A greenrobot logger that prints nothing (its default looks for Android's and else prints to stdout). */
  enum SilentLogger implements Logger {
    INSTANCE;

    @Override
    public void log(Level level, String msg) {}

    @Override
    public void log(Level level, String msg, Throwable th) {}
  }
}

package io.github.posa4j.benchmarks.pubsub;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.Subscribe;
import io.github.posa4j.pubsub.Delivery;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Asynchronous delivery end to end: each invocation posts a batch of {@value #BATCH} events from
 * the benchmark thread to {@link #subscribers} (1 or 10) subscribers, then waits until every
 * subscriber has received all of them, so that no queue can grow from one invocation to the
 * next. {@code AverageTime} with {@code @OperationsPerInvocation(BATCH)}: the score is ns per
 * event posted <em>and</em> delivered to every subscriber. Both sides run on the same kind of
 * executor, {@code Executors.newFixedThreadPool(threads)} ({@link #threads}: 1 or 2), created in
 * the setup and shut down in the tear-down; one benchmark thread publishes.
 *
 * <ul>
 *   <li>{@link #posa4j}: {@code PriceEventsPublisher} with every subscriber subscribed with
 *       {@code Delivery.async(executor)}: a bounded queue per subscriber (the default 1,024
 *       events, {@code BLOCK}; a batch of {@value #BATCH} never fills it), drained serially in
 *       turns of up to 256 events, one {@code executor.execute} per turn.
 *   <li>{@link #guava}: Guava's {@code new AsyncEventBus(executor)}, the subscriber's
 *       {@code @Subscribe} method <em>without</em> {@code @AllowConcurrentEvents}: one
 *       {@code executor.execute} per event and subscriber, and Guava runs the call in a
 *       {@code synchronized} block on the subscriber. This is the comparison the goal is about.
 *   <li>{@link #guavaConcurrent}: the same with {@code @AllowConcurrentEvents}: no lock, so a
 *       subscriber may be called by several pool threads at once; for information.
 * </ul>
 *
 * <p><b>Why Guava without {@code @AllowConcurrentEvents}.</b> posa4j calls an asynchronous
 * subscriber one event at a time (and in order), so subscriber code needs no locking of its own.
 * Guava gives that guarantee (without the order) only without {@code @AllowConcurrentEvents}:
 * then each call holds the subscriber's monitor. With it, a multi-thread executor may run one
 * subscriber on several threads at once, a guarantee posa4j does not drop, so a subscriber written
 * for it must be thread-safe. The closest equivalent is therefore Guava's default; the concurrent
 * form is measured too so that the reader sees what the lock costs Guava. With one pool thread the
 * two differ only by the uncontended monitor.
 *
 * <p>Every subscriber does the same work whatever the bus: it counts the event with an atomic
 * add on its own counter (padded onto its own cache line; atomic because Guava's concurrent form
 * may call it from two threads), and the subscriber whose count reaches the batch's end tells the
 * batch's {@link Completion}; the last of them unparks the benchmark thread, which spins briefly
 * ({@value Completion#SPINS} spin-wait hints) and then parks. The tear-down checks that every
 * subscriber received every event posted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AsyncPublishBenchmark {
  static final int BATCH = 1_000;

  @Param({"1", "10"})
  public int subscribers;

  @Param({"1", "2"})
  public int threads;

  private final PriceChange change = new PriceChange(42, 12_345L);
  private ExecutorService executor;

  private PriceEventsPublisher publisher;
  private Completion posa4jDone;
  private CountingSubscriber[] posa4jTargets;

  private AsyncEventBus guava;
  private Completion guavaDone;
  private CountingSubscriber[] guavaTargets;

  private AsyncEventBus guavaConcurrent;
  private Completion guavaConcurrentDone;
  private CountingSubscriber[] guavaConcurrentTargets;

  @Setup
  public void setUp() {
    executor = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "pubsub-benchmark-pool");
      thread.setDaemon(true);
      return thread;
    });

    posa4jDone = new Completion();
    posa4jTargets = create(posa4jDone, Posa4jSubscriber::new);
    publisher = PriceEventsPublisher.create();
    for (CountingSubscriber target : posa4jTargets) {
      publisher.subscribe((Posa4jSubscriber) target, Delivery.async(executor));
    }

    guavaDone = new Completion();
    guavaTargets = create(guavaDone, GuavaSubscriber::new);
    guava = new AsyncEventBus("prices", executor);
    for (CountingSubscriber target : guavaTargets) {
      guava.register(target);
    }

    guavaConcurrentDone = new Completion();
    guavaConcurrentTargets = create(guavaConcurrentDone, GuavaConcurrentSubscriber::new);
    guavaConcurrent = new AsyncEventBus("prices-concurrent", executor);
    for (CountingSubscriber target : guavaConcurrentTargets) {
      guavaConcurrent.register(target);
    }

    // One batch each, checked: every bus delivers every event to every subscriber.
    posa4j();
    check("posa4j", posa4jDone, posa4jTargets);
    guava();
    check("guava", guavaDone, guavaTargets);
    guavaConcurrent();
    check("guavaConcurrent", guavaConcurrentDone, guavaConcurrentTargets);
  }

  private CountingSubscriber[] create(Completion done, Function<Completion, CountingSubscriber> factory) {
    CountingSubscriber[] targets = new CountingSubscriber[subscribers];
    for (int i = 0; i < subscribers; i++) {
      targets[i] = factory.apply(done);
    }
    return targets;
  }

  private static void check(String way, Completion done, CountingSubscriber[] targets) {
    for (CountingSubscriber target : targets) {
      if (target.received() != done.target) {
        throw new IllegalStateException(way + ": a subscriber received " + target.received() + " of "
            + done.target + " events");
      }
    }
  }

  @TearDown
  public void tearDown() throws InterruptedException {
    check("posa4j", posa4jDone, posa4jTargets);
    check("guava", guavaDone, guavaTargets);
    check("guavaConcurrent", guavaConcurrentDone, guavaConcurrentTargets);
    publisher.close();
    executor.shutdown();
    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the pool did not stop");
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void posa4j() {
    Completion done = posa4jDone;
    done.begin(subscribers);
    PriceEventsPublisher publisher = this.publisher;
    PriceChange change = this.change;
    for (int i = 0; i < BATCH; i++) {
      publisher.priceChanged(change);
    }
    done.await();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void guava() {
    post(guava, guavaDone);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void guavaConcurrent() {
    post(guavaConcurrent, guavaConcurrentDone);
  }

  private void post(AsyncEventBus bus, Completion done) {
    done.begin(subscribers);
    PriceChange change = this.change;
    for (int i = 0; i < BATCH; i++) {
      bus.post(change);
    }
    done.await();
  }

  /**
   * The end of one batch: how many subscribers have not yet received all of it, and the count
   * each must reach. Written by the benchmark thread before it posts the batch's first event, so
   * the subscribers' threads see it (each event they receive was handed over after it).
   */
  static final class Completion {
    /** Spin-wait hints before the benchmark thread parks. */
    static final int SPINS = 1 << 10;

    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Thread waiter;
    /** Events each subscriber has received when the current batch is complete. */
    volatile long target;

    void begin(int subscribers) {
      target += BATCH;
      waiter = Thread.currentThread();
      remaining.set(subscribers);
    }

    void arrived() {
      if (remaining.decrementAndGet() == 0) {
        LockSupport.unpark(waiter);
      }
    }

    void await() {
      for (int spins = 0; remaining.get() != 0; spins++) {
        if (spins < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
    }
  }

  /** 56 bytes ahead of {@link CountingSubscriber}'s counter, so that no two counters share a cache line. */
  abstract static class PaddingBefore {
    long p1, p2, p3, p4, p5, p6, p7;
  }

  /**
   * The work of every asynchronous subscriber: count the event; the one that completes the batch
   * tells the {@link Completion}.
   */
  abstract static class CountingSubscriber extends PaddingBefore {
    private static final VarHandle RECEIVED;

    static {
      try {
        RECEIVED = MethodHandles.lookup().findVarHandle(CountingSubscriber.class, "received", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private volatile long received;
    long q1, q2, q3, q4, q5, q6, q7;
    private final Completion done;

    CountingSubscriber(Completion done) {
      this.done = done;
    }

    final void count() {
      long n = (long) RECEIVED.getAndAdd(this, 1L) + 1;
      if (n == done.target) {
        done.arrived();
      }
    }

    final long received() {
      return received;
    }
  }

  /** posa4j's asynchronous subscriber: the {@link PriceEvents} method. */
  static final class Posa4jSubscriber extends CountingSubscriber implements PriceEvents {
    Posa4jSubscriber(Completion done) {
      super(done);
    }

    @Override
    public void priceChanged(PriceChange change) {
      count();
    }
  }

  /** Guava's subscriber as the goal compares it: {@code @Subscribe}, serialised by Guava's monitor. */
  static final class GuavaSubscriber extends CountingSubscriber {
    GuavaSubscriber(Completion done) {
      super(done);
    }

    @Subscribe
    public void priceChanged(PriceChange change) {
      count();
    }
  }

  /** Guava's subscriber with {@code @AllowConcurrentEvents}: no monitor; for information. */
  static final class GuavaConcurrentSubscriber extends CountingSubscriber {
    GuavaConcurrentSubscriber(Completion done) {
      super(done);
    }

    @Subscribe
    @AllowConcurrentEvents
    public void priceChanged(PriceChange change) {
      count();
    }
  }
}

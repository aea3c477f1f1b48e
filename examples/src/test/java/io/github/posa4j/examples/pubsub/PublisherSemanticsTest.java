package io.github.posa4j.examples.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.DeliveryFailure;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.QueueOverflow;
import io.github.posa4j.pubsub.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery order, listeners, error isolation, changes during a dispatch, and close, on generated publishers. */
class PublisherSemanticsTest {
  private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final TicksPublisher ticks = TicksPublisher.create(PublisherOptions.builder()
      .name("ticks")
      .errorHandler(failures::add)
      .executor(executor)
      .build());

  @AfterEach
  void shutDown() throws InterruptedException {
    ticks.close();
    executor.shutdown();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void synchronousSubscribersAndListenersReceiveEachEventOnThePublishingThreadInRegistrationOrder() {
    List<String> seen = new ArrayList<>();
    Thread publishing = Thread.currentThread();
    ticks.subscribe(new Ticks() {
      @Override
      public void tick(int source, long sequence) {
        seen.add("first tick " + sequence + (Thread.currentThread() == publishing ? "" : " elsewhere"));
      }

      @Override
      public void reset(String reason) {
        seen.add("first reset " + reason);
      }
    });
    ticks.onReset(reason -> seen.add("reset listener " + reason));
    ticks.onTick((source, sequence) -> seen.add("tick listener " + sequence));

    ticks.tick(0, 1);
    ticks.reset("noon");

    assertThat(seen).containsExactly("first tick 1", "tick listener 1", "first reset noon", "reset listener noon");
    assertThat(failures).isEmpty();
  }

  @Test
  void aThrowingSubscriberStopsNoOneAndItsErrorReachesTheHandlerWithSubscriberEventAndArguments() throws Exception {
    Recorder before = Recorder.open();
    Recorder after = Recorder.open();
    Recorder asyncAfter = Recorder.open();
    ticks.subscribe(before);
    ticks.onTick((source, sequence) -> {
      throw new IllegalStateException("tick " + sequence + " refused");
    });
    ticks.onTick((source, sequence) -> {
      throw new IllegalStateException("async tick " + sequence + " refused");
    }, Delivery.async(executor));
    ticks.subscribe(after);
    ticks.subscribe(asyncAfter, Delivery.async(executor));

    ticks.tick(3, 42); // returns normally
    ticks.close(); // drains the asynchronous queues

    assertThat(before.received()).containsExactly("tick 3/42");
    assertThat(after.received()).containsExactly("tick 3/42");
    assertThat(asyncAfter.received()).containsExactly("tick 3/42");
    assertThat(failures).hasSize(2);
    assertThat(failures).allSatisfy(failure -> {
      assertThat(failure.publisher()).isEqualTo("ticks");
      assertThat(failure.event()).isEqualTo("tick");
      assertThat(failure.arguments()).containsExactly(3, 42L);
      assertThat(failure.subscriber()).isInstanceOf(TicksPublisher.TickListener.class);
    });
    assertThat(failures).extracting(failure -> failure.error().getMessage())
        .containsExactlyInAnyOrder("tick 42 refused", "async tick 42 refused");
  }

  @Test
  void withoutAnErrorHandlerTheErrorIsLoggedAsAWarningNamingPublisherEventAndSubscriber() {
    List<LogRecord> records = capturingPubsubLog(() -> {
      try (TicksPublisher logged = TicksPublisher.create()) {
        Recorder fine = Recorder.open();
        logged.onReset(reason -> {
          throw new IllegalArgumentException("bad reason");
        });
        logged.subscribe(fine);

        logged.reset("why");

        assertThat(fine.received()).containsExactly("reset why");
      }
    });

    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
      assertThat(record.getMessage()).startsWith("subscriber ").contains(" of Ticks failed on event reset: ");
      assertThat(record.getThrown()).hasMessage("bad reason");
    });
  }

  @Test
  void anErrorHandlerThatThrowsStopsNoDeliveryAndIsLogged() {
    List<LogRecord> records = capturingPubsubLog(() -> {
      try (TicksPublisher publisher = TicksPublisher.create(PublisherOptions.builder()
          .errorHandler(failure -> {
            throw new IllegalStateException("the handler is broken too");
          })
          .build())) {
        Recorder fine = Recorder.open();
        publisher.onTick((source, sequence) -> {
          throw new IllegalStateException("boom");
        });
        publisher.subscribe(fine);

        publisher.tick(1, 1);
        publisher.tick(1, 2);

        assertThat(fine.received()).containsExactly("tick 1/1", "tick 1/2");
      }
    });

    assertThat(records).hasSize(2).allSatisfy(record -> {
      assertThat(record.getMessage()).startsWith("the error handler of Ticks threw while handling: subscriber ")
          .endsWith("failed on event tick: java.lang.IllegalStateException: boom");
      assertThat(record.getThrown()).hasMessage("the handler is broken too");
    });
  }

  /** Runs {@code body} with the records of the logger {@code io.github.posa4j.pubsub} captured, not printed. */
  private static List<LogRecord> capturingPubsubLog(Runnable body) {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("io.github.posa4j.pubsub");
    logger.addHandler(capture);
    boolean parentHandlers = logger.getUseParentHandlers();
    logger.setUseParentHandlers(false);
    try {
      body.run();
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(parentHandlers);
    }
    return records;
  }

  @Test
  void aSubscriberAddedDuringADispatchMissesThatEventAndReceivesTheNext() {
    Recorder late = Recorder.open();
    AtomicReference<Subscription> added = new AtomicReference<>();
    ticks.onTick((source, sequence) -> {
      if (added.get() == null) {
        added.set(ticks.subscribe(late));
      }
    });

    ticks.tick(0, 1);
    ticks.tick(0, 2);

    assertThat(late.received()).containsExactly("tick 0/2");
  }

  @Test
  void aSubscriberRemovedDuringADispatchReceivesNothingOnceCloseReturned() {
    Recorder removed = Recorder.open();
    AtomicReference<Subscription> subscription = new AtomicReference<>();
    ticks.onTick((source, sequence) -> subscription.get().close()); // before `removed` in the list
    subscription.set(ticks.subscribe(removed));

    ticks.tick(0, 1);
    ticks.tick(0, 2);

    assertThat(removed.received()).isEmpty();
    assertThat(subscription.get().isActive()).isFalse();
  }

  @Test
  void aSubscriberMayUnsubscribeItselfWhileItHandlesAnEvent() {
    List<Long> seen = new ArrayList<>();
    AtomicReference<Subscription> self = new AtomicReference<>();
    self.set(ticks.onTick((source, sequence) -> {
      seen.add(sequence);
      self.get().close();
    }));

    ticks.tick(0, 1);
    ticks.tick(0, 2);

    assertThat(seen).containsExactly(1L);
  }

  @Test
  void closingASubscriptionIsIdempotentAndLeavesTheOthers() {
    Recorder kept = Recorder.open();
    Recorder dropped = Recorder.open();
    ticks.subscribe(kept);
    Subscription subscription = ticks.subscribe(dropped);

    subscription.close();
    subscription.close();
    ticks.reset("after");

    assertThat(kept.received()).containsExactly("reset after");
    assertThat(dropped.received()).isEmpty();
    assertThat(ticks.toString()).isEqualTo("TicksPublisher[ticks, 1 subscription]");
  }

  @Test
  void closeWaitsForQueuedEventsThenRefusesPublishingAndSubscribing() throws Exception {
    Recorder slow = Recorder.gated();
    Subscription subscription = ticks.subscribe(slow, Delivery.async(executor));
    for (int i = 1; i <= 100; i++) {
      ticks.tick(0, i);
    }
    slow.awaitFirstDelivery();

    CompletableFuture<Void> closing = new CompletableFuture<>();
    Thread closer = new Thread(() -> {
      ticks.close();
      closing.complete(null);
    }, "closer");
    closer.start();
    Conditions.awaitWaiting(closer);
    assertThat(closing).isNotDone();

    slow.openGate();
    closing.get(10, TimeUnit.SECONDS);

    assertThat(slow.received()).hasSize(100).startsWith("tick 0/1").endsWith("tick 0/100");
    assertThat(subscription.isActive()).isFalse();
    assertThat(subscription.pendingEvents()).isZero();
    assertThatThrownBy(() -> ticks.tick(0, 101))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the publisher ticks is closed, so it cannot publish events; create a new publisher instead");
    assertThatThrownBy(() -> ticks.subscribe(Recorder.open()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the publisher ticks is closed, so it cannot take subscribers; create a new publisher instead");
    assertThat(ticks.toString()).isEqualTo("TicksPublisher[ticks, closed]");
    ticks.close(); // idempotent
  }

  @Test
  void closeAlsoWaitsForTheEventsQueuedForAnAsynchronousSubscriptionClosedBefore() throws Exception {
    Recorder slow = Recorder.gated();
    Subscription subscription = ticks.subscribe(slow, Delivery.async(executor));
    ticks.tick(0, 1);
    ticks.tick(0, 2);
    slow.awaitFirstDelivery();
    subscription.close();
    assertThat(subscription.pendingEvents()).isEqualTo(1); // still to be delivered, as close() promises

    CompletableFuture<List<String>> receivedWhenClosed = new CompletableFuture<>();
    Thread closer = new Thread(() -> {
      ticks.close();
      receivedWhenClosed.complete(slow.received());
    }, "closer");
    closer.start();
    Conditions.awaitWaitingOrTerminated(closer);
    assertThat(receivedWhenClosed).isNotDone();

    slow.openGate();
    assertThat(receivedWhenClosed.get(10, TimeUnit.SECONDS)).containsExactly("tick 0/1", "tick 0/2");
    assertThat(subscription.pendingEvents()).isZero();
  }

  @Test
  void anAsynchronousSubscriberMayCloseItsSubscriptionAndThenItsPublisherWithoutWaitingForItself() throws Exception {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    AtomicReference<Subscription> self = new AtomicReference<>();
    self.set(ticks.onReset(reason -> {
      self.get().close();
      ticks.close(); // must not wait for its own queue, whose turn this very call is part of
      closed.complete(null);
    }, Delivery.async(executor)));

    ticks.reset("shutdown");

    closed.get(10, TimeUnit.SECONDS);
    assertThat(self.get().isActive()).isFalse();
    assertThatThrownBy(() -> ticks.reset("again")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAsynchronousSubscriberMayCloseItsPublisherEvenWhenOthersQueueOnItsOnlyThread() throws Exception {
    ExecutorService oneThread = Executors.newSingleThreadExecutor();
    CountDownLatch bothPublished = new CountDownLatch(1);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    ticks.onReset(reason -> {
      try {
        bothPublished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ticks.close(); // must not wait for `other`, which needs this very thread
      closed.complete(null);
    }, Delivery.async(oneThread));
    Recorder other = Recorder.open();
    ticks.subscribe(other, Delivery.async(oneThread));

    ticks.reset("shutdown");
    ticks.tick(0, 1);
    bothPublished.countDown();

    closed.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> ticks.reset("again")).isInstanceOf(IllegalStateException.class);
    oneThread.shutdown();
    assertThat(oneThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(other.received()).containsExactly("reset shutdown", "tick 0/1");
  }

  @Test
  void anExecutorThatRefusesSendsTheQueuedEventsToTheErrorHandler() {
    Recorder never = Recorder.open();
    ticks.subscribe(never, Delivery.async(task -> {
      throw new RejectedExecutionException("no threads today");
    }));

    ticks.tick(7, 1);
    ticks.tick(7, 2);

    assertThat(never.received()).isEmpty();
    assertThat(failures).extracting(failure -> failure.arguments().get(1)).containsExactly(1L, 2L);
    assertThat(failures).allSatisfy(failure -> {
      assertThat(failure.subscriber()).isSameAs(never);
      assertThat(failure.error()).isInstanceOf(RejectedExecutionException.class).hasMessage("no threads today");
    });
  }

  @Test
  void anAsynchronousListenerQueuesOnlyItsOwnEvent() throws Exception {
    ExecutorService held = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    held.execute(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    List<Long> ticksSeen = new CopyOnWriteArrayList<>();
    Subscription listener = ticks.onTick((source, sequence) -> ticksSeen.add(sequence),
        Delivery.async(held, 1, QueueOverflow.FAIL));

    for (int i = 0; i < 5; i++) {
      ticks.reset("noise " + i); // not this listener's event: must not take room in its queue
    }
    ticks.tick(0, 7);

    assertThat(listener.pendingEvents()).isEqualTo(1);
    assertThat(listener.droppedEvents()).isZero();
    release.countDown();
    ticks.close();
    held.shutdown();
    assertThat(held.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ticksSeen).containsExactly(7L);
    assertThat(failures).isEmpty();
  }

  @Test
  void aFailingSubscriberWhoseToStringThrowsStillReachesNoOneElse() {
    Recorder after = Recorder.open();
    List<LogRecord> records = capturingPubsubLog(() -> {
      try (TicksPublisher logged = TicksPublisher.create()) {
        logged.subscribe(new Ticks() {
          @Override
          public void tick(int source, long sequence) {
            throw new IllegalStateException("tick failed");
          }

          @Override
          public void reset(String reason) {}

          @Override
          public String toString() {
            throw new IllegalStateException("toString failed too");
          }
        });
        logged.subscribe(after);

        logged.tick(0, 1); // returns normally
      }
    });

    assertThat(after.received()).containsExactly("tick 0/1");
    assertThat(records).singleElement().satisfies(record ->
        assertThat(record.getMessage()).contains(" of Ticks failed on event tick: java.lang.IllegalStateException: tick failed"));
  }

  @Test
  void anErrorHandlerThatClosesThePublisherWhenTheExecutorRefusesDoesNotWaitForItself() {
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    AtomicReference<TicksPublisher> self = new AtomicReference<>();
    TicksPublisher closing = TicksPublisher.create(PublisherOptions.builder()
        .errorHandler(failure -> {
          reported.add(failure.error());
          self.get().close();
        })
        .build());
    self.set(closing);
    closing.subscribe(Recorder.open(), Delivery.async(task -> {
      throw new OutOfMemoryError("unable to create native thread");
    }));

    closing.tick(0, 1);

    assertThat(reported).singleElement().isInstanceOf(OutOfMemoryError.class);
    assertThatThrownBy(() -> closing.tick(0, 2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anExecutorThatRunsTasksInTheCallerDeliversALongBacklogWithoutGrowingTheStack() {
    int backlog = 50_000;
    List<Integer> depths = new ArrayList<>();
    List<Long> seen = new ArrayList<>();
    ticks.subscribe(new Ticks() {
      @Override
      public void tick(int source, long sequence) {
        depths.add(Thread.currentThread().getStackTrace().length);
        seen.add(sequence);
        if (sequence == 0) {
          for (long next = 1; next <= backlog; next++) { // queued behind this delivery: a backlog of many turns
            ticks.tick(source, next);
          }
        }
      }

      @Override
      public void reset(String reason) {}
    }, Delivery.async(Runnable::run));

    ticks.tick(0, 0);

    assertThat(seen).hasSize(backlog + 1).startsWith(0L, 1L).endsWith((long) backlog);
    int growth = depths.stream().mapToInt(Integer::intValue).max().orElseThrow() - depths.get(1);
    assertThat(growth).as("stack growth over %d turns", backlog / 256).isLessThan(10);
  }

  @Test
  void asynchronousSubscribersSharingOneThreadEachReceiveTheirEventsInOrder() {
    ExecutorService oneThread = Executors.newSingleThreadExecutor();
    List<Recorder> recorders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Recorder recorder = Recorder.open();
      recorders.add(recorder);
      ticks.subscribe(recorder, Delivery.async(oneThread, 10_000, QueueOverflow.BLOCK));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) { // several turns of 256 per subscriber
      ticks.tick(1, i);
      expected.add("tick 1/" + i);
    }

    ticks.close();
    oneThread.shutdown();

    assertThat(recorders).allSatisfy(recorder -> assertThat(recorder.received()).isEqualTo(expected));
  }
}

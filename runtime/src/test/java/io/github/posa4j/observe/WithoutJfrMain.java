package io.github.posa4j.observe;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.internal.CommandRunner;
import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.QueueOverflow;
import io.github.posa4j.pubsub.Sink;
import io.github.posa4j.pubsub.internal.EventDispatcher;
import io.github.posa4j.pubsub.internal.Registration;
import io.github.posa4j.resilience.CircuitBreakerOpenException;
import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Run by {@link WithoutJfrTest} in a JVM without the {@code jdk.jfr} module: drives every hook
 * that emits an event, and prints {@code ok} if none of them failed.
 */
public final class WithoutJfrMain {
  private WithoutJfrMain() {}

  /** Exits with status 0 and prints {@code ok} when every hook ran and did nothing. */
  public static void main(String[] args) throws Exception {
    check(ModuleLayer.boot().findModule("jdk.jfr").isEmpty(), "jdk.jfr is in the boot layer");
    check(!FlightRecorderEvents.isAvailable(), "FlightRecorderEvents says jdk.jfr is available");
    FaultToleranceRegistry.global();

    FaultTolerance policies = FaultTolerance.builder("test.WithoutJfr/charge()")
        .circuitBreaker(CircuitBreakerPolicy.builder().requestVolumeThreshold(1).delay(Duration.ofHours(1)).build())
        .listener(FlightRecorderEvents.listener())
        .build();
    try {
      policies.call(() -> {
        throw new IllegalStateException("down");
      });
      check(false, "the failing call returned");
    } catch (IllegalStateException expected) {
      // opens the breaker: a state change
    }
    try {
      policies.call(() -> "rejected");
      check(false, "the open breaker let a call through");
    } catch (CircuitBreakerOpenException expected) {
      // a rejection
    }

    ActiveObjectScheduler<Account> account = ActiveObjectScheduler.start(new Account(), ActiveObjectOptions.defaults(), "Account");
    account.submit(new Account.DepositRequest(5)).join();
    try {
      account.submit(new Account.WithdrawRequest()).join();
      check(false, "the failing request succeeded");
    } catch (CompletionException expected) {
      // a failed request
    }
    account.close();

    Path journal = Files.createTempDirectory("posa4j-without-jfr");
    CommandRunner<Ledger> ledger = Ledger.open(CommandOptions.builder().journal(journal).build());
    ledger.submit(new Ledger.Post(5)).join(); // a command and a sync
    try {
      ledger.submit(new Ledger.Post(-1)).join();
      check(false, "the failing command succeeded");
    } catch (CompletionException expected) {
      // a failed command
    }
    check(ledger.undo().join(), "the undo found nothing to undo");
    ledger.close();
    try (var files = Files.list(journal)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(journal);

    List<Runnable> heldTurns = new ArrayList<>();
    List<Object> failures = new ArrayList<>();
    EventDispatcher<Sink> dispatcher = new EventDispatcher<>("test.Sink",
        PublisherOptions.builder().errorHandler(failures::add).build(), value -> {});
    Sink subscriber = value -> {};
    Registration<Sink> registration = (Registration<Sink>) dispatcher.subscribe(subscriber, subscriber,
        Delivery.async(heldTurns::add, 1, QueueOverflow.FAIL), queue -> value -> queue.offer(new Sink.Put(value)));
    registration.target().put(1);
    registration.target().put(2); // refused: an overflow and a subscriber error
    check(failures.size() == 1, "the refused event did not reach the error handler");

    System.out.println("ok");
  }

  private static void check(boolean holds, String otherwise) {
    if (!holds) {
      throw new AssertionError(otherwise);
    }
  }
}

package io.github.posa4j.active.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A servant for the scheduler tests, with request classes written as the processor writes them:
 * it records what ran, in order, and notices if two requests ever overlap.
 */
final class Ledger {
  final List<String> entries = new ArrayList<>();
  long total;
  int overlaps;
  private boolean inside;

  void record(String entry) {
    enter();
    entries.add(entry);
    inside = false;
  }

  void add(long amount) {
    enter();
    total += amount;
    inside = false;
  }

  private void enter() {
    if (inside) {
      overlaps++;
    }
    inside = true;
  }

  /** Records {@code entry}. */
  static final class Record extends MethodRequest<Ledger, Void> {
    private final String entry;

    Record(String entry) {
      this.entry = entry;
    }

    @Override
    protected void execute(Ledger servant) {
      servant.record(entry);
      complete(null);
    }
  }

  /** Adds to the total and answers it. */
  static final class Add extends MethodRequest<Ledger, Long> {
    private final long amount;

    Add(long amount) {
      this.amount = amount;
    }

    @Override
    protected void execute(Ledger servant) {
      servant.add(amount);
      complete(servant.total);
    }
  }

  /** Records {@code entry} once {@code guard} holds for the ledger. */
  static final class Guarded extends MethodRequest<Ledger, Void> {
    private final String entry;
    private final Predicate<Ledger> guard;

    Guarded(String entry, Predicate<Ledger> guard) {
      this.entry = entry;
      this.guard = guard;
    }

    @Override
    protected boolean guard(Ledger servant) {
      return guard.test(servant);
    }

    @Override
    protected Object guardKey() {
      return guard;
    }

    @Override
    protected void execute(Ledger servant) {
      servant.record(entry);
      complete(null);
    }
  }

  /** Records {@code entry} once the ledger's total reaches {@code threshold}; counts its guard calls. */
  static final class Threshold extends MethodRequest<Ledger, Void> {
    static final java.util.concurrent.atomic.AtomicInteger GUARD_CALLS = new java.util.concurrent.atomic.AtomicInteger();
    private final String entry;

    Threshold(String entry) {
      this.entry = entry;
    }

    @Override
    protected boolean guard(Ledger servant) {
      GUARD_CALLS.incrementAndGet();
      return servant.total >= 100;
    }

    @Override
    protected void execute(Ledger servant) {
      servant.record(entry);
      complete(null);
    }
  }

  /** Blocks the active object until {@code release} opens; says when it started. */
  static final class Hold extends MethodRequest<Ledger, Void> {
    final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release;

    Hold(CountDownLatch release) {
      this.release = release;
    }

    @Override
    protected void execute(Ledger servant) throws InterruptedException {
      started.countDown();
      release.await();
      servant.record("held");
      complete(null);
    }
  }

  /** Throws what it is given, checked or not. */
  static final class Fail extends MethodRequest<Ledger, Void> {
    private final Exception failure;

    Fail(Exception failure) {
      this.failure = failure;
    }

    @Override
    protected void execute(Ledger servant) throws Exception {
      throw failure;
    }
  }

  /** A servant method that answers with a stage of its own. */
  static final class Later extends MethodRequest<Ledger, String> {
    private final CompletionStage<String> stage;

    Later(CompletionStage<String> stage) {
      this.stage = stage;
    }

    @Override
    protected void execute(Ledger servant) {
      completeWith(stage);
    }
  }

  /** Runs {@code action} on the servant's thread, as a servant method calling its own proxy would. */
  static final class Call extends MethodRequest<Ledger, Object> {
    private final java.util.function.Supplier<Object> action;

    Call(java.util.function.Supplier<Object> action) {
      this.action = action;
    }

    @Override
    protected void execute(Ledger servant) {
      complete(action.get());
    }
  }
}

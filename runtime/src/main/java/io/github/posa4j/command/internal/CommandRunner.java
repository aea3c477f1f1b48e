package io.github.posa4j.command.internal;

import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.active.internal.MethodRequest;
import io.github.posa4j.command.CommandOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A running command processor: the engine that holds the receiver and the journal, behind an
 * active object's queue, so that commands run one at a time, in order, on the processor's own
 * thread. Generated {@code <Name>Commands} classes hold one and forward to it.
 *
 * <p>Observers hear of it as it opens and closes ({@link CommandProcessors}) and read its figures
 * ({@link #pendingRequests()}, {@link #journalBytes()}, {@link #durableRecords()},
 * {@link #undoDepth()}, {@link #redoDepth()}) from any thread.
 *
 * @param <S> the receiver type
 */
public final class CommandRunner<S> {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private final CommandEngine<S> engine;
  private final ActiveObjectScheduler<CommandEngine<S>> scheduler;
  private final String receiver;
  private final CommandOptions options;
  /** Whether the observers heard of the close already. */
  private final AtomicBoolean closeTold = new AtomicBoolean();

  private CommandRunner(CommandEngine<S> engine, ActiveObjectScheduler<CommandEngine<S>> scheduler, String receiver,
      CommandOptions options) {
    this.engine = engine;
    this.scheduler = scheduler;
    this.receiver = receiver;
    this.options = options;
  }

  /**
   * Recovers the receiver (from the journal of {@code options}, if any: its newest snapshot, then
   * every record after it) and starts accepting commands.
   *
   * @param typeName names the processor ({@code typeName-1}, ...) when {@code options} gives no name
   * @throws io.github.posa4j.command.JournalException if the journal cannot be opened or read
   */
  public static <S> CommandRunner<S> open(CommandSchema<S> schema, Supplier<? extends S> initial,
      CommandOptions options, String typeName) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(options, "options");
    // Named here, so that its thread, its journal's syncer and its observers all use one name.
    String name = options.name().orElseGet(() -> typeName + "-" + SEQUENCE.incrementAndGet());
    CommandOptions named = options.toBuilder().name(name).build();
    CommandEngine<S> engine = CommandEngine.open(schema, initial, named, name);
    CommandRunner<S> runner;
    try {
      runner = new CommandRunner<>(engine, ActiveObjectScheduler.start(engine, named.queue(), typeName),
          schema.receiver(), named);
    } catch (RuntimeException | Error e) {
      engine.terminated(); // it never ran: close its journal here
      try {
        engine.rethrowCloseFailure();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    CommandProcessors.opened(runner);
    return runner;
  }

  /** Queues {@code command}; its future completes when it ran and its record is durable. */
  public <R> CompletableFuture<R> submit(Command<S, R> command) {
    return scheduler.submit(command);
  }

  /** Queues {@code query}; its future completes when it ran and every command before it is durable. */
  public <R> CompletableFuture<R> submit(Query<S, R> query) {
    return scheduler.submit(query);
  }

  /** Queues an undo of the newest step; {@code false} when there is none. */
  public CompletableFuture<Boolean> undo() {
    return scheduler.submit(new UndoRequest<>());
  }

  /** Queues a redo of the newest undone step; {@code false} when there is none. */
  public CompletableFuture<Boolean> redo() {
    return scheduler.submit(new RedoRequest<>());
  }

  /**
   * Queues the commands of {@code batch} as one macro: one record, one undo step. Refused at once,
   * with an {@link IllegalArgumentException}, if one of them cannot be undone.
   */
  public CompletableFuture<Void> macro(CommandBatch<S> batch) {
    List<Command<S, ?>> commands = batch.seal();
    for (int i = 0; i < commands.size(); i++) {
      CommandType<S, ?> type = commands.get(i).type();
      if (!type.undoable()) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("macro refused before it ran: its command "
            + (i + 1) + " of " + commands.size() + ", " + type.name() + ", has no @Undo, so the macro could not be"
            + " undone as one step, nor rolled back if a later command threw; give " + receiver + "." + type.name()
            + " an @Undo inverse, or run it outside the macro"));
      }
    }
    return scheduler.submit(new MacroRequest<>(commands));
  }

  /**
   * Queues a snapshot of the receiver, after which recovery starts from it and older journal
   * segments are deleted; it completes once the snapshot is durable.
   */
  public CompletableFuture<Void> snapshot() {
    return scheduler.submit(new SnapshotRequest<>());
  }

  /** How many calls are queued, not counting the one running. */
  public int pendingRequests() {
    return scheduler.pendingRequests();
  }

  /**
   * Stops accepting calls, runs those queued, syncs and closes the journal and releases its
   * directory.
   *
   * @throws io.github.posa4j.command.JournalException if the last sync or closing the journal failed
   */
  public void close() {
    try {
      scheduler.close(); // the engine closes the journal when the scheduler terminates
      engine.rethrowCloseFailure();
    } finally {
      tellClosed();
    }
  }

  /**
   * Stops accepting calls, cancels those queued, then syncs and closes the journal.
   *
   * @return how many queued calls were cancelled
   */
  public int shutdownNow() {
    try {
      int cancelled = scheduler.shutdownNow();
      engine.rethrowCloseFailure();
      return cancelled;
    } finally {
      tellClosed();
    }
  }

  /** The name of the processor, as its thread and messages show it. */
  public String name() {
    return scheduler.name();
  }

  /** The active object under the processor, for observers. */
  public ActiveObjectScheduler<CommandEngine<S>> scheduler() {
    return scheduler;
  }

  /** The options it was opened with, named: {@link CommandOptions#name()} is always present. */
  public CommandOptions options() {
    return options;
  }

  /** Whether {@link #close()} or {@link #shutdownNow()} was called. */
  public boolean isClosed() {
    return scheduler.isClosed();
  }

  /**
   * Bytes of records written to the journal since it was opened, record headers included; 0 in
   * memory. Read from any thread: the processor publishes it after each record.
   */
  public long journalBytes() {
    return engine.journalBytes();
  }

  /**
   * How many records of the journal, counted from its very first (before any snapshot), are known
   * to be on the device: the number of the first record that may not be yet; 0 in memory. Read
   * from any thread. For an {@code ASYNC} journal it rises with the background syncs.
   */
  public long durableRecords() {
    return engine.durableRecords();
  }

  /**
   * How many steps {@link #undo()} can go back now. Read from any thread: the processor publishes
   * it after each change; for a moment after the receiver was rebuilt (after a failed sync) it may
   * still show the old figure.
   */
  public int undoDepth() {
    return engine.history().undoDepth();
  }

  /** How many undone steps {@link #redo()} can run again now; read as {@link #undoDepth()}. */
  public int redoDepth() {
    return engine.history().redoDepth();
  }

  @Override
  public String toString() {
    return scheduler.toString();
  }

  private void tellClosed() {
    if (closeTold.compareAndSet(false, true)) {
      CommandProcessors.closed(this);
    }
  }

  /** Undo and redo are reported to the {@link CommandProbe} when they have a step to take, named after it. */
  private static final class UndoRequest<S> extends MethodRequest<CommandEngine<S>, Boolean> {
    @Override
    protected void execute(CommandEngine<S> engine) {
      Object started = CommandProcessors.PROBE.commandStarts();
      Step<S> step = started == null ? null : engine.history().peekUndo();
      if (step == null) {
        engine.undo(this);
      } else {
        CommandProcessors.run(started, engine, this, "undo " + step, CommandProbe.UNDO, () -> engine.undo(this));
      }
    }
  }

  private static final class RedoRequest<S> extends MethodRequest<CommandEngine<S>, Boolean> {
    @Override
    protected void execute(CommandEngine<S> engine) {
      Object started = CommandProcessors.PROBE.commandStarts();
      Step<S> step = started == null ? null : engine.history().peekRedo();
      if (step == null) {
        engine.redo(this);
      } else {
        CommandProcessors.run(started, engine, this, "redo " + step, CommandProbe.REDO, () -> engine.redo(this));
      }
    }
  }

  private static final class MacroRequest<S> extends MethodRequest<CommandEngine<S>, Void> {
    private final List<Command<S, ?>> commands;

    MacroRequest(List<Command<S, ?>> commands) {
      this.commands = commands;
    }

    @Override
    protected void execute(CommandEngine<S> engine) {
      Object started = CommandProcessors.PROBE.commandStarts();
      if (started == null) {
        engine.macro(this, commands);
      } else {
        CommandProcessors.run(started, engine, this, "macro of " + commands.size() + " commands", CommandProbe.MACRO,
            () -> engine.macro(this, commands));
      }
    }
  }

  private static final class SnapshotRequest<S> extends MethodRequest<CommandEngine<S>, Void> {
    @Override
    protected void execute(CommandEngine<S> engine) {
      engine.snapshot(this);
    }
  }
}

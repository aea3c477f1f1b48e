package io.github.posa4j.command.internal;

import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.active.internal.MethodRequest;
import io.github.posa4j.command.CommandOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A running command processor: the engine that holds the receiver and the journal, behind an
 * active object's queue, so that commands run one at a time, in order, on the processor's own
 * thread. Generated {@code <Name>Commands} classes hold one and forward to it.
 *
 * @param <S> the receiver type
 */
public final class CommandRunner<S> {
  private final CommandEngine<S> engine;
  private final ActiveObjectScheduler<CommandEngine<S>> scheduler;
  private final String receiver;

  private CommandRunner(CommandEngine<S> engine, ActiveObjectScheduler<CommandEngine<S>> scheduler, String receiver) {
    this.engine = engine;
    this.scheduler = scheduler;
    this.receiver = receiver;
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
    String name = options.name().orElse(typeName);
    CommandEngine<S> engine = CommandEngine.open(schema, initial, options, name);
    try {
      return new CommandRunner<>(engine, ActiveObjectScheduler.start(engine, options.queue(), typeName), schema.receiver());
    } catch (RuntimeException | Error e) {
      try {
        engine.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
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
    scheduler.close();
    engine.close();
  }

  /**
   * Stops accepting calls, cancels those queued, then syncs and closes the journal.
   *
   * @return how many queued calls were cancelled
   */
  public int shutdownNow() {
    int cancelled = scheduler.shutdownNow();
    engine.close();
    return cancelled;
  }

  /** The name of the processor, as its thread and messages show it. */
  public String name() {
    return scheduler.name();
  }

  /** The active object under the processor, for observers. */
  public ActiveObjectScheduler<CommandEngine<S>> scheduler() {
    return scheduler;
  }

  @Override
  public String toString() {
    return scheduler.toString();
  }

  private static final class UndoRequest<S> extends MethodRequest<CommandEngine<S>, Boolean> {
    @Override
    protected void execute(CommandEngine<S> engine) {
      engine.undo(this);
    }
  }

  private static final class RedoRequest<S> extends MethodRequest<CommandEngine<S>, Boolean> {
    @Override
    protected void execute(CommandEngine<S> engine) {
      engine.redo(this);
    }
  }

  private static final class MacroRequest<S> extends MethodRequest<CommandEngine<S>, Void> {
    private final List<Command<S, ?>> commands;

    MacroRequest(List<Command<S, ?>> commands) {
      this.commands = commands;
    }

    @Override
    protected void execute(CommandEngine<S> engine) {
      engine.macro(this, commands);
    }
  }

  private static final class SnapshotRequest<S> extends MethodRequest<CommandEngine<S>, Void> {
    @Override
    protected void execute(CommandEngine<S> engine) {
      engine.snapshot(this);
    }
  }
}

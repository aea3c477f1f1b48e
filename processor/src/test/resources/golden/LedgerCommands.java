package io.github.posa4j.processor.fixtures;

import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.codec.Codecs;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.internal.Command;
import io.github.posa4j.command.internal.CommandBatch;
import io.github.posa4j.command.internal.CommandRunner;
import io.github.posa4j.command.internal.CommandSchema;
import io.github.posa4j.command.internal.CommandType;
import io.github.posa4j.command.internal.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * The command processor of {@link Ledger}, generated from its {@code @CommandProcessor} annotation.
 *
 * <p>Each command method queues a command and returns its future at once. The commands run on the
 * receiver one at a time, in the order they arrived, each happening-before the next. A command's
 * future completes once the command ran <em>and</em> its journal record is durable as the
 * {@link CommandOptions} say; a command that throws fails its future with that exception and is
 * not journaled, so it must leave the receiver unchanged: validate before you mutate.
 *
 * <p>{@link #open} recovers by running the journaled commands again, in order, on a fresh receiver
 * (from the newest snapshot, when there is one): commands must be deterministic, taking time and
 * randomness as parameters. Read-only methods run in order with the commands but are not journaled,
 * and answer only once every command before them is durable.
 */
@Generated("io.github.posa4j.processor.Posa4jProcessor")
public final class LedgerCommands implements AutoCloseable {
  private static final CommandSchema<Ledger> SCHEMA = CommandSchema.of("io.github.posa4j.processor.fixtures.Ledger",
      List.of(OpenAccountCommand.TYPE, PostCommand.TYPE, NoteCommand.TYPE))
      .withSnapshots(LedgerCodecs.STATE,
          "io.github.posa4j.processor.fixtures.Ledger.State(java.util.Map<java.lang.String,"
              + "java.lang.Long>,java.util.Map<java.lang.String,java.math.BigDecimal>,"
              + "java.util.List<io.github.posa4j.processor.fixtures.Ledger.Posting(java.lang.String,"
              + "long,io.github.posa4j.processor.fixtures.Ledger.Kind,"
              + "java.util.List<java.lang.String>)>,java.util.Optional<java.time.Instant>,"
              + "java.util.List<java.lang.String>)",
          Ledger::new);

  private final CommandRunner<Ledger> runner;

  private LedgerCommands(CommandRunner<Ledger> runner) {
    this.runner = runner;
  }

  /**
   * Opens a command processor whose receiver {@code initial} supplies. With a journal in
   * {@code options}, it first recovers: it builds the receiver from the newest snapshot, if any,
   * or from {@code initial}, and runs the journaled commands after it again, in order; a journal
   * it cannot read, or one that another processor holds, fails with a {@code JournalException}.
   * Then it accepts calls, on a thread of its own.
   */
  public static LedgerCommands open(Supplier<? extends Ledger> initial, CommandOptions options) {
    return new LedgerCommands(CommandRunner.open(SCHEMA, initial, options, "LedgerCommands"));
  }

  /**
   * Queues the command {@link Ledger#openAccount}.
   * The future completes once the command ran and its journal record is
   * durable; if the command throws, the future fails with that exception and nothing is journaled.
   * {@link #undo()} reverts it by calling {@code closeAccount}.
   */
  public CompletableFuture<Void> openAccount(String account, BigDecimal interestRate) {
    return runner.submit(new OpenAccountCommand(account, interestRate));
  }

  /**
   * Queues the command {@link Ledger#post}.
   * The future completes with its result once the command ran and its journal record is
   * durable; if the command throws, the future fails with that exception and nothing is journaled.
   * {@link #undo()} reverts it by calling {@code unpost}.
   */
  public CompletableFuture<Long> post(Ledger.Posting posting, Instant at) {
    return runner.submit(new PostCommand(posting, at));
  }

  /**
   * Queues the command {@link Ledger#note}.
   * The future completes once the command ran and its journal record is
   * durable; if the command throws, the future fails with that exception and nothing is journaled.
   * It has no {@code @Undo}: running it clears the undo history.
   */
  public CompletableFuture<Void> note(String text) {
    return runner.submit(new NoteCommand(text));
  }

  /**
   * Queues a call of the read-only {@link Ledger#balance}.
   * The future completes with its outcome once it ran and every command queued before it is
   * durable. Nothing is journaled.
   */
  public CompletableFuture<Long> balance(String account) {
    return runner.submit(new BalanceQuery(account));
  }

  /**
   * Queues a call of the read-only {@link Ledger#lastPosted}.
   * The future completes with its outcome once it ran and every command queued before it is
   * durable. Nothing is journaled.
   */
  public CompletableFuture<Optional<Instant>> lastPosted() {
    return runner.submit(new LastPostedQuery());
  }

  /**
   * Undoes the newest command (or macro) in the undo history by calling its {@code @Undo}
   * inverse, after the commands queued before; the undo is journaled like a command. A command
   * without {@code @Undo} clears the history when it runs.
   *
   * @return a future of {@code true} once undone and durable, {@code false} when there is
   *     nothing to undo
   */
  public CompletableFuture<Boolean> undo() {
    return runner.undo();
  }

  /**
   * Runs again the command (or macro) most recently undone; any other command clears what
   * there is to redo. Journaled like a command.
   *
   * @return a future of {@code true} once redone and durable, {@code false} when there is
   *     nothing to redo
   */
  public CompletableFuture<Boolean> redo() {
    return runner.redo();
  }

  /**
   * Runs the commands that {@code commands} records on a {@link Batch} as one unit: in order,
   * as one journal record and one undo step. If one throws, those before it are undone in reverse
   * order and the future fails with that exception; a macro holding a command without
   * {@code @Undo} fails before it runs. {@code commands} runs on the caller's thread, at once.
   *
   * @return a future that completes once the macro ran and is durable
   */
  public CompletableFuture<Void> macro(Consumer<? super Batch> commands) {
    Batch batch = new Batch();
    commands.accept(batch);
    return runner.macro(batch);
  }

  /**
   * Writes the receiver's state, as {@code snapshot()} returns it after the commands queued
   * before, to the journal; recovery then starts from it instead of from the first command.
   *
   * @return a future that completes once the snapshot is durable
   */
  public CompletableFuture<Void> snapshot() {
    return runner.snapshot();
  }

  /**
   * How many commands, queries, undos and macros are queued, not counting the one running.
   */
  public int pendingRequests() {
    return runner.pendingRequests();
  }

  /**
   * Stops accepting calls, runs those queued, then syncs and closes the journal, and returns
   * when that is done; later calls return a future failed with a
   * {@code RejectedExecutionException}.
   */
  @Override
  public void close() {
    runner.close();
  }

  /**
   * Stops accepting calls and cancels those queued, whose futures complete with a
   * {@code CancellationException}; the running one finishes first, then the journal is closed.
   *
   * @return how many queued calls were cancelled
   */
  public int shutdownNow() {
    return runner.shutdownNow();
  }

  @Override
  public String toString() {
    return "LedgerCommands[" + runner + "]";
  }

  /**
   * The commands of one macro, recorded inside the consumer given to
   * {@link LedgerCommands#macro}: each method records a command, which runs with the macro,
   * in the order recorded.
   */
  public static final class Batch extends CommandBatch<Ledger> {
    private Batch() {
    }

    /**
     * Records the command {@link Ledger#openAccount}.
     */
    public void openAccount(String account, BigDecimal interestRate) {
      add(new OpenAccountCommand(account, interestRate));
    }

    /**
     * Records the command {@link Ledger#post}.
     */
    public void post(Ledger.Posting posting, Instant at) {
      add(new PostCommand(posting, at));
    }

    /**
     * Records the command {@link Ledger#note}.
     */
    public void note(String text) {
      add(new NoteCommand(text));
    }
  }

  /**
   * The command {@link Ledger#openAccount}:
   * its arguments, how it runs, how {@code closeAccount} reverts it and how it is journaled.
   */
  private static final class OpenAccountCommand extends Command<Ledger, Void> {
    static final CommandType<Ledger, Void> TYPE = CommandType.undoable("openAccount",
        "(java.lang.String,java.math.BigDecimal)void",
        OpenAccountCommand::decode, Codecs.VOID);

    private final String account;

    private final BigDecimal interestRate;

    OpenAccountCommand(String account, BigDecimal interestRate) {
      this.account = account;
      this.interestRate = interestRate;
    }

    @Override
    protected CommandType<Ledger, Void> type() {
      return TYPE;
    }

    @Override
    protected Void apply(Ledger receiver) {
      receiver.openAccount(account, interestRate);
      return null;
    }

    @Override
    protected void revert(Ledger receiver, Void result) {
      receiver.closeAccount(account, interestRate);
    }

    @Override
    protected void encodeArguments(CodecOutput out) {
      LedgerCodecs.STRING.encode(account, out);
      LedgerCodecs.BIG_DECIMAL.encode(interestRate, out);
    }

    static OpenAccountCommand decode(CodecInput in) {
      String account = LedgerCodecs.STRING.decode(in);
      BigDecimal interestRate = LedgerCodecs.BIG_DECIMAL.decode(in);
      return new OpenAccountCommand(account, interestRate);
    }
  }

  /**
   * The command {@link Ledger#post}:
   * its arguments, how it runs, how {@code unpost} reverts it and how it is journaled.
   */
  private static final class PostCommand extends Command<Ledger, Long> {
    static final CommandType<Ledger, Long> TYPE = CommandType.undoable("post",
        "(io.github.posa4j.processor.fixtures.Ledger.Posting(java.lang.String,long,"
            + "io.github.posa4j.processor.fixtures.Ledger.Kind,"
            + "java.util.List<java.lang.String>),java.time.Instant)long",
        PostCommand::decode, Codecs.LONG);

    private final Ledger.Posting posting;

    private final Instant at;

    PostCommand(Ledger.Posting posting, Instant at) {
      this.posting = posting;
      this.at = at;
    }

    @Override
    protected CommandType<Ledger, Long> type() {
      return TYPE;
    }

    @Override
    protected Long apply(Ledger receiver) {
      return receiver.post(posting, at);
    }

    @Override
    protected void revert(Ledger receiver, Long result) {
      receiver.unpost(posting, at, result);
    }

    @Override
    protected void encodeArguments(CodecOutput out) {
      LedgerCodecs.POSTING.encode(posting, out);
      LedgerCodecs.INSTANT.encode(at, out);
    }

    static PostCommand decode(CodecInput in) {
      Ledger.Posting posting = LedgerCodecs.POSTING.decode(in);
      Instant at = LedgerCodecs.INSTANT.decode(in);
      return new PostCommand(posting, at);
    }
  }

  /**
   * The command {@link Ledger#note}:
   * its arguments, how it runs and how it is journaled.
   */
  private static final class NoteCommand extends Command<Ledger, Void> {
    static final CommandType<Ledger, Void> TYPE = CommandType.of("note",
        "(java.lang.String)void",
        NoteCommand::decode, Codecs.VOID);

    private final String text;

    NoteCommand(String text) {
      this.text = text;
    }

    @Override
    protected CommandType<Ledger, Void> type() {
      return TYPE;
    }

    @Override
    protected Void apply(Ledger receiver) {
      receiver.note(text);
      return null;
    }

    @Override
    protected void encodeArguments(CodecOutput out) {
      LedgerCodecs.STRING.encode(text, out);
    }

    static NoteCommand decode(CodecInput in) {
      String text = LedgerCodecs.STRING.decode(in);
      return new NoteCommand(text);
    }
  }

  /**
   * A call of the read-only {@link Ledger#balance}.
   */
  private static final class BalanceQuery extends Query<Ledger, Long> {
    private final String account;

    BalanceQuery(String account) {
      this.account = account;
    }

    @Override
    protected Long apply(Ledger receiver) {
      return receiver.balance(account);
    }
  }

  /**
   * A call of the read-only {@link Ledger#lastPosted}.
   */
  private static final class LastPostedQuery extends Query<Ledger, Optional<Instant>> {
    @Override
    protected Optional<Instant> apply(Ledger receiver) {
      return receiver.lastPosted();
    }
  }
}

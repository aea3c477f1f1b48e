package io.github.posa4j.benchmarks.command;

import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.codec.Codecs;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.internal.Command;
import io.github.posa4j.command.internal.CommandRunner;
import io.github.posa4j.command.internal.CommandSchema;
import io.github.posa4j.command.internal.CommandType;
import io.github.posa4j.command.internal.Query;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The command processor of {@link Balance}, written by hand exactly as the annotation processor
 * generates {@code <Name>Commands} (one {@link Command} subclass per command method, one
 * {@link Query} per read-only method, a {@link CommandSchema} naming them), until the processor
 * lands: the benchmarks then measure what generated code will run.
 */
public final class BalanceCommands implements AutoCloseable {
  static final CommandSchema<Balance> SCHEMA =
      CommandSchema.of("io.github.posa4j.benchmarks.command.Balance", List.of(AddCommand.TYPE));

  private final CommandRunner<Balance> runner;

  private BalanceCommands(CommandRunner<Balance> runner) {
    this.runner = runner;
  }

  /** Recovers a {@link Balance} from the journal of {@code options}, if any, and accepts commands. */
  public static BalanceCommands open(Supplier<? extends Balance> initial, CommandOptions options) {
    return new BalanceCommands(CommandRunner.open(SCHEMA, initial, options, "BalanceCommands"));
  }

  /** {@link Balance#add}: completes once it ran and its record is durable. */
  public CompletableFuture<Long> add(long amount) {
    return runner.submit(new AddCommand(amount));
  }

  /** {@link Balance#total}: completes once every command before it is durable. */
  public CompletableFuture<Long> total() {
    return runner.submit(new TotalQuery());
  }

  /** Undoes the newest step. */
  public CompletableFuture<Boolean> undo() {
    return runner.undo();
  }

  /** Runs the queued commands, syncs and closes the journal. */
  @Override
  public void close() {
    runner.close();
  }

  private static final class AddCommand extends Command<Balance, Long> {
    static final CommandType<Balance, Long> TYPE =
        CommandType.undoable("add", "(long)long", AddCommand::decode, Codecs.LONG);
    private final long amount;

    AddCommand(long amount) {
      this.amount = amount;
    }

    @Override
    protected CommandType<Balance, Long> type() {
      return TYPE;
    }

    @Override
    protected Long apply(Balance receiver) {
      return receiver.add(amount);
    }

    @Override
    protected void revert(Balance receiver, Long result) {
      receiver.subtract(amount);
    }

    @Override
    protected void encodeArguments(CodecOutput out) {
      out.writeLong(amount);
    }

    static AddCommand decode(CodecInput in) {
      return new AddCommand(in.readLong());
    }
  }

  private static final class TotalQuery extends Query<Balance, Long> {
    @Override
    protected Long apply(Balance receiver) {
      return receiver.total();
    }
  }
}

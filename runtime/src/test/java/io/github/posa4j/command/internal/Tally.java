package io.github.posa4j.command.internal;

import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.codec.Codecs;
import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Snapshottable;
import java.util.ArrayList;
import java.util.List;

/**
 * A receiver for the engine's tests, with its commands written by hand as the processor generates
 * them: a running total and the log of every amount added, in order.
 */
final class Tally implements Snapshottable<List<Long>> {
  final List<Long> log;
  long total;

  Tally() {
    this.log = new ArrayList<>();
  }

  Tally(List<Long> state) {
    this.log = new ArrayList<>(state);
    state.forEach(amount -> total += amount);
  }

  /** Adds {@code amount}; refuses a negative one before changing anything. Returns the new total. */
  long add(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("negative amount " + amount);
    }
    log.add(amount);
    total += amount;
    return total;
  }

  void unadd(long amount, long totalAfter) {
    if (total != totalAfter || log.get(log.size() - 1) != amount) {
      throw new IllegalStateException("unadd(" + amount + ") does not follow add(" + amount + ")");
    }
    log.remove(log.size() - 1);
    total -= amount;
  }

  /** Clears everything: not undoable. */
  void clear() {
    log.clear();
    total = 0;
  }

  @Override
  public List<Long> snapshot() {
    return List.copyOf(log);
  }

  static final CommandSchema<Tally> SCHEMA = CommandSchema.of("test.Tally", List.of(Add.TYPE, Clear.TYPE))
      .withSnapshots(Codecs.list(Codecs.LONG), "java.util.List<java.lang.Long>", Tally::new);

  static CommandRunner<Tally> open(CommandOptions options) {
    return CommandRunner.open(SCHEMA, Tally::new, options, "TallyCommands");
  }

  static final class Add extends Command<Tally, Long> {
    static final CommandType<Tally, Long> TYPE = CommandType.undoable("add", "(long)long", Add::decode, Codecs.LONG);
    final long amount;

    Add(long amount) {
      this.amount = amount;
    }

    @Override
    protected CommandType<Tally, Long> type() {
      return TYPE;
    }

    @Override
    protected Long apply(Tally receiver) {
      return receiver.add(amount);
    }

    @Override
    protected void revert(Tally receiver, Long result) {
      receiver.unadd(amount, result);
    }

    @Override
    protected void encodeArguments(CodecOutput out) {
      out.writeLong(amount);
    }

    static Add decode(CodecInput in) {
      return new Add(in.readLong());
    }
  }

  static final class Clear extends Command<Tally, Void> {
    static final CommandType<Tally, Void> TYPE = CommandType.of("clear", "()void", in -> new Clear(), Codecs.VOID);

    @Override
    protected CommandType<Tally, Void> type() {
      return TYPE;
    }

    @Override
    protected Void apply(Tally receiver) {
      receiver.clear();
      return null;
    }

    @Override
    protected void encodeArguments(CodecOutput out) {}
  }

  static final class Total extends Query<Tally, Long> {
    @Override
    protected Long apply(Tally receiver) {
      return receiver.total;
    }
  }

  static final class Log extends Query<Tally, List<Long>> {
    @Override
    protected List<Long> apply(Tally receiver) {
      return List.copyOf(receiver.log);
    }
  }

  static final class Batch extends CommandBatch<Tally> {
    void add(long amount) {
      add(new Add(amount));
    }

    void clear() {
      add(new Clear());
    }
  }
}

package io.github.posa4j.micrometer;

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
import java.util.concurrent.CountDownLatch;

/**
 * A receiver for the command processor's meters, with its one command written by hand as the
 * processor generates it: a running total that {@code add} raises and its inverse lowers. An add's
 * journal record is 18 bytes: a header of 8, the kind, the command's index and the long.
 */
final class Tally {
  static final int ADD_RECORD_BYTES = 18;

  long total;

  static CommandRunner<Tally> open(CommandOptions options) {
    return CommandRunner.open(CommandSchema.of("test.Tally", List.of(Add.TYPE)), Tally::new, options, "TallyCommands");
  }

  static final class Add extends Command<Tally, Long> {
    static final CommandType<Tally, Long> TYPE = CommandType.undoable("add", "(long)long", Add::decode, Codecs.LONG);
    private final long amount;

    Add(long amount) {
      this.amount = amount;
    }

    @Override
    protected CommandType<Tally, Long> type() {
      return TYPE;
    }

    @Override
    protected Long apply(Tally receiver) {
      receiver.total += amount;
      return receiver.total;
    }

    @Override
    protected void revert(Tally receiver, Long result) {
      receiver.total -= amount;
    }

    @Override
    protected void encodeArguments(CodecOutput out) {
      out.writeLong(amount);
    }

    static Add decode(CodecInput in) {
      return new Add(in.readLong());
    }
  }

  /** Holds the processor until released, so that later calls wait in its queue. */
  static final class Hold extends Query<Tally, Void> {
    final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release;

    Hold(CountDownLatch release) {
      this.release = release;
    }

    @Override
    protected Void apply(Tally receiver) throws InterruptedException {
      started.countDown();
      release.await();
      return null;
    }
  }
}

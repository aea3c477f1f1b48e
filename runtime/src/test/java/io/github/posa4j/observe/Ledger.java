package io.github.posa4j.observe;

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
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A receiver for the command processor's events and MBean, with its commands written by hand as
 * the processor generates them: a balance that {@code post} changes, refusing a negative amount.
 * A post's journal record is 18 bytes: a header of 8, the kind, the command's index and the long.
 */
final class Ledger {
  static final int POST_RECORD_BYTES = 18;
  /** An undo's or a redo's record: the header and the kind. */
  static final int UNDO_RECORD_BYTES = 9;

  long balance;

  long post(long cents) {
    if (cents < 0) {
      throw new IllegalArgumentException("negative amount " + cents);
    }
    balance += cents;
    return balance;
  }

  void unpost(long cents) {
    balance -= cents;
  }

  static final CommandSchema<Ledger> SCHEMA = CommandSchema.of("test.Ledger", List.of(Post.TYPE));

  static CommandRunner<Ledger> open(CommandOptions options) {
    return CommandRunner.open(SCHEMA, Ledger::new, options, "LedgerCommands");
  }

  static final class Post extends Command<Ledger, Long> {
    static final CommandType<Ledger, Long> TYPE = CommandType.undoable("post", "(long)long", Post::decode, Codecs.LONG);
    private final long cents;

    Post(long cents) {
      this.cents = cents;
    }

    @Override
    protected CommandType<Ledger, Long> type() {
      return TYPE;
    }

    @Override
    protected Long apply(Ledger receiver) {
      return receiver.post(cents);
    }

    @Override
    protected void revert(Ledger receiver, Long result) {
      receiver.unpost(cents);
    }

    @Override
    protected void encodeArguments(CodecOutput out) {
      out.writeLong(cents);
    }

    static Post decode(CodecInput in) {
      return new Post(in.readLong());
    }
  }

  static final class Balance extends Query<Ledger, Long> {
    @Override
    protected Long apply(Ledger receiver) {
      return receiver.balance;
    }
  }

  /** Holds the processor until released, so that later calls wait in its queue. */
  static final class Hold extends Query<Ledger, Void> {
    final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release;

    Hold(CountDownLatch release) {
      this.release = release;
    }

    @Override
    protected Void apply(Ledger receiver) throws InterruptedException {
      started.countDown();
      release.await();
      return null;
    }
  }

  static final class Batch extends CommandBatch<Ledger> {
    void post(long cents) {
      add(new Post(cents));
    }
  }
}

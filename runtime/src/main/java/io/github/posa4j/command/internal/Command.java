package io.github.posa4j.command.internal;

import io.github.posa4j.active.internal.MethodRequest;
import io.github.posa4j.codec.CodecOutput;

/**
 * One call of a command method of a receiver (the Command of POSA1): its arguments, how to run
 * it, how to write it to the journal and, for an undoable command, how to revert it. The future
 * the caller holds is the command itself. Generated {@code <Name>Commands} classes declare one
 * subclass per command method:
 *
 * <pre>{@code
 * private static final class PostCommand extends Command<Ledger, Long> {
 *   static final CommandType<Ledger, Long> TYPE = CommandType.undoable("post", "(java.lang.String,long)long",
 *       PostCommand::decode, LedgerCodecs.LONG);
 *   private final String account;
 *   private final long cents;
 *   ...
 *   protected Long apply(Ledger receiver) { return receiver.post(account, cents); }
 *   protected void revert(Ledger receiver, Long result) { receiver.unpost(account, cents, result); }
 *   protected void encodeArguments(CodecOutput out) { LedgerCodecs.STRING.encode(account, out); out.writeLong(cents); }
 *   static PostCommand decode(CodecInput in) { return new PostCommand(LedgerCodecs.STRING.decode(in), in.readLong()); }
 * }
 * }</pre>
 *
 * @param <S> the receiver type
 * @param <R> the result type ({@code Void} for a {@code void} method)
 */
public abstract class Command<S, R> extends MethodRequest<CommandEngine<S>, R> {

  /** For generated subclasses. */
  protected Command() {}

  /** Which command this is: its name, journal signature and codecs. */
  protected abstract CommandType<S, R> type();

  /** Calls the command method on {@code receiver} with this command's arguments. */
  protected abstract R apply(S receiver) throws Exception;

  /**
   * Calls the inverse method named by {@code @Undo}, with this command's arguments and, if the
   * inverse takes it, the {@code result} the command returned. Only undoable types override it.
   */
  protected void revert(S receiver, R result) throws Exception {
    throw new UnsupportedOperationException(type().name() + " has no @Undo method");
  }

  /** Writes this command's arguments, as its type's decoder reads them. */
  protected abstract void encodeArguments(CodecOutput out);

  /**
   * Runs this command on the engine, reported to the {@link CommandProbe}: while nobody takes
   * command reports, the probe's {@code commandStarts()} returns {@code null} without allocating.
   */
  @Override
  protected final void execute(CommandEngine<S> engine) {
    Object started = CommandProcessors.PROBE.commandStarts();
    if (started == null) {
      engine.run(this);
      return;
    }
    CommandProcessors.run(started, engine, this, type().name(), CommandProbe.OK, () -> engine.run(this));
  }

  @Override
  public String toString() {
    return type().name() + super.toString();
  }
}

package io.github.posa4j.command.internal;

import io.github.posa4j.codec.Codec;
import io.github.posa4j.codec.CodecInput;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the journal knows of one command method: its name, its signature (the encoded shape of its
 * parameters and result, which must not change while a journal holds the command), whether it
 * can be undone, how to read its arguments back, and how to encode its result (for snapshots of
 * the undo history).
 *
 * @param <S> the receiver type
 * @param <R> the result type
 */
public final class CommandType<S, R> {
  private final String name;
  private final String signature;
  private final boolean undoable;
  private final Function<CodecInput, ? extends Command<S, R>> decoder;
  private final Codec<R> resultCodec;

  private CommandType(String name, String signature, boolean undoable,
      Function<CodecInput, ? extends Command<S, R>> decoder, Codec<R> resultCodec) {
    this.name = Objects.requireNonNull(name, "name");
    this.signature = Objects.requireNonNull(signature, "signature");
    this.undoable = undoable;
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.resultCodec = Objects.requireNonNull(resultCodec, "resultCodec");
  }

  /** A command without {@code @Undo}: running it forgets the undo and redo history. */
  public static <S, R> CommandType<S, R> of(String name, String signature,
      Function<CodecInput, ? extends Command<S, R>> decoder, Codec<R> resultCodec) {
    return new CommandType<>(name, signature, false, decoder, resultCodec);
  }

  /** A command with an {@code @Undo} inverse. */
  public static <S, R> CommandType<S, R> undoable(String name, String signature,
      Function<CodecInput, ? extends Command<S, R>> decoder, Codec<R> resultCodec) {
    return new CommandType<>(name, signature, true, decoder, resultCodec);
  }

  /** The command's name: its method's name. */
  public String name() {
    return name;
  }

  /** The encoded shape of the parameters and result, e.g. {@code (java.lang.String,long)long}. */
  public String signature() {
    return signature;
  }

  /** Whether the command has an inverse. */
  public boolean undoable() {
    return undoable;
  }

  /** Reads a command's arguments and builds it. */
  public Command<S, R> decode(CodecInput in) {
    return decoder.apply(in);
  }

  /** The codec of the result; for {@code void} commands, one of {@code Void} that writes nothing. */
  public Codec<R> resultCodec() {
    return resultCodec;
  }

  @Override
  public String toString() {
    return name + signature + (undoable ? " (undoable)" : "");
  }
}

package io.github.posa4j.command.internal;

import io.github.posa4j.codec.Codec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The commands of one receiver type, as the journal records them in each segment's header: a
 * journal whose commands this schema cannot read (a command gone, or its signature changed) is
 * refused by name; one with fewer commands than this schema is fine. For a receiver that is
 * {@link io.github.posa4j.command.Snapshottable}, also the codec of its state and the
 * constructor that restores it.
 *
 * @param <S> the receiver type
 */
public final class CommandSchema<S> {
  private final String receiver;
  private final Map<String, CommandType<S, ?>> types;
  private final Codec<Object> stateCodec;
  private final String stateSignature;
  private final Function<Object, ? extends S> restore;

  private CommandSchema(String receiver, Map<String, CommandType<S, ?>> types, Codec<Object> stateCodec,
      String stateSignature, Function<Object, ? extends S> restore) {
    this.receiver = receiver;
    this.types = types;
    this.stateCodec = stateCodec;
    this.stateSignature = stateSignature;
    this.restore = restore;
  }

  /** The commands of {@code receiver} (its canonical name), each name once. */
  public static <S> CommandSchema<S> of(String receiver, List<CommandType<S, ?>> types) {
    Objects.requireNonNull(receiver, "receiver");
    Map<String, CommandType<S, ?>> byName = new LinkedHashMap<>();
    for (CommandType<S, ?> type : types) {
      if (byName.putIfAbsent(type.name(), type) != null) {
        throw new IllegalArgumentException(receiver + " has two commands named " + type.name());
      }
    }
    return new CommandSchema<>(receiver, byName, null, null, null);
  }

  /**
   * This schema, for a receiver whose state {@code T} (of the encoded shape {@code signature}) is
   * written by {@code Snapshottable.snapshot()} and given back to {@code restore}.
   */
  @SuppressWarnings("unchecked")
  public <T> CommandSchema<S> withSnapshots(Codec<T> stateCodec, String signature, Function<T, ? extends S> restore) {
    return new CommandSchema<>(receiver, types, (Codec<Object>) Objects.requireNonNull(stateCodec, "stateCodec"),
        Objects.requireNonNull(signature, "signature"), (Function<Object, ? extends S>) Objects.requireNonNull(restore, "restore"));
  }

  /** The receiver's canonical name. */
  public String receiver() {
    return receiver;
  }

  /** The commands, by name, in declaration order. */
  public Map<String, CommandType<S, ?>> types() {
    return types;
  }

  /** Whether the receiver can write snapshots. */
  public boolean snapshots() {
    return stateCodec != null;
  }

  Codec<Object> stateCodec() {
    return stateCodec;
  }

  String stateSignature() {
    return stateSignature;
  }

  S restore(Object state) {
    return restore.apply(state);
  }

  @Override
  public String toString() {
    return receiver + types.values();
  }
}

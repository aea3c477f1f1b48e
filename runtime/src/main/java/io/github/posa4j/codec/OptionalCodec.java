package io.github.posa4j.codec;

import java.util.Optional;

/** An {@link Optional}: a presence byte, 0 for empty or 1 followed by the value. */
final class OptionalCodec<T> extends BaseCodec<Optional<T>> {
  private final Codec<T> codec;

  OptionalCodec(Codec<T> codec) {
    super("optional(" + codec + ")", 1);
    this.codec = codec;
  }

  @Override
  public void encode(Optional<T> value, CodecOutput out) {
    if (nonNull(value).isPresent()) {
      out.writeByte(1);
      codec.encode(value.get(), out);
    } else {
      out.writeByte(0);
    }
  }

  @Override
  public Optional<T> decode(CodecInput in) {
    if (!Presence.read(in, this)) {
      return Optional.empty();
    }
    int at = in.position();
    T value = codec.decode(in);
    if (value == null) {
      throw new CodecException("a present " + this + " at position " + at + " decoded to null");
    }
    return Optional.of(value);
  }
}

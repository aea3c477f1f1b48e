package io.github.posa4j.codec;

/** A value or {@code null}: a presence byte, 0 for {@code null} or 1 followed by the value. */
final class NullableCodec<T> extends BaseCodec<T> {
  private final Codec<T> codec;

  NullableCodec(Codec<T> codec) {
    super("nullable(" + codec + ")", 1);
    this.codec = codec;
  }

  @Override
  public void encode(T value, CodecOutput out) {
    if (value == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      codec.encode(value, out);
    }
  }

  @Override
  public T decode(CodecInput in) {
    return Presence.read(in, this) ? codec.decode(in) : null;
  }
}

package io.github.posa4j.codec;

/** The codec of {@code Void}, the result of a {@code void} method: no bytes, and always {@code null}. */
final class VoidCodec extends BaseCodec<Void> {
  static final VoidCodec INSTANCE = new VoidCodec();

  private VoidCodec() {
    super("void", 0);
  }

  @Override
  public void encode(Void value, CodecOutput out) {}

  @Override
  public Void decode(CodecInput in) {
    return null;
  }
}

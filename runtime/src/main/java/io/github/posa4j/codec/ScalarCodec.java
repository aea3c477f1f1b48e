package io.github.posa4j.codec;

/** A codec made of a writer and a reader, for a value written as one unit: a number, a string, an array. */
final class ScalarCodec<T> extends BaseCodec<T> {
  private final Writer<T> writer;
  private final Reader<T> reader;

  /** Writes a non-null value. */
  @FunctionalInterface
  interface Writer<T> {
    void write(CodecOutput out, T value);
  }

  /** Reads a value, throwing only {@link CodecException} for bytes that are not one. */
  @FunctionalInterface
  interface Reader<T> {
    T read(CodecInput in);
  }

  ScalarCodec(String description, int minimumBytes, Writer<T> writer, Reader<T> reader) {
    super(description, minimumBytes);
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public void encode(T value, CodecOutput out) {
    writer.write(out, nonNull(value));
  }

  @Override
  public T decode(CodecInput in) {
    return reader.read(in);
  }
}

package io.github.posa4j.codec;

/**
 * Writes values of one type as bytes and reads them back. posa4j's annotation processor generates
 * codecs at compile time for the parameters and results of journaled commands and remote methods,
 * composed from those of {@link Codecs}; no codec uses reflection or {@code Serializable}, and
 * none reads a class name from the bytes: a decoder only builds the type it was made for.
 *
 * <p>Every value round-trips unchanged: {@code decode(encode(v))} equals {@code v}. Codecs from
 * {@link Codecs} refuse {@code null} unless wrapped in {@link Codecs#nullable(Codec)}.
 *
 * @param <T> the type of the values
 */
public interface Codec<T> {

  /** Appends {@code value} to {@code out}. */
  void encode(T value, CodecOutput out);

  /**
   * Reads one value from {@code in}, as {@link #encode} wrote it.
   *
   * @throws CodecException if the bytes are not a value of this codec's type
   */
  T decode(CodecInput in);
}

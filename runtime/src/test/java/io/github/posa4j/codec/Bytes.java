package io.github.posa4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

/** Encoding and decoding whole values, and bytes as hex, for the tests. */
final class Bytes {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private Bytes() {}

  static <T> byte[] encode(Codec<T> codec, T value) {
    // Starting small makes every test exercise the growth of the buffer.
    CodecOutput out = new CodecOutput(1);
    codec.encode(value, out);
    return out.toByteArray();
  }

  /** Decodes {@code bytes}, checking that the value took all of them. */
  static <T> T decode(Codec<T> codec, byte[] bytes) {
    CodecInput in = new CodecInput(bytes);
    T value = codec.decode(in);
    assertThat(in.remaining()).as("bytes left after decoding %s from %s", codec, hex(bytes)).isZero();
    return value;
  }

  static <T> T roundTrip(Codec<T> codec, T value) {
    return decode(codec, encode(codec, value));
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static byte[] parseHex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }
}

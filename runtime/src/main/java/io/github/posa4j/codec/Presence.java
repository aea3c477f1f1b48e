package io.github.posa4j.codec;

/** The byte in front of a value that may be absent: {@code 0} absent, {@code 1} present. */
final class Presence {
  private Presence() {}

  /** Reads a presence byte of a value of {@code codec}. */
  static boolean read(CodecInput in, Codec<?> codec) {
    int at = in.position();
    byte b = in.readByte();
    if (b == 0) {
      return false;
    }
    if (b == 1) {
      return true;
    }
    throw new CodecException(String.format("invalid presence byte 0x%02X at position %d for %s; expected 0x00 or 0x01",
        b & 0xFF, at, codec));
  }
}

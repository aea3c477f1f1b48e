package io.github.posa4j.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte buffer that codecs append to. One instance is meant to be reused for record
 * after record: {@link #reset()} keeps the array, so once it has grown to the largest record,
 * writing allocates nothing. Fixed-width values are big-endian; the layout of every value is
 * described in the {@linkplain io.github.posa4j.codec package documentation}.
 *
 * <p>A codec that throws leaves the bytes it wrote before: {@link #reset()} before writing the
 * next record. Not thread-safe.
 */
public final class CodecOutput {
  private static final int DEFAULT_CAPACITY = 256;
  // As in the JDK's own growable arrays: some VMs cannot allocate arrays quite as long as Integer.MAX_VALUE.
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] buffer;
  private int size;

  /** An empty output with room for 256 bytes before it grows. */
  public CodecOutput() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * An empty output with room for {@code initialCapacity} bytes before it grows.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   */
  public CodecOutput(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity is negative: " + initialCapacity);
    }
    buffer = new byte[initialCapacity];
  }

  /** Appends {@code 1} for {@code true}, {@code 0} for {@code false}. */
  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** Appends the low 8 bits of {@code value}. */
  public void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  /** Appends the low 16 bits of {@code value}, big-endian. */
  public void writeShort(int value) {
    ensure(2);
    byte[] b = buffer;
    int p = size;
    b[p] = (byte) (value >>> 8);
    b[p + 1] = (byte) value;
    size = p + 2;
  }

  /** Appends the low 16 bits of {@code value}, a UTF-16 code unit, big-endian. */
  public void writeChar(int value) {
    writeShort(value);
  }

  /** Appends {@code value} as 4 bytes, big-endian. */
  public void writeInt(int value) {
    ensure(4);
    byte[] b = buffer;
    int p = size;
    b[p] = (byte) (value >>> 24);
    b[p + 1] = (byte) (value >>> 16);
    b[p + 2] = (byte) (value >>> 8);
    b[p + 3] = (byte) value;
    size = p + 4;
  }

  /** Appends {@code value} as 8 bytes, big-endian. */
  public void writeLong(long value) {
    ensure(8);
    byte[] b = buffer;
    int p = size;
    b[p] = (byte) (value >>> 56);
    b[p + 1] = (byte) (value >>> 48);
    b[p + 2] = (byte) (value >>> 40);
    b[p + 3] = (byte) (value >>> 32);
    b[p + 4] = (byte) (value >>> 24);
    b[p + 5] = (byte) (value >>> 16);
    b[p + 6] = (byte) (value >>> 8);
    b[p + 7] = (byte) value;
    size = p + 8;
  }

  /**
   * Appends the bits of {@code value} as by {@link Float#floatToRawIntBits}, so that {@code -0.0f}
   * and every NaN, with its payload, read back unchanged.
   */
  public void writeFloat(float value) {
    writeInt(Float.floatToRawIntBits(value));
  }

  /**
   * Appends the bits of {@code value} as by {@link Double#doubleToRawLongBits}, so that
   * {@code -0.0} and every NaN, with its payload, read back unchanged.
   */
  public void writeDouble(double value) {
    writeLong(Double.doubleToRawLongBits(value));
  }

  /**
   * Appends a count, length or id as an unsigned LEB128 varint: 7 bits a byte, least significant
   * first, the high bit set on every byte but the last; 1 byte below 128, at most 5.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public void writeVarInt(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a varint cannot be negative: " + value);
    }
    ensure(5);
    byte[] b = buffer;
    int p = size;
    while (value >= 0x80) {
      b[p++] = (byte) (value | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    size = p;
  }

  /**
   * Appends {@code value} as its length in UTF-16 code units, a {@linkplain #writeVarInt varint},
   * then each code unit on its own in 1 to 3 bytes: {@code 0xxxxxxx} below {@code U+0080},
   * {@code 110xxxxx 10xxxxxx} below {@code U+0800}, {@code 1110xxxx 10xxxxxx 10xxxxxx} above. A
   * supplementary character takes two 3-byte surrogates (as in CESU-8), and an unpaired surrogate
   * is written like any other code unit, so every {@code String} reads back unchanged.
   *
   * @throws NullPointerException if {@code value} is {@code null}
   */
  public void writeString(String value) {
    int length = value.length();
    writeVarInt(length);
    ensure(length);
    byte[] b = buffer;
    int p = size;
    int i = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        break;
      }
      b[p++] = (byte) c;
    }
    size = p;
    if (i < length) {
      writeNonAscii(value, i);
    }
  }

  private void writeNonAscii(String value, int from) {
    int length = value.length();
    ensure(encodedLength(value, from));
    byte[] b = buffer;
    int p = size;
    for (int i = from; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | c >>> 6);
        b[p++] = (byte) (0x80 | c & 0x3F);
      } else {
        b[p++] = (byte) (0xE0 | c >>> 12);
        b[p++] = (byte) (0x80 | c >>> 6 & 0x3F);
        b[p++] = (byte) (0x80 | c & 0x3F);
      }
    }
    size = p;
  }

  private static long encodedLength(String value, int from) {
    long bytes = 0;
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }

  /**
   * Appends {@code length} bytes of {@code bytes} from {@code offset}, as they are, without their
   * length.
   *
   * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
   */
  public void writeBytes(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  /** The number of bytes written since construction or the last {@link #reset()}. */
  public int size() {
    return size;
  }

  /** Forgets the bytes written, keeping the array for the next record. */
  public void reset() {
    size = 0;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  /**
   * The internal array, whose first {@link #size()} bytes are the ones written, for writing them
   * out without a copy. The next write may replace the array, and {@link #reset()} lets the next
   * record overwrite it.
   */
  public byte[] buffer() {
    return buffer;
  }

  /**
   * Puts the bytes written into {@code target} at its position, advancing the position by
   * {@link #size()}.
   *
   * @throws java.nio.BufferOverflowException if {@code target} has fewer bytes remaining
   * @throws java.nio.ReadOnlyBufferException if {@code target} is read-only
   */
  public void writeTo(ByteBuffer target) {
    target.put(buffer, 0, size);
  }

  /** Makes room for {@code extra} more bytes. */
  private void ensure(long extra) {
    if (extra > buffer.length - size) {
      grow(size + extra);
    }
  }

  private void grow(long required) {
    if (required > MAX_CAPACITY) {
      throw new OutOfMemoryError("a record of " + required + " bytes is longer than the longest array");
    }
    long doubled = Math.max(2L * buffer.length, 16);
    buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(doubled, required), MAX_CAPACITY));
  }

  @Override
  public String toString() {
    return "CodecOutput[size=" + size + ", capacity=" + buffer.length + "]";
  }
}

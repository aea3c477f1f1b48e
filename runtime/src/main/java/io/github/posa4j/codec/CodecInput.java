package io.github.posa4j.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads what a {@link CodecOutput} wrote from a region of a {@link ByteBuffer}: a heap buffer, a
 * direct one or a mapped file. It reads with absolute gets and keeps its own position, so the
 * buffer's position, limit and byte order are never changed, and one buffer can be read by several
 * inputs at once. {@link #reset(ByteBuffer, int, int)} points an input at the next record without
 * allocating.
 *
 * <p>Every read that runs past the end of the region, and every byte that cannot be what is being
 * read, throws a {@link CodecException} saying what was read at which position; positions count
 * from the start of the region. After one, the position is unspecified.
 *
 * <p>Not thread-safe.
 */
public final class CodecInput {
  private ByteBuffer buffer;
  // The buffer's backing array, for reading ASCII strings in bulk; null when it has none that is accessible.
  private byte[] array;
  private int arrayOffset;
  private boolean bigEndian;
  // Absolute indices into the buffer.
  private int start;
  private int end;
  private int position;

  /** Reads all of {@code bytes}. */
  public CodecInput(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /**
   * Reads {@code length} bytes of {@code bytes} from {@code offset}.
   *
   * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
   */
  public CodecInput(byte[] bytes, int offset, int length) {
    reset(ByteBuffer.wrap(bytes), offset, length);
  }

  /** Reads the bytes of {@code buffer} from its position to its limit. */
  public CodecInput(ByteBuffer buffer) {
    reset(buffer, buffer.position(), buffer.remaining());
  }

  /**
   * Reads {@code length} bytes of {@code buffer} from the absolute index {@code offset} from now
   * on, whatever the buffer's position; the position of this input starts again at 0.
   *
   * @throws IndexOutOfBoundsException if the range is not inside the buffer's limit
   */
  public void reset(ByteBuffer buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.limit());
    this.buffer = buffer;
    if (buffer.hasArray()) {
      array = buffer.array();
      arrayOffset = buffer.arrayOffset();
    } else {
      array = null;
      arrayOffset = 0;
    }
    bigEndian = buffer.order() == ByteOrder.BIG_ENDIAN;
    start = offset;
    end = offset + length;
    position = offset;
  }

  /** The number of bytes read since the start of the region. */
  public int position() {
    return position - start;
  }

  /** The number of bytes left in the region. */
  public int remaining() {
    return end - position;
  }

  /**
   * Reads a byte written by {@link CodecOutput#writeBoolean}.
   *
   * @throws CodecException if it is neither {@code 0} nor {@code 1}
   */
  public boolean readBoolean() {
    int at = take(1, "a boolean");
    byte b = buffer.get(at);
    if (b == 0) {
      return false;
    }
    if (b == 1) {
      return true;
    }
    throw new CodecException("invalid boolean " + hex(b) + " at position " + (at - start) + "; expected 0x00 or 0x01");
  }

  /** Reads a byte. */
  public byte readByte() {
    return buffer.get(take(1, "a byte"));
  }

  /** Reads a big-endian {@code short}. */
  public short readShort() {
    short value = buffer.getShort(take(2, "a short"));
    return bigEndian ? value : Short.reverseBytes(value);
  }

  /** Reads a big-endian {@code char}. */
  public char readChar() {
    char value = buffer.getChar(take(2, "a char"));
    return bigEndian ? value : Character.reverseBytes(value);
  }

  /** Reads a big-endian {@code int}. */
  public int readInt() {
    int value = buffer.getInt(take(4, "an int"));
    return bigEndian ? value : Integer.reverseBytes(value);
  }

  /** Reads a big-endian {@code long}. */
  public long readLong() {
    long value = buffer.getLong(take(8, "a long"));
    return bigEndian ? value : Long.reverseBytes(value);
  }

  /** Reads a {@code float} written by {@link CodecOutput#writeFloat}, bit for bit. */
  public float readFloat() {
    int bits = buffer.getInt(take(4, "a float"));
    return Float.intBitsToFloat(bigEndian ? bits : Integer.reverseBytes(bits));
  }

  /** Reads a {@code double} written by {@link CodecOutput#writeDouble}, bit for bit. */
  public double readDouble() {
    long bits = buffer.getLong(take(8, "a double"));
    return Double.longBitsToDouble(bigEndian ? bits : Long.reverseBytes(bits));
  }

  /**
   * Reads a varint written by {@link CodecOutput#writeVarInt}.
   *
   * @throws CodecException if it runs past the end, if it is longer than needed (a last byte of
   *     {@code 0x00} after the first), or if it is more than {@link Integer#MAX_VALUE}
   */
  public int readVarInt() {
    int first = position;
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      if (position == end) {
        throw new CodecException("needed another byte for the varint at position " + (first - start)
            + ", 0 remain");
      }
      int b = buffer.get(position++);
      if (shift == 28 && (b & 0xF8) != 0) {
        throw new CodecException("the varint at position " + (first - start) + " is more than Integer.MAX_VALUE");
      }
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        if (b == 0 && shift > 0) {
          throw new CodecException("the varint at position " + (first - start) + " is overlong");
        }
        return value;
      }
    }
  }

  /**
   * Reads a count written as a {@linkplain #readVarInt varint}, of elements that take at least
   * {@code minimumBytesPerElement} bytes each (at least 1 is assumed), before anything is
   * allocated for them: a corrupt count fails here instead of running out of memory.
   *
   * @throws CodecException if the count is more than the remaining bytes can hold
   */
  public int readCount(int minimumBytesPerElement) {
    int at = position;
    int count = readVarInt();
    int perElement = Math.max(1, minimumBytesPerElement);
    int remaining = remaining();
    if (count > remaining / perElement) {
      throw new CodecException("the count " + count + " at position " + (at - start) + " is more than the "
          + remaining + (remaining == 1 ? " byte" : " bytes") + " that remain can hold, at "
          + perElement + (perElement == 1 ? " byte" : " bytes") + " or more each");
    }
    return count;
  }

  /**
   * Reads a string written by {@link CodecOutput#writeString}.
   *
   * @throws CodecException if a code unit is malformed or longer than needed
   */
  public String readString() {
    int length = readCount(1);
    if (length == 0) {
      return "";
    }
    int from = position;
    // Most strings are ASCII, one byte a char: read those at once from the array.
    if (array != null) {
      int base = arrayOffset + from;
      int i = 0;
      while (i < length && array[base + i] >= 0) {
        i++;
      }
      if (i == length) {
        position = from + length;
        return new String(array, base, length, StandardCharsets.ISO_8859_1);
      }
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = readStringChar(length);
    }
    return new String(chars);
  }

  private char readStringChar(int length) {
    int at = position;
    int b = nextStringByte(length);
    if (b >= 0) {
      return (char) b;
    }
    int c;
    if ((b & 0xE0) == 0xC0) {
      c = (b & 0x1F) << 6 | continuation(at, length);
      if (c < 0x80) {
        throw new CodecException("an overlong char in a string at position " + (at - start));
      }
    } else if ((b & 0xF0) == 0xE0) {
      c = (b & 0x0F) << 12 | continuation(at, length) << 6 | continuation(at, length);
      if (c < 0x800) {
        throw new CodecException("an overlong char in a string at position " + (at - start));
      }
    } else {
      throw new CodecException("invalid first byte " + hex(b) + " of a char in a string at position " + (at - start));
    }
    return (char) c;
  }

  private int continuation(int charStart, int length) {
    int b = nextStringByte(length);
    if ((b & 0xC0) != 0x80) {
      throw new CodecException("invalid byte " + hex(b) + " at position " + (position - 1 - start)
          + " in the char of a string that starts at position " + (charStart - start));
    }
    return b & 0x3F;
  }

  private int nextStringByte(int length) {
    if (position == end) {
      // Not take(1, ...), which would build this message for every byte.
      throw new CodecException("needed 1 byte for a string of " + length + " chars at position " + (position - start)
          + ", 0 remain");
    }
    return buffer.get(position++);
  }

  /**
   * Reads {@code length} bytes into a new array.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public byte[] readBytes(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length is negative: " + length);
    }
    int at = take(length, "a byte array");
    byte[] bytes = new byte[length];
    buffer.get(at, bytes, 0, length);
    return bytes;
  }

  /** Moves past {@code n} bytes that must remain, returning the absolute index of the first. */
  private int take(int n, String what) {
    int at = position;
    if (end - at < n) {
      int remaining = end - at;
      throw new CodecException("needed " + n + (n == 1 ? " byte" : " bytes") + " for " + what + " at position "
          + (at - start) + ", " + remaining + " remain" + (remaining == 1 ? "s" : ""));
    }
    position = at + n;
    return at;
  }

  private static String hex(int b) {
    return String.format("0x%02X", b & 0xFF);
  }

  @Override
  public String toString() {
    return "CodecInput[position=" + position() + ", remaining=" + remaining() + "]";
  }
}

package io.github.posa4j.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The codecs of the JDK's value types and the ways to compose them, from which the annotation
 * processor builds the codecs of journaled commands and remote methods. Each is a stateless
 * singleton or a small immutable composition, safe to share between threads, whose
 * {@code toString()} describes it, e.g. {@code list(nullable(string))}.
 *
 * <p>Every codec but {@link #VOID} and those of {@link #nullable(Codec)} refuses to encode
 * {@code null} with a {@link NullPointerException}. The layout of each value is described in the
 * {@linkplain io.github.posa4j.codec package documentation}; it is part of the format of journals
 * on disk and does not change.
 */
public final class Codecs {

  /** A {@code Boolean}: one byte, {@code 0} or {@code 1}. */
  public static final Codec<Boolean> BOOLEAN =
      new ScalarCodec<>("boolean", 1, CodecOutput::writeBoolean, CodecInput::readBoolean);

  /** A {@code Byte}: one byte. */
  public static final Codec<Byte> BYTE = new ScalarCodec<Byte>("byte", 1, CodecOutput::writeByte, CodecInput::readByte);

  /** A {@code Short}: two bytes, big-endian. */
  public static final Codec<Short> SHORT =
      new ScalarCodec<Short>("short", 2, CodecOutput::writeShort, CodecInput::readShort);

  /** A {@code Character}: its UTF-16 code unit in two bytes, big-endian. */
  public static final Codec<Character> CHARACTER =
      new ScalarCodec<Character>("character", 2, CodecOutput::writeChar, CodecInput::readChar);

  /** An {@code Integer}: four bytes, big-endian. */
  public static final Codec<Integer> INTEGER =
      new ScalarCodec<>("integer", 4, CodecOutput::writeInt, CodecInput::readInt);

  /** A {@code Long}: eight bytes, big-endian. */
  public static final Codec<Long> LONG = new ScalarCodec<>("long", 8, CodecOutput::writeLong, CodecInput::readLong);

  /** A {@code Float}: its raw IEEE 754 bits in four bytes, big-endian, so NaN payloads and {@code -0.0f} survive. */
  public static final Codec<Float> FLOAT =
      new ScalarCodec<>("float", 4, CodecOutput::writeFloat, CodecInput::readFloat);

  /** A {@code Double}: its raw IEEE 754 bits in eight bytes, big-endian, so NaN payloads and {@code -0.0} survive. */
  public static final Codec<Double> DOUBLE =
      new ScalarCodec<>("double", 8, CodecOutput::writeDouble, CodecInput::readDouble);

  /**
   * {@code Void}, the result of a {@code void} method: no bytes, always {@code null}. The only
   * codec here that encodes {@code null} without {@link #nullable(Codec)}. It cannot be the
   * element codec of a collection.
   */
  public static final Codec<Void> VOID = VoidCodec.INSTANCE;

  /** A {@code String}, as {@link CodecOutput#writeString} writes it: any string, even with unpaired surrogates. */
  public static final Codec<String> STRING =
      new ScalarCodec<>("string", 1, CodecOutput::writeString, CodecInput::readString);

  /** A {@code UUID}: its most significant and then least significant 64 bits, as longs. */
  public static final Codec<UUID> UUID =
      new ScalarCodec<>("uuid", 16, StandardValues::writeUuid, StandardValues::readUuid);

  /** A {@code BigInteger}: the length of its two's-complement bytes as a varint, then the bytes, big-endian. */
  public static final Codec<BigInteger> BIG_INTEGER =
      new ScalarCodec<>("bigInteger", 2, StandardValues::writeBigInteger, StandardValues::readBigInteger);

  /**
   * A {@code BigDecimal}: its unscaled value as {@link #BIG_INTEGER}, then its scale as an int, so
   * the scale is kept: {@code 1.10} reads back as {@code 1.10}, not {@code 1.1}.
   */
  public static final Codec<BigDecimal> BIG_DECIMAL =
      new ScalarCodec<>("bigDecimal", 6, StandardValues::writeBigDecimal, StandardValues::readBigDecimal);

  /** An {@code Instant}: the seconds since the epoch as a long, then the nanoseconds of the second as an int. */
  public static final Codec<Instant> INSTANT =
      new ScalarCodec<>("instant", 12, StandardValues::writeInstant, StandardValues::readInstant);

  /**
   * A {@code Duration}: its seconds as a long, then its nanoseconds of the second (from 0 to
   * 999,999,999, also for negative durations) as an int.
   */
  public static final Codec<Duration> DURATION =
      new ScalarCodec<>("duration", 12, StandardValues::writeDuration, StandardValues::readDuration);

  /** A {@code LocalDate}: the year as an int, then the month and the day of the month as one byte each. */
  public static final Codec<LocalDate> LOCAL_DATE =
      new ScalarCodec<>("localDate", 6, StandardValues::writeLocalDate, StandardValues::readLocalDate);

  /**
   * A {@code LocalDateTime}, to the nanosecond: the date as {@link #LOCAL_DATE}, then the hour,
   * minute and second as one byte each and the nanoseconds of the second as an int.
   */
  public static final Codec<LocalDateTime> LOCAL_DATE_TIME =
      new ScalarCodec<>("localDateTime", 13, StandardValues::writeLocalDateTime, StandardValues::readLocalDateTime);

  /** A {@code byte[]}: its length as a varint, then its bytes. */
  public static final Codec<byte[]> BYTE_ARRAY =
      new ScalarCodec<>("byteArray", 1, PrimitiveArrays::writeBytes, PrimitiveArrays::readBytes);

  /** A {@code boolean[]}: its length as a varint, then one byte, {@code 0} or {@code 1}, an element. */
  public static final Codec<boolean[]> BOOLEAN_ARRAY =
      new ScalarCodec<>("booleanArray", 1, PrimitiveArrays::writeBooleans, PrimitiveArrays::readBooleans);

  /** A {@code short[]}: its length as a varint, then two bytes an element, big-endian. */
  public static final Codec<short[]> SHORT_ARRAY =
      new ScalarCodec<>("shortArray", 1, PrimitiveArrays::writeShorts, PrimitiveArrays::readShorts);

  /** A {@code char[]}: its length as a varint, then two bytes an element, big-endian. */
  public static final Codec<char[]> CHAR_ARRAY =
      new ScalarCodec<>("charArray", 1, PrimitiveArrays::writeChars, PrimitiveArrays::readChars);

  /** An {@code int[]}: its length as a varint, then four bytes an element, big-endian. */
  public static final Codec<int[]> INT_ARRAY =
      new ScalarCodec<>("intArray", 1, PrimitiveArrays::writeInts, PrimitiveArrays::readInts);

  /** A {@code long[]}: its length as a varint, then eight bytes an element, big-endian. */
  public static final Codec<long[]> LONG_ARRAY =
      new ScalarCodec<>("longArray", 1, PrimitiveArrays::writeLongs, PrimitiveArrays::readLongs);

  /** A {@code float[]}: its length as a varint, then each element as {@link #FLOAT}. */
  public static final Codec<float[]> FLOAT_ARRAY =
      new ScalarCodec<>("floatArray", 1, PrimitiveArrays::writeFloats, PrimitiveArrays::readFloats);

  /** A {@code double[]}: its length as a varint, then each element as {@link #DOUBLE}. */
  public static final Codec<double[]> DOUBLE_ARRAY =
      new ScalarCodec<>("doubleArray", 1, PrimitiveArrays::writeDoubles, PrimitiveArrays::readDoubles);

  private Codecs() {}

  /**
   * Values of {@code codec} or {@code null}: a presence byte, {@code 0} for {@code null}, or
   * {@code 1} followed by the value. Any other presence byte is a {@link CodecException}.
   */
  public static <T> Codec<T> nullable(Codec<T> codec) {
    return new NullableCodec<>(Objects.requireNonNull(codec, "codec"));
  }

  /**
   * The constants of the enum {@code type} by name, written as {@link #STRING}, so that adding,
   * removing or reordering other constants keeps what was written readable. Decoding looks the
   * name up in a map built here from {@code values} (pass {@code E.values()}); a name that is not
   * there is a {@link CodecException} naming the enum and the name.
   *
   * @throws IllegalArgumentException if one of {@code values} is not a constant of {@code type}
   */
  public static <E extends Enum<E>> Codec<E> enumeration(Class<E> type, E[] values) {
    return new EnumCodec<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(values, "values"));
  }

  /**
   * Lists of values of {@code element}: the size as a varint, then the elements in order. Decodes
   * a mutable {@link java.util.ArrayList}.
   *
   * @throws IllegalArgumentException if {@code element} writes no bytes, like {@link #VOID}
   */
  public static <T> Codec<List<T>> list(Codec<T> element) {
    return new ListCodec<>(Objects.requireNonNull(element, "element"));
  }

  /**
   * Sets of values of {@code element}: the size as a varint, then the elements in iteration
   * order. Decodes a mutable {@link java.util.LinkedHashSet} in the same order; a duplicate
   * element is a {@link CodecException}.
   *
   * @throws IllegalArgumentException if {@code element} writes no bytes, like {@link #VOID}
   */
  public static <T> Codec<Set<T>> set(Codec<T> element) {
    return new SetCodec<>(Objects.requireNonNull(element, "element"));
  }

  /**
   * Maps from values of {@code key} to values of {@code value}: the size as a varint, then each
   * key followed by its value, in iteration order. Decodes a mutable
   * {@link java.util.LinkedHashMap} in the same order; a duplicate key is a
   * {@link CodecException}.
   *
   * @throws IllegalArgumentException if both {@code key} and {@code value} write no bytes
   */
  public static <K, V> Codec<Map<K, V>> map(Codec<K> key, Codec<V> value) {
    return new MapCodec<>(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
  }

  /**
   * {@code Optional}s of values of {@code element}: a presence byte, {@code 0} for empty, or
   * {@code 1} followed by the value.
   */
  public static <T> Codec<Optional<T>> optional(Codec<T> element) {
    return new OptionalCodec<>(Objects.requireNonNull(element, "element"));
  }

  /**
   * Arrays of values of {@code element}, made by {@code newArray} (e.g. {@code String[]::new}):
   * the length as a varint, then the elements in order.
   *
   * @throws IllegalArgumentException if {@code element} writes no bytes, like {@link #VOID}
   */
  public static <T> Codec<T[]> array(Codec<T> element, IntFunction<T[]> newArray) {
    return new ArrayCodec<>(Objects.requireNonNull(element, "element"), Objects.requireNonNull(newArray, "newArray"));
  }
}

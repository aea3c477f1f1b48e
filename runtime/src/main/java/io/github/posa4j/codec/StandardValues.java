package io.github.posa4j.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * How the JDK's value types are laid out, and the checks that turn bytes that are not one of them
 * into a {@link CodecException} instead of the JDK's own exceptions.
 */
final class StandardValues {
  private static final int NANOS_PER_SECOND = 1_000_000_000;

  private StandardValues() {}

  /** A length varint, then the two's-complement bytes of {@link BigInteger#toByteArray()}. */
  static void writeBigInteger(CodecOutput out, BigInteger value) {
    byte[] bytes = value.toByteArray();
    out.writeVarInt(bytes.length);
    out.writeBytes(bytes, 0, bytes.length);
  }

  static BigInteger readBigInteger(CodecInput in) {
    int at = in.position();
    int length = in.readCount(1);
    if (length == 0) {
      throw new CodecException("a big integer of no bytes at position " + at);
    }
    return new BigInteger(in.readBytes(length));
  }

  /** The unscaled value as a big integer, then the scale as an int: {@code 1.10} is 110 and 2. */
  static void writeBigDecimal(CodecOutput out, BigDecimal value) {
    writeBigInteger(out, value.unscaledValue());
    out.writeInt(value.scale());
  }

  static BigDecimal readBigDecimal(CodecInput in) {
    BigInteger unscaled = readBigInteger(in);
    return new BigDecimal(unscaled, in.readInt());
  }

  /** The most significant 64 bits as a long, then the least significant. */
  static void writeUuid(CodecOutput out, UUID value) {
    out.writeLong(value.getMostSignificantBits());
    out.writeLong(value.getLeastSignificantBits());
  }

  static UUID readUuid(CodecInput in) {
    long most = in.readLong();
    return new UUID(most, in.readLong());
  }

  /** The seconds since the epoch as a long, then the nanoseconds of the second as an int. */
  static void writeInstant(CodecOutput out, Instant value) {
    out.writeLong(value.getEpochSecond());
    out.writeInt(value.getNano());
  }

  static Instant readInstant(CodecInput in) {
    int at = in.position();
    long seconds = in.readLong();
    int nanos = readNanos(in);
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw new CodecException("an instant out of range at position " + at + ": " + seconds + " s", e);
    }
  }

  /** The seconds as a long, then the nanoseconds of the second, from 0, as an int: -1.5 s is -2 s and 5e8 ns. */
  static void writeDuration(CodecOutput out, Duration value) {
    out.writeLong(value.getSeconds());
    out.writeInt(value.getNano());
  }

  static Duration readDuration(CodecInput in) {
    long seconds = in.readLong();
    return Duration.ofSeconds(seconds, readNanos(in));
  }

  private static int readNanos(CodecInput in) {
    int at = in.position();
    int nanos = in.readInt();
    if (nanos < 0 || nanos >= NANOS_PER_SECOND) {
      throw new CodecException("nanoseconds of a second out of range at position " + at + ": " + nanos);
    }
    return nanos;
  }

  /** The year as an int, then the month (1 to 12) and the day of the month as bytes. */
  static void writeLocalDate(CodecOutput out, LocalDate value) {
    out.writeInt(value.getYear());
    out.writeByte(value.getMonthValue());
    out.writeByte(value.getDayOfMonth());
  }

  static LocalDate readLocalDate(CodecInput in) {
    int at = in.position();
    int year = in.readInt();
    int month = in.readByte();
    int day = in.readByte();
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new CodecException("an invalid date at position " + at + ": " + e.getMessage(), e);
    }
  }

  /**
   * The date as {@link #writeLocalDate}, then the hour, minute and second as bytes and the
   * nanoseconds of the second as an int.
   */
  static void writeLocalDateTime(CodecOutput out, LocalDateTime value) {
    writeLocalDate(out, value.toLocalDate());
    out.writeByte(value.getHour());
    out.writeByte(value.getMinute());
    out.writeByte(value.getSecond());
    out.writeInt(value.getNano());
  }

  static LocalDateTime readLocalDateTime(CodecInput in) {
    LocalDate date = readLocalDate(in);
    int at = in.position();
    int hour = in.readByte();
    int minute = in.readByte();
    int second = in.readByte();
    int nanos = in.readInt();
    try {
      return date.atTime(hour, minute, second, nanos);
    } catch (DateTimeException e) {
      throw new CodecException("an invalid time of day at position " + at + ": " + e.getMessage(), e);
    }
  }
}

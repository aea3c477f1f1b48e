package io.github.posa4j.codec;

import static io.github.posa4j.codec.Bytes.decode;
import static io.github.posa4j.codec.Bytes.encode;
import static io.github.posa4j.codec.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of small values. Journals on disk are read with these codecs, so a change to
 * any of these bytes breaks them: it must be a new format, not an edit here.
 */
class EncodingStabilityTest {

  private static <T> void assertBytes(Codec<T> codec, T value, String expected) {
    assertThat(hex(encode(codec, value))).as("%s of %s", codec, value).isEqualTo(expected);
    assertThat(decode(codec, Bytes.parseHex(expected))).as("%s of %s", codec, value).isEqualTo(value);
  }

  @Test
  void primitives() {
    assertBytes(Codecs.BOOLEAN, true, "01");
    assertBytes(Codecs.BOOLEAN, false, "00");
    assertBytes(Codecs.BYTE, (byte) -2, "FE");
    assertBytes(Codecs.SHORT, (short) 0x1234, "12 34");
    assertBytes(Codecs.CHARACTER, 'A', "00 41");
    assertBytes(Codecs.INTEGER, 1, "00 00 00 01");
    assertBytes(Codecs.INTEGER, -1, "FF FF FF FF");
    assertBytes(Codecs.LONG, 0x0102030405060708L, "01 02 03 04 05 06 07 08");
    assertBytes(Codecs.FLOAT, 1.0f, "3F 80 00 00");
    assertBytes(Codecs.FLOAT, -0.0f, "80 00 00 00");
    assertBytes(Codecs.DOUBLE, 1.0, "3F F0 00 00 00 00 00 00");
    assertBytes(Codecs.DOUBLE, Double.NaN, "7F F8 00 00 00 00 00 00");
    assertBytes(Codecs.VOID, null, "");
  }

  @Test
  void varInts() {
    int[] values = {0, 1, 127, 128, 300, 16_384, Integer.MAX_VALUE};
    String[] expected = {"00", "01", "7F", "80 01", "AC 02", "80 80 01", "FF FF FF FF 07"};
    for (int i = 0; i < values.length; i++) {
      CodecOutput out = new CodecOutput();
      out.writeVarInt(values[i]);
      assertThat(hex(out.toByteArray())).as("varint %d", values[i]).isEqualTo(expected[i]);
    }
  }

  @Test
  void strings() {
    assertBytes(Codecs.STRING, "", "00");
    assertBytes(Codecs.STRING, "ab", "02 61 62");
    assertBytes(Codecs.STRING, "\u0000", "01 00");
    assertBytes(Codecs.STRING, "h\u00e9", "02 68 C3 A9");
    assertBytes(Codecs.STRING, "\u20ac", "01 E2 82 AC");
    assertBytes(Codecs.STRING, "\ud83d\ude00", "02 ED A0 BD ED B8 80");
    assertBytes(Codecs.STRING, "\ud800", "01 ED A0 80");
    assertBytes(Codecs.STRING, "x".repeat(200), "C8 01 " + "78 ".repeat(199) + "78");
  }

  @Test
  void jdkValues() {
    assertBytes(Codecs.UUID, new UUID(0x0102030405060708L, -1L),
        "01 02 03 04 05 06 07 08 FF FF FF FF FF FF FF FF");
    assertBytes(Codecs.BIG_INTEGER, BigInteger.ZERO, "01 00");
    assertBytes(Codecs.BIG_INTEGER, BigInteger.ONE.negate(), "01 FF");
    assertBytes(Codecs.BIG_INTEGER, BigInteger.valueOf(128), "02 00 80");
    assertBytes(Codecs.BIG_DECIMAL, new BigDecimal("1.10"), "01 6E 00 00 00 02");
    assertBytes(Codecs.BIG_DECIMAL, new BigDecimal("-1E+3"), "01 FF FF FF FF FD");
    assertBytes(Codecs.INSTANT, Instant.ofEpochSecond(1, 2), "00 00 00 00 00 00 00 01 00 00 00 02");
    assertBytes(Codecs.DURATION, Duration.ofMillis(-1500), "FF FF FF FF FF FF FF FE 1D CD 65 00");
    assertBytes(Codecs.LOCAL_DATE, LocalDate.of(2024, 2, 29), "00 00 07 E8 02 1D");
    assertBytes(Codecs.LOCAL_DATE, LocalDate.of(-1, 12, 31), "FF FF FF FF 0C 1F");
    assertBytes(Codecs.LOCAL_DATE_TIME, LocalDateTime.of(2024, 2, 29, 13, 45, 30, 1),
        "00 00 07 E8 02 1D 0D 2D 1E 00 00 00 01");
  }

  @Test
  void arrays() {
    assertBytes(Codecs.BYTE_ARRAY, new byte[] {1, -1}, "02 01 FF");
    assertBytes(Codecs.BOOLEAN_ARRAY, new boolean[] {true, false}, "02 01 00");
    assertBytes(Codecs.SHORT_ARRAY, new short[] {1}, "01 00 01");
    assertBytes(Codecs.CHAR_ARRAY, new char[] {'a'}, "01 00 61");
    assertBytes(Codecs.INT_ARRAY, new int[] {1, 2}, "02 00 00 00 01 00 00 00 02");
    assertBytes(Codecs.LONG_ARRAY, new long[0], "00");
    assertBytes(Codecs.FLOAT_ARRAY, new float[] {2.0f}, "01 40 00 00 00");
    assertBytes(Codecs.DOUBLE_ARRAY, new double[] {2.0}, "01 40 00 00 00 00 00 00 00");
    assertBytes(Codecs.array(Codecs.nullable(Codecs.STRING), String[]::new), new String[] {null, "a"},
        "02 00 01 01 61");
  }

  @Test
  void compositions() {
    assertBytes(Codecs.nullable(Codecs.STRING), null, "00");
    assertBytes(Codecs.nullable(Codecs.STRING), "a", "01 01 61");
    assertBytes(Codecs.optional(Codecs.INTEGER), Optional.empty(), "00");
    assertBytes(Codecs.optional(Codecs.INTEGER), Optional.of(7), "01 00 00 00 07");
    assertBytes(Codecs.enumeration(Color.class, Color.values()), Color.RED, "03 52 45 44");
    assertBytes(Codecs.list(Codecs.INTEGER), List.of(1, 2), "02 00 00 00 01 00 00 00 02");
    assertBytes(Codecs.list(Codecs.nullable(Codecs.STRING)), Arrays.asList("a", null), "02 01 01 61 00");
    assertBytes(Codecs.set(Codecs.BOOLEAN), Set.of(true), "01 01");
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2);
    assertBytes(Codecs.map(Codecs.STRING, Codecs.INTEGER), map, "02 01 61 00 00 00 01 01 62 00 00 00 02");
  }
}

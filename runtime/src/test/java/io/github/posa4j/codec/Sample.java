package io.github.posa4j.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A value and its codec, named for the test report. {@link #all()} has edge values of every codec
 * of {@link Codecs}, alone and composed.
 */
record Sample<T>(String name, Codec<T> codec, T value) {
  static final Codec<List<Map<String, Optional<List<Integer>>>>> NESTED =
      Codecs.list(Codecs.map(Codecs.STRING, Codecs.optional(Codecs.list(Codecs.nullable(Codecs.INTEGER)))));

  static <T> Sample<T> of(String name, Codec<T> codec, T value) {
    return new Sample<>(name, codec, value);
  }

  @Override
  public String toString() {
    return name;
  }

  static List<Sample<?>> all() {
    List<Sample<?>> samples = new ArrayList<>();
    samples.add(of("true", Codecs.BOOLEAN, true));
    samples.add(of("false", Codecs.BOOLEAN, false));
    for (byte b : new byte[] {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE}) {
      samples.add(of("byte " + b, Codecs.BYTE, b));
    }
    for (short s : new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}) {
      samples.add(of("short " + s, Codecs.SHORT, s));
    }
    for (char c : new char[] {0, 'a', '\u00e9', '\ud800', '\udfff', '\uffff'}) {
      samples.add(of("char U+" + Integer.toHexString(c), Codecs.CHARACTER, c));
    }
    for (int i : new int[] {Integer.MIN_VALUE, -1, 0, 1, 127, 128, Integer.MAX_VALUE}) {
      samples.add(of("int " + i, Codecs.INTEGER, i));
    }
    for (long l : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
      samples.add(of("long " + l, Codecs.LONG, l));
    }
    for (float f : new float[] {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.NaN,
        Float.intBitsToFloat(0x7fc1_2345)}) {
      samples.add(of("float " + f + " bits " + Integer.toHexString(Float.floatToRawIntBits(f)), Codecs.FLOAT, f));
    }
    for (double d : new double[] {0d, -0d, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0x7ff8_dead_beef_0001L)}) {
      samples.add(of("double " + d + " bits " + Long.toHexString(Double.doubleToRawLongBits(d)), Codecs.DOUBLE, d));
    }
    samples.add(of("void", Codecs.VOID, null));
    for (String s : strings()) {
      samples.add(of("string " + describe(s), Codecs.STRING, s));
    }
    samples.add(of("uuid", Codecs.UUID, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    samples.add(of("uuid 0", Codecs.UUID, new UUID(0, 0)));
    samples.add(of("uuid -1", Codecs.UUID, new UUID(-1, -1)));
    for (BigInteger i : List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.valueOf(128),
        BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE), BigInteger.TWO.pow(100_000).negate(),
        BigInteger.TEN.pow(1000).add(BigInteger.valueOf(7)))) {
      samples.add(of("bigInteger of " + i.bitLength() + " bits, signum " + i.signum(), Codecs.BIG_INTEGER, i));
    }
    for (BigDecimal d : List.of(new BigDecimal("1.10"), new BigDecimal("-0.000"), BigDecimal.ZERO,
        new BigDecimal("1E+5"), new BigDecimal("-12345678901234567890.123456789"),
        new BigDecimal(BigInteger.TEN.pow(500), Integer.MIN_VALUE),
        new BigDecimal(BigInteger.ONE.negate(), Integer.MAX_VALUE))) {
      samples.add(of("bigDecimal unscaled " + d.unscaledValue().bitLength() + " bits, scale " + d.scale(),
          Codecs.BIG_DECIMAL, d));
    }
    for (Instant i : List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
        Instant.parse("2026-01-07T12:34:56.123456789Z"))) {
      samples.add(of("instant " + i, Codecs.INSTANT, i));
    }
    for (Duration d : List.of(Duration.ZERO, Duration.ofNanos(-1), Duration.ofMillis(-1500), Duration.ofNanos(1),
        Duration.ofSeconds(Long.MIN_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))) {
      samples.add(of("duration " + d, Codecs.DURATION, d));
    }
    for (LocalDate d : List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(2024, 2, 29),
        LocalDate.of(-1, 12, 31))) {
      samples.add(of("localDate " + d, Codecs.LOCAL_DATE, d));
    }
    for (LocalDateTime d : List.of(LocalDateTime.MIN, LocalDateTime.MAX,
        LocalDateTime.of(2026, 1, 7, 23, 59, 59, 1), LocalDateTime.of(1969, 12, 31, 0, 0))) {
      samples.add(of("localDateTime " + d, Codecs.LOCAL_DATE_TIME, d));
    }
    samples.add(of("byteArray empty", Codecs.BYTE_ARRAY, new byte[0]));
    samples.add(of("byteArray", Codecs.BYTE_ARRAY, new byte[] {0, -1, 127, -128}));
    samples.add(of("byteArray 300", Codecs.BYTE_ARRAY, new byte[300]));
    samples.add(of("booleanArray empty", Codecs.BOOLEAN_ARRAY, new boolean[0]));
    samples.add(of("booleanArray", Codecs.BOOLEAN_ARRAY, new boolean[] {true, false, true}));
    samples.add(of("shortArray", Codecs.SHORT_ARRAY, new short[] {Short.MIN_VALUE, 0, Short.MAX_VALUE}));
    samples.add(of("charArray", Codecs.CHAR_ARRAY, new char[] {'a', '\ud800', '\uffff'}));
    samples.add(of("intArray", Codecs.INT_ARRAY, new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}));
    samples.add(of("intArray empty", Codecs.INT_ARRAY, new int[0]));
    samples.add(of("longArray", Codecs.LONG_ARRAY, new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}));
    samples.add(of("floatArray", Codecs.FLOAT_ARRAY, new float[] {-0f, Float.NaN, Float.MAX_VALUE}));
    samples.add(of("doubleArray", Codecs.DOUBLE_ARRAY, new double[] {-0d, Double.NaN, Double.MIN_VALUE}));

    Codec<String> nullableString = Codecs.nullable(Codecs.STRING);
    samples.add(of("nullable null", nullableString, null));
    samples.add(of("nullable empty string", nullableString, ""));
    samples.add(of("nullable string", nullableString, "x"));
    samples.add(of("nullable long", Codecs.nullable(Codecs.LONG), Long.MIN_VALUE));
    for (Color color : Color.values()) {
      samples.add(of("enumeration " + color.name(), Codecs.enumeration(Color.class, Color.values()), color));
    }
    samples.add(of("list empty", Codecs.list(Codecs.STRING), new ArrayList<>()));
    samples.add(of("list", Codecs.list(Codecs.STRING), new ArrayList<>(List.of("a", "", "\ud83d\ude00"))));
    samples.add(of("list with nulls", Codecs.list(nullableString), new ArrayList<>(Arrays.asList(null, "b", null))));
    samples.add(of("list of lists", Codecs.list(Codecs.list(Codecs.INTEGER)),
        new ArrayList<>(List.of(List.of(), List.of(1), List.of(2, 3)))));
    samples.add(of("set empty", Codecs.set(Codecs.INTEGER), new LinkedHashSet<>()));
    samples.add(of("set", Codecs.set(Codecs.INTEGER), new LinkedHashSet<>(List.of(3, 1, 2))));
    samples.add(of("set with null", Codecs.set(Codecs.nullable(Codecs.UUID)),
        new LinkedHashSet<>(Arrays.asList(new UUID(1, 2), null))));
    samples.add(of("map empty", Codecs.map(Codecs.STRING, Codecs.INTEGER), new LinkedHashMap<>()));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", null);
    map.put("", 3);
    samples.add(of("map with null value", Codecs.map(Codecs.STRING, Codecs.nullable(Codecs.INTEGER)), map));
    Map<String, Void> toVoid = new LinkedHashMap<>();
    toVoid.put("k", null);
    toVoid.put("l", null);
    samples.add(of("map to void", Codecs.map(Codecs.STRING, Codecs.VOID), toVoid));
    samples.add(of("optional empty", Codecs.optional(Codecs.BIG_DECIMAL), Optional.empty()));
    samples.add(of("optional", Codecs.optional(Codecs.BIG_DECIMAL), Optional.of(new BigDecimal("1.10"))));
    samples.add(of("nested", NESTED, nested()));
    samples.add(of("nested empty", NESTED, new ArrayList<>()));
    return samples;
  }

  static List<String> strings() {
    StringBuilder hundredThousand = new StringBuilder();
    for (int i = 0; hundredThousand.length() < 100_000; i++) {
      hundredThousand.append(i % 7 == 0 ? '\u20ac' : (char) ('a' + i % 26));
    }
    return List.of("", "a", "hello, world", "\u0000", "\u007f\u0080\u07ff\u0800\uffff", "h\u00e9", "\u20ac",
        "\ud83d\ude00", "x\ud83d\ude00y", "\ud800", "\udfff", "a\ud800b", "a\udc00b", "\udc00\ud800",
        "\ud800\ud800", "x".repeat(100_000), hundredThousand.toString());
  }

  static String describe(String s) {
    if (s.length() > 20) {
      return s.length() + " chars starting " + describe(s.substring(0, 10));
    }
    StringBuilder out = new StringBuilder("\"");
    s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return out.append('"').toString();
  }

  static List<Map<String, Optional<List<Integer>>>> nested() {
    Map<String, Optional<List<Integer>>> first = new LinkedHashMap<>();
    first.put("empty", Optional.empty());
    first.put("some", Optional.of(new ArrayList<>(Arrays.asList(1, null, 3))));
    first.put("none", Optional.of(new ArrayList<>()));
    Map<String, Optional<List<Integer>>> second = new LinkedHashMap<>();
    List<Map<String, Optional<List<Integer>>>> list = new ArrayList<>();
    list.add(first);
    list.add(second);
    list.add(first);
    return list;
  }
}

package io.github.posa4j.codec;

import static io.github.posa4j.codec.Bytes.encode;
import static io.github.posa4j.codec.Bytes.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every codec of {@link Codecs} reads back what it wrote, edge values included, and describes itself. */
class CodecsRoundTripTest {

  static List<Sample<?>> samples() {
    return Sample.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void readsBackWhatItWrote(Sample<?> sample) {
    check(sample);
  }

  private static <T> void check(Sample<T> sample) {
    T decoded = roundTrip(sample.codec(), sample.value());
    assertThat(decoded).as(sample.name()).isEqualTo(sample.value());
    if (decoded instanceof Float) {
      assertThat(Float.floatToRawIntBits((Float) decoded)).isEqualTo(Float.floatToRawIntBits((Float) sample.value()));
    } else if (decoded instanceof Double) {
      assertThat(Double.doubleToRawLongBits((Double) decoded))
          .isEqualTo(Double.doubleToRawLongBits((Double) sample.value()));
    }
  }

  @Test
  void floatsAndDoublesKeepTheirBitsExactly() {
    int floatBits = 0x7fc1_2345;
    long doubleBits = 0x7ff8_dead_beef_0001L;
    assertThat(Float.floatToRawIntBits(roundTrip(Codecs.FLOAT, Float.intBitsToFloat(floatBits)))).isEqualTo(floatBits);
    assertThat(Double.doubleToRawLongBits(roundTrip(Codecs.DOUBLE, Double.longBitsToDouble(doubleBits))))
        .isEqualTo(doubleBits);
    assertThat(Float.floatToRawIntBits(roundTrip(Codecs.FLOAT, -0.0f))).isEqualTo(Integer.MIN_VALUE);
    assertThat(Double.doubleToRawLongBits(roundTrip(Codecs.DOUBLE, -0.0))).isEqualTo(Long.MIN_VALUE);

    float[] floats = roundTrip(Codecs.FLOAT_ARRAY, new float[] {Float.intBitsToFloat(floatBits), -0.0f});
    assertThat(Float.floatToRawIntBits(floats[0])).isEqualTo(floatBits);
    assertThat(Float.floatToRawIntBits(floats[1])).isEqualTo(Integer.MIN_VALUE);
    double[] doubles = roundTrip(Codecs.DOUBLE_ARRAY, new double[] {Double.longBitsToDouble(doubleBits)});
    assertThat(Double.doubleToRawLongBits(doubles[0])).isEqualTo(doubleBits);
  }

  @Test
  void bigDecimalsKeepTheirScale() {
    BigDecimal decoded = roundTrip(Codecs.BIG_DECIMAL, new BigDecimal("1.10"));
    assertThat(decoded).isEqualTo(new BigDecimal("1.10")).isNotEqualTo(new BigDecimal("1.1"));
    assertThat(decoded.scale()).isEqualTo(2);
    assertThat(decoded.toString()).isEqualTo("1.10");

    BigDecimal negativeScale = roundTrip(Codecs.BIG_DECIMAL, new BigDecimal("1.2E+7"));
    assertThat(negativeScale.scale()).isEqualTo(-6);
    assertThat(negativeScale.unscaledValue()).isEqualTo(12);

    BigInteger huge = BigInteger.valueOf(3).pow(200_000).negate();
    assertThat(roundTrip(Codecs.BIG_DECIMAL, new BigDecimal(huge, 17))).isEqualTo(new BigDecimal(huge, 17));
    assertThat(roundTrip(Codecs.BIG_INTEGER, huge)).isEqualTo(huge);
  }

  @Test
  void decodedCollectionsAreMutableAndKeepTheirOrder() {
    List<String> list = roundTrip(Codecs.list(Codecs.STRING), List.of("b", "a"));
    assertThat(list).isInstanceOf(ArrayList.class).containsExactly("b", "a");
    list.add("c");

    Set<Integer> set = roundTrip(Codecs.set(Codecs.INTEGER), new LinkedHashSet<>(List.of(30, 10, 20)));
    assertThat(set).isInstanceOf(LinkedHashSet.class).containsExactly(30, 10, 20);
    set.add(40);

    Map<String, Integer> source = new LinkedHashMap<>();
    source.put("z", 26);
    source.put("a", 1);
    source.put("m", 13);
    Map<String, Integer> map = roundTrip(Codecs.map(Codecs.STRING, Codecs.INTEGER), source);
    assertThat(map).isInstanceOf(LinkedHashMap.class).containsExactly(Map.entry("z", 26), Map.entry("a", 1),
        Map.entry("m", 13));
    map.put("b", 2);
  }

  @Test
  void arraysOfObjectsKeepTheirNulls() {
    Codec<String[]> strings = Codecs.array(Codecs.nullable(Codecs.STRING), String[]::new);
    String[] decoded = roundTrip(strings, new String[] {null, "", "a", null, "\udbff"});
    assertThat(decoded).isInstanceOf(String[].class).containsExactly(null, "", "a", null, "\udbff");
    assertThat(roundTrip(strings, new String[0])).isEmpty();

    Codec<Integer[][]> matrix = Codecs.array(Codecs.array(Codecs.INTEGER, Integer[]::new), Integer[][]::new);
    Integer[][] square = {{1, 2}, {}, {3}};
    assertThat(roundTrip(matrix, square)).isDeepEqualTo(square);
  }

  @Test
  void nestedCollectionsOfOptionalsAndNulls() {
    List<Map<String, Optional<List<Integer>>>> nested = Sample.nested();
    assertThat(roundTrip(Sample.NESTED, nested)).isEqualTo(nested);

    Codec<Optional<List<Optional<String>>>> deep = Codecs.optional(Codecs.list(Codecs.optional(Codecs.STRING)));
    Optional<List<Optional<String>>> value = Optional.of(List.of(Optional.empty(), Optional.of("x")));
    assertThat(roundTrip(deep, value)).isEqualTo(value);

    Codec<Map<Color, List<Set<String>>>> byColor =
        Codecs.map(Codecs.enumeration(Color.class, Color.values()), Codecs.list(Codecs.set(Codecs.STRING)));
    Map<Color, List<Set<String>>> colors = new LinkedHashMap<>();
    colors.put(Color.BLUE, List.of(Set.of(), Set.of("sky")));
    colors.put(Color.GREEN, List.of());
    assertThat(roundTrip(byColor, colors)).isEqualTo(colors);
  }

  @Test
  void enumConstantsAreReadByName() {
    byte[] red = encode(Codecs.enumeration(Color.class, Color.values()), Color.RED);
    assertThat(Bytes.decode(Codecs.enumeration(Reordered.class, Reordered.values()), red)).isEqualTo(Reordered.RED);
    assertThat(roundTrip(Codecs.enumeration(Color.class, Color.values()), Color.GREEN)).isSameAs(Color.GREEN);
  }

  enum Reordered {
    YELLOW, BLUE, RED, GREEN
  }

  @Test
  void anEnumCodecRefusesConstantsItCouldNotReadBack() {
    Codec<Color> redOnly = Codecs.enumeration(Color.class, new Color[] {Color.RED});
    assertThat(roundTrip(redOnly, Color.RED)).isEqualTo(Color.RED);
    assertThatThrownBy(() -> encode(redOnly, Color.BLUE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BLUE");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void anEnumCodecRefusesConstantsOfAnotherEnum() {
    Enum[] mixed = {Color.RED, Reordered.RED};
    assertThatThrownBy(() -> Codecs.enumeration((Class) Color.class, mixed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Reordered");
  }

  @Test
  void everyCodecButVoidAndNullableRefusesNull() {
    List<Codec<?>> codecs = List.of(Codecs.BOOLEAN, Codecs.BYTE, Codecs.SHORT, Codecs.CHARACTER, Codecs.INTEGER,
        Codecs.LONG, Codecs.FLOAT, Codecs.DOUBLE, Codecs.STRING, Codecs.UUID, Codecs.BIG_INTEGER, Codecs.BIG_DECIMAL,
        Codecs.INSTANT, Codecs.DURATION, Codecs.LOCAL_DATE, Codecs.LOCAL_DATE_TIME, Codecs.BYTE_ARRAY,
        Codecs.BOOLEAN_ARRAY, Codecs.SHORT_ARRAY, Codecs.CHAR_ARRAY, Codecs.INT_ARRAY, Codecs.LONG_ARRAY,
        Codecs.FLOAT_ARRAY, Codecs.DOUBLE_ARRAY, Codecs.enumeration(Color.class, Color.values()),
        Codecs.list(Codecs.STRING), Codecs.set(Codecs.STRING), Codecs.map(Codecs.STRING, Codecs.STRING),
        Codecs.optional(Codecs.STRING), Codecs.array(Codecs.STRING, String[]::new));
    for (Codec<?> codec : codecs) {
      assertThatThrownBy(() -> encode(codec, null)).as("%s", codec).isInstanceOf(NullPointerException.class)
          .hasMessageContaining(codec.toString()).hasMessageContaining("Codecs.nullable");
    }
    assertThat(encode(Codecs.VOID, null)).isEmpty();
    assertThat(encode(Codecs.nullable(Codecs.STRING), null)).containsExactly(0);
  }

  @Test
  void aNullElementNeedsANullableElementCodec() {
    assertThatThrownBy(() -> encode(Codecs.list(Codecs.STRING), Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("string")
        .hasMessageContaining("Codecs.nullable");
  }

  @Test
  void collectionsOfElementsThatWriteNothingAreRefused() {
    assertThatThrownBy(() -> Codecs.list(Codecs.VOID)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("void");
    assertThatThrownBy(() -> Codecs.set(Codecs.VOID)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Codecs.array(Codecs.VOID, Void[]::new)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Codecs.map(Codecs.VOID, Codecs.VOID)).isInstanceOf(IllegalArgumentException.class);
    assertThat(roundTrip(Codecs.list(Codecs.nullable(Codecs.VOID)), Arrays.asList(null, null))).hasSize(2);
  }

  @Test
  void codecsDescribeThemselves() {
    assertThat(Codecs.list(Codecs.nullable(Codecs.STRING))).hasToString("list(nullable(string))");
    assertThat(Codecs.map(Codecs.UUID, Codecs.optional(Codecs.BIG_DECIMAL)))
        .hasToString("map(uuid, optional(bigDecimal))");
    assertThat(Codecs.set(Codecs.LOCAL_DATE_TIME)).hasToString("set(localDateTime)");
    assertThat(Codecs.array(Codecs.INT_ARRAY, int[][]::new)).hasToString("array(intArray)");
    assertThat(Codecs.enumeration(Color.class, Color.values()))
        .hasToString("enumeration(io.github.posa4j.codec.Color)");
    assertThat(List.of(Codecs.BOOLEAN, Codecs.BYTE, Codecs.SHORT, Codecs.CHARACTER, Codecs.INTEGER, Codecs.LONG,
        Codecs.FLOAT, Codecs.DOUBLE, Codecs.VOID, Codecs.STRING, Codecs.BIG_INTEGER, Codecs.INSTANT, Codecs.DURATION,
        Codecs.LOCAL_DATE, Codecs.BYTE_ARRAY, Codecs.BOOLEAN_ARRAY, Codecs.SHORT_ARRAY, Codecs.CHAR_ARRAY,
        Codecs.LONG_ARRAY, Codecs.FLOAT_ARRAY, Codecs.DOUBLE_ARRAY)).extracting(Object::toString)
        .containsExactly("boolean", "byte", "short", "character", "integer", "long", "float", "double", "void",
            "string", "bigInteger", "instant", "duration", "localDate", "byteArray", "booleanArray", "shortArray",
            "charArray", "longArray", "floatArray", "doubleArray");
  }

  @Test
  void valuesFollowEachOtherInOneRecord() {
    CodecOutput out = new CodecOutput();
    Codecs.STRING.encode("first", out);
    Codecs.nullable(Codecs.LONG).encode(null, out);
    Codecs.INSTANT.encode(Instant.EPOCH, out);
    Codecs.list(Codecs.INTEGER).encode(List.of(1, 2), out);
    out.writeVarInt(300);

    CodecInput in = new CodecInput(out.toByteArray());
    assertThat(Codecs.STRING.decode(in)).isEqualTo("first");
    assertThat(Codecs.nullable(Codecs.LONG).decode(in)).isNull();
    assertThat(Codecs.INSTANT.decode(in)).isEqualTo(Instant.EPOCH);
    assertThat(Codecs.list(Codecs.INTEGER).decode(in)).containsExactly(1, 2);
    assertThat(in.readVarInt()).isEqualTo(300);
    assertThat(in.remaining()).isZero();
  }
}

package io.github.posa4j.codec;

import static io.github.posa4j.codec.Bytes.encode;
import static io.github.posa4j.codec.Bytes.parseHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes that are not a value: each is a {@link CodecException} saying what and where, never another exception. */
class MalformedInputTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> assertDecodeFails(Codec<?> codec, String hex) {
    return assertThatThrownBy(() -> codec.decode(new CodecInput(parseHex(hex))))
        .as("%s from %s", codec, hex).isInstanceOf(CodecException.class);
  }

  static List<Sample<?>> samples() {
    return Sample.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyTruncationFails(Sample<?> sample) {
    assertEveryTruncationFails(sample);
  }

  private static <T> void assertEveryTruncationFails(Sample<T> sample) {
    assertEveryTruncationFails(sample.codec(), sample.value(), sample.name());
  }

  static <T> void assertEveryTruncationFails(Codec<T> codec, T value, String name) {
    byte[] bytes = encode(codec, value);
    // Some hundreds of cut points of the 100,000-char strings are enough.
    int step = Math.max(1, bytes.length / 300);
    for (int cut = 0; cut < bytes.length; cut += cut < 20 || cut > bytes.length - 20 ? 1 : step) {
      byte[] prefix = Arrays.copyOf(bytes, cut);
      int at = cut;
      assertThatThrownBy(() -> codec.decode(new CodecInput(prefix)))
          .as("%s cut to %d of its %d bytes", name, at, bytes.length).isInstanceOf(CodecException.class);
    }
  }

  @Test
  void aHugeCorruptCountFailsBeforeAllocating() {
    String maxCount = "FF FF FF FF 07";
    List<Codec<?>> codecs = List.of(Codecs.STRING, Codecs.BYTE_ARRAY, Codecs.BOOLEAN_ARRAY, Codecs.SHORT_ARRAY,
        Codecs.CHAR_ARRAY, Codecs.INT_ARRAY, Codecs.LONG_ARRAY, Codecs.FLOAT_ARRAY, Codecs.DOUBLE_ARRAY,
        Codecs.BIG_INTEGER, Codecs.BIG_DECIMAL, Codecs.list(Codecs.LONG), Codecs.set(Codecs.STRING),
        Codecs.map(Codecs.STRING, Codecs.LONG), Codecs.array(Codecs.nullable(Codecs.STRING), String[]::new),
        Codecs.enumeration(Color.class, Color.values()));
    for (Codec<?> codec : codecs) {
      assertDecodeFails(codec, maxCount + " 00 00 00 00 00 00 00 00")
          .hasMessageStartingWith("the count 2147483647 at position 0 is more than the 8 bytes that remain can hold");
    }
    // Eight bytes hold two ints but not three.
    assertDecodeFails(Codecs.INT_ARRAY, "03 00 00 00 01 00 00 00 02 00 00");
    assertDecodeFails(Codecs.list(Codecs.UUID), "02" + " 00".repeat(31)).hasMessageContaining("16 bytes or more");
    assertDecodeFails(Codecs.map(Codecs.INTEGER, Codecs.LONG), "02" + " 00".repeat(23))
        .hasMessageContaining("12 bytes or more");
  }

  @Test
  void presenceBytesOtherThanZeroOrOneFail() {
    assertDecodeFails(Codecs.nullable(Codecs.STRING), "02 01 61")
        .hasMessage("invalid presence byte 0x02 at position 0 for nullable(string); expected 0x00 or 0x01");
    assertDecodeFails(Codecs.optional(Codecs.INTEGER), "FF 00 00 00 01")
        .hasMessageContaining("0xFF").hasMessageContaining("optional(integer)");
    assertDecodeFails(Codecs.list(Codecs.nullable(Codecs.LONG)), "02 00 80")
        .hasMessageContaining("0x80 at position 2");
    assertDecodeFails(Codecs.optional(Codecs.nullable(Codecs.STRING)), "01 00").hasMessageContaining("null");
  }

  @Test
  void booleansOtherThanZeroOrOneFail() {
    assertDecodeFails(Codecs.BOOLEAN, "02").hasMessage("invalid boolean 0x02 at position 0; expected 0x00 or 0x01");
    assertDecodeFails(Codecs.BOOLEAN_ARRAY, "02 01 FF").hasMessageContaining("0xFF at position 2");
  }

  @Test
  void anUnknownEnumNameNamesTheEnumAndTheName() {
    byte[] purple = encode(Codecs.STRING, "PURPLE");
    assertThatThrownBy(() -> Codecs.enumeration(Color.class, Color.values()).decode(new CodecInput(purple)))
        .isInstanceOf(CodecException.class)
        .hasMessage("unknown constant \"PURPLE\" of enum io.github.posa4j.codec.Color at position 0");
    byte[] longName = encode(Codecs.STRING, "Q".repeat(10_000));
    assertThatThrownBy(() -> Codecs.enumeration(Color.class, Color.values()).decode(new CodecInput(longName)))
        .isInstanceOf(CodecException.class).hasMessageContaining("(10000 chars)")
        .hasMessageContaining("io.github.posa4j.codec.Color");
    assertDecodeFails(Codecs.enumeration(Color.class, Color.values()), "03 72 65 64")
        .hasMessageContaining("\"red\"");
  }

  @Test
  void overlongAndTooLargeVarIntsFail() {
    assertDecodeFails(Codecs.STRING, "80 00").hasMessage("the varint at position 0 is overlong");
    assertDecodeFails(Codecs.STRING, "81 80 00").hasMessage("the varint at position 0 is overlong");
    assertDecodeFails(Codecs.STRING, "FF FF FF FF 08").hasMessage("the varint at position 0 is more than "
        + "Integer.MAX_VALUE");
    assertDecodeFails(Codecs.STRING, "FF FF FF FF 0F").hasMessageContaining("more than Integer.MAX_VALUE");
    assertDecodeFails(Codecs.STRING, "80 80 80 80 80 01").hasMessageContaining("more than Integer.MAX_VALUE");
    assertDecodeFails(Codecs.STRING, "80 80").hasMessage("needed another byte for the varint at position 0, 0 remain");
    assertDecodeFails(Codecs.STRING, "").hasMessage("needed another byte for the varint at position 0, 0 remain");
  }

  @Test
  void malformedStringsFail() {
    assertDecodeFails(Codecs.STRING, "01 80").hasMessage("invalid first byte 0x80 of a char in a string at position 1");
    assertDecodeFails(Codecs.STRING, "01 F0 9F 98 80").hasMessageContaining("invalid first byte 0xF0");
    assertDecodeFails(Codecs.STRING, "01 FF").hasMessageContaining("invalid first byte 0xFF");
    assertDecodeFails(Codecs.STRING, "01 C0 80").hasMessage("an overlong char in a string at position 1");
    assertDecodeFails(Codecs.STRING, "01 E0 81 BF").hasMessage("an overlong char in a string at position 1");
    assertDecodeFails(Codecs.STRING, "02 61 C3 41")
        .hasMessage("invalid byte 0x41 at position 3 in the char of a string that starts at position 2");
    assertDecodeFails(Codecs.STRING, "01 E2 82 2C").hasMessageContaining("invalid byte 0x2C at position 3");
    assertDecodeFails(Codecs.STRING, "02 61 E2 82")
        .hasMessage("needed 1 byte for a string of 2 chars at position 4, 0 remain");
  }

  @Test
  void outOfRangeValuesFail() {
    assertDecodeFails(Codecs.BIG_INTEGER, "00").hasMessage("a big integer of no bytes at position 0");
    assertDecodeFails(Codecs.INSTANT, "00 00 00 00 00 00 00 00 3B 9A CA 00")
        .hasMessage("nanoseconds of a second out of range at position 8: 1000000000");
    assertDecodeFails(Codecs.INSTANT, "7F FF FF FF FF FF FF FF 00 00 00 00")
        .hasMessageContaining("an instant out of range at position 0");
    assertDecodeFails(Codecs.DURATION, "FF FF FF FF FF FF FF FF FF FF FF FF")
        .hasMessage("nanoseconds of a second out of range at position 8: -1");
    assertDecodeFails(Codecs.LOCAL_DATE, "00 00 07 E8 02 1E").hasMessageContaining("an invalid date at position 0");
    assertDecodeFails(Codecs.LOCAL_DATE, "00 00 07 E8 0D 01").hasMessageContaining("an invalid date");
    assertDecodeFails(Codecs.LOCAL_DATE, "7F FF FF FF 01 01").hasMessageContaining("an invalid date");
    assertDecodeFails(Codecs.LOCAL_DATE_TIME, "00 00 07 E8 02 1D 18 00 00 00 00 00 00")
        .hasMessageContaining("an invalid time of day at position 6");
    assertDecodeFails(Codecs.LOCAL_DATE_TIME, "00 00 07 E8 02 1D 00 00 00 3B 9A CA 00")
        .hasMessageContaining("an invalid time of day");
  }

  @Test
  void duplicatesInSetsAndMapsFail() {
    assertDecodeFails(Codecs.set(Codecs.STRING), "02 01 61 01 61")
        .hasMessage("a duplicate element at position 3 in a set(string)");
    assertDecodeFails(Codecs.map(Codecs.STRING, Codecs.INTEGER), "02 01 61 00 00 00 01 01 61 00 00 00 02")
        .hasMessage("a duplicate key at position 7 in a map(string, integer)");
  }

  @Test
  void truncatedValuesInsideCollectionsFail() {
    Codec<List<Optional<String>>> codec = Codecs.list(Codecs.optional(Codecs.STRING));
    assertEveryTruncationFails(codec, List.of(Optional.of("a\u20ac"), Optional.empty(), Optional.of("")),
        "list of optionals");
    byte[] bytes = encode(codec, List.of(Optional.of("abc")));
    CodecInput in = new CodecInput(Arrays.copyOf(bytes, bytes.length - 1));
    assertThatThrownBy(() -> codec.decode(in)).isInstanceOf(CodecException.class)
        .hasMessage("the count 3 at position 2 is more than the 2 bytes that remain can hold, at 1 byte or more each");
    assertThat(bytes).hasSize(6);
  }
}

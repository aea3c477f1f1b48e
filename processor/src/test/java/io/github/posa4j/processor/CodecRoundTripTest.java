package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.github.posa4j.codec.Codec;
import io.github.posa4j.codec.CodecInput;
import io.github.posa4j.codec.CodecOutput;
import io.github.posa4j.command.internal.CommandSchema;
import io.github.posa4j.command.internal.CommandType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated codecs of a receiver whose commands take every type posa4j can encode
 * ({@code fixtures/Vault.java}), compiled by the processor and loaded: each value round-trips
 * unchanged, nulls included, a record that contains itself too; the fields have readable names;
 * and the signatures the schema records are the encoded shapes.
 */
class CodecRoundTripTest {
  private static final String FIXTURES = "io.github.posa4j.processor.fixtures.";

  private static ClassLoader loader;
  private static Class<?> vault;
  private static Class<?> codecs;

  @BeforeAll
  static void compileTheCodecs() throws Exception {
    Compilation compilation = Compiler.compile(ProxySources.fixture("Vault"));
    assertThat(compilation).succeededWithoutWarnings();
    loader = Compiler.childFirstClassLoader(compilation);
    vault = loader.loadClass(FIXTURES + "Vault");
    codecs = loader.loadClass(FIXTURES + "VaultCodecs");
  }

  @SuppressWarnings("unchecked")
  private static Codec<Object> codec(String name) throws Exception {
    Field field = codecs.getDeclaredField(name);
    field.setAccessible(true);
    return (Codec<Object>) field.get(null);
  }

  private static Object roundTrip(Codec<Object> codec, Object value) {
    CodecOutput out = new CodecOutput();
    codec.encode(value, out);
    CodecInput in = new CodecInput(out.toByteArray());
    Object decoded = codec.decode(in);
    assertThat(in.remaining()).as("bytes left after decoding").isZero();
    return decoded;
  }

  /** Records component by component, arrays element by element. */
  private static void assertSameValue(Object expected, Object actual) throws Exception {
    if (expected == null || !expected.getClass().isRecord()) {
      assertThat(Objects.deepEquals(expected, actual)).as("%s equals %s", actual, expected).isTrue();
      return;
    }
    assertThat(actual).isInstanceOf(expected.getClass());
    for (RecordComponent component : expected.getClass().getRecordComponents()) {
      Method accessor = component.getAccessor();
      assertThat(Objects.deepEquals(accessor.invoke(expected), accessor.invoke(actual)))
          .as("component %s", component.getName()).isTrue();
    }
  }

  private static Object everything(String factory) throws Exception {
    return vault.getMethod(factory).invoke(null);
  }

  @Test
  void everyTypeRoundTripsUnchanged() throws Exception {
    Object sample = everything("sample");
    assertSameValue(sample, roundTrip(codec("EVERYTHING"), sample));
  }

  @Test
  void nullsRoundTripInEveryPlace() throws Exception {
    Object nulls = everything("nulls");
    assertSameValue(nulls, roundTrip(codec("EVERYTHING"), nulls));
    assertThat(roundTrip(codec("EVERYTHING"), null)).isNull();
  }

  @Test
  void aRecordThatContainsItselfRoundTrips() throws Exception {
    Object tree = ((RecordComponent) Arrays.stream(everything("sample").getClass().getRecordComponents())
        .filter(component -> component.getName().equals("tree")).findFirst().orElseThrow())
        .getAccessor().invoke(everything("sample"));
    Object deep = vault.getMethod("grow", tree.getClass(), int.class)
        .invoke(vault.getConstructor().newInstance(), tree, 50);
    assertThat(roundTrip(codec("TREE"), deep)).isEqualTo(deep);
  }

  @Test
  void theFieldsAreNamedForTheirTypes() {
    String fields = Arrays.stream(codecs.getDeclaredFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()))
        .map(Field::getName)
        .sorted()
        .collect(Collectors.joining(" "));
    assertThat(fields).isEqualTo("ARRAY_OF_COLOUR ARRAY_OF_INT_ARRAY ARRAY_OF_LONG ARRAY_OF_POINT ARRAY_OF_STRING"
        + " BIG_DECIMAL BIG_INTEGER BOOLEAN BOOLEAN_ARRAY BYTE BYTE_ARRAY CHARACTER CHAR_ARRAY COLOUR DOUBLE"
        + " DOUBLE_ARRAY DURATION EVERYTHING FLOAT FLOAT_ARRAY INSTANT INTEGER INT_ARRAY LIST_OF_LONG"
        + " LIST_OF_OPTIONAL_OF_INSTANT LIST_OF_STRING LIST_OF_TREE LOCAL_DATE LOCAL_DATE_TIME LONG LONG_ARRAY"
        + " MAP_OF_COLOUR_TO_SET_OF_POINT MAP_OF_STRING_TO_LIST_OF_LONG OPTIONAL_OF_INSTANT OPTIONAL_OF_POINT POINT"
        + " SET_OF_COLOUR SET_OF_POINT SHORT SHORT_ARRAY STRING TREE UUID");
  }

  @Test
  void theSchemaRecordsTheEncodedShapeOfEachCommand() throws Exception {
    Class<?> commands = loader.loadClass(FIXTURES + "VaultCommands");
    Field field = commands.getDeclaredField("SCHEMA");
    field.setAccessible(true);
    CommandSchema<?> schema = (CommandSchema<?>) field.get(null);
    assertThat(schema.receiver()).isEqualTo(FIXTURES + "Vault");
    Map<String, String> signatures = new LinkedHashMap<>();
    schema.types().forEach((name, type) -> signatures.put(name, type.signature()));
    String point = FIXTURES + "Vault.Point(int,int)";
    String tree = FIXTURES + "Vault.Tree(java.lang.String,java.util.List<" + FIXTURES + "Vault.Tree>)";
    assertThat(signatures).containsExactly(
        Map.entry("store", "(java.lang.String," + FIXTURES + "Vault.Everything(boolean,byte,short,char,int,long,float,"
            + "double,java.lang.Boolean,java.lang.Byte,java.lang.Short,java.lang.Character,java.lang.Integer,"
            + "java.lang.Long,java.lang.Float,java.lang.Double,java.lang.String," + FIXTURES + "Vault.Colour," + point
            + "," + tree + ",java.util.UUID,java.math.BigInteger,java.math.BigDecimal,java.time.Instant,"
            + "java.time.Duration,java.time.LocalDate,java.time.LocalDateTime,byte[],boolean[],short[],char[],int[],"
            + "long[],float[],double[],java.lang.String[]," + FIXTURES + "Vault.Colour[]," + point + "[],int[][],"
            + "java.lang.Long[],java.util.List<java.lang.String>,java.util.Set<" + FIXTURES + "Vault.Colour>,"
            + "java.util.Map<java.lang.String,java.util.List<java.lang.Long>>,java.util.Optional<" + point + ">,"
            + "java.util.List<java.util.Optional<java.time.Instant>>))void"),
        Map.entry("grow", "(" + tree + ",int)" + tree),
        Map.entry("letters", "(char,byte,short,float,double,boolean)char[]"),
        Map.entry("centre", "(" + point + "[],java.util.Map<" + FIXTURES + "Vault.Colour,java.util.Set<" + point
            + ">>)java.util.Optional<" + point + ">"));
  }

  @Test
  void commandArgumentsOfEveryPrimitiveTypeRoundTrip() throws Exception {
    Class<?> commands = loader.loadClass(FIXTURES + "VaultCommands");
    Field field = commands.getDeclaredField("SCHEMA");
    field.setAccessible(true);
    CommandType<?, ?> letters = ((CommandSchema<?>) field.get(null)).types().get("letters");
    Class<?> command = loader.loadClass(FIXTURES + "VaultCommands$LettersCommand");
    var constructor = command.getDeclaredConstructor(char.class, byte.class, short.class, float.class, double.class,
        boolean.class);
    constructor.setAccessible(true);
    Object written = constructor.newInstance('x', (byte) 3, Short.MIN_VALUE, Float.MIN_VALUE, -0.0, true);
    Method encode = command.getDeclaredMethod("encodeArguments", CodecOutput.class);
    encode.setAccessible(true);
    CodecOutput out = new CodecOutput();
    encode.invoke(written, out);
    Object read = letters.decode(new CodecInput(out.toByteArray()));
    for (String name : new String[] {"first", "count", "step", "scale", "offset", "upper"}) {
      Field argument = command.getDeclaredField(name);
      argument.setAccessible(true);
      assertThat(argument.get(read)).as(name).isEqualTo(argument.get(written));
    }
  }
}

package io.github.posa4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.posa4j.codec.RandomValues.Shape;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Round trips of thousands of random values of every type, and random bytes and corrupted
 * encodings, which must decode or fail with a {@link CodecException} and nothing else. The random
 * values come from a fixed seed, which every failure message names, so a failure can be replayed.
 */
class CodecsPropertyTest {
  private static final long SEED = 0x5EED_2026_0107L;
  private static final int VALUES = 3000;

  /** Encodes and decodes {@link #VALUES} values with one output and one input, as a journal does. */
  private static <T> void roundTrips(Codec<T> codec, Function<Random, T> values, BiConsumer<T, T> assertSame) {
    Random random = new Random(SEED);
    CodecOutput out = new CodecOutput(8);
    CodecInput in = new CodecInput(new byte[0]);
    ByteBuffer direct = ByteBuffer.allocateDirect(1 << 16);
    for (int i = 0; i < VALUES; i++) {
      T value = values.apply(random);
      String context = "seed " + SEED + ", " + codec + " value #" + i;
      out.reset();
      codec.encode(value, out);

      in.reset(ByteBuffer.wrap(out.buffer()), 0, out.size());
      T decoded = codec.decode(in);
      assertThat(in.remaining()).as(context).isZero();
      assertSame.accept(decoded, value);

      if (out.size() <= direct.capacity()) {
        direct.clear();
        out.writeTo(direct);
        in.reset(direct, 0, out.size());
        assertSame.accept(codec.decode(in), value);
        assertThat(in.remaining()).as(context + " from a direct buffer").isZero();
      }
    }
  }

  private static <T> void roundTrips(Codec<T> codec, Function<Random, T> values) {
    roundTrips(codec, values, (decoded, value) -> assertThat(decoded).as("seed %d, %s", SEED, codec)
        .isEqualTo(value));
  }

  @Test
  void primitives() {
    roundTrips(Codecs.BOOLEAN, Random::nextBoolean);
    roundTrips(Codecs.BYTE, r -> (byte) r.nextInt());
    roundTrips(Codecs.SHORT, r -> (short) r.nextInt());
    roundTrips(Codecs.CHARACTER, r -> (char) r.nextInt());
    roundTrips(Codecs.INTEGER, Random::nextInt);
    roundTrips(Codecs.LONG, Random::nextLong);
    roundTrips(Codecs.FLOAT, r -> Float.intBitsToFloat(r.nextInt()), (decoded, value) ->
        assertThat(Float.floatToRawIntBits(decoded)).as("seed %d, bits of %s", SEED, value)
            .isEqualTo(Float.floatToRawIntBits(value)));
    roundTrips(Codecs.DOUBLE, r -> Double.longBitsToDouble(r.nextLong()), (decoded, value) ->
        assertThat(Double.doubleToRawLongBits(decoded)).as("seed %d, bits of %s", SEED, value)
            .isEqualTo(Double.doubleToRawLongBits(value)));
  }

  @Test
  void varInts() {
    Random random = new Random(SEED);
    CodecOutput out = new CodecOutput();
    for (int i = 0; i < VALUES; i++) {
      int value = (random.nextInt() >>> 1) >>> random.nextInt(31);
      out.reset();
      out.writeVarInt(value);
      CodecInput in = new CodecInput(out.toByteArray());
      assertThat(in.readVarInt()).as("seed %d, value #%d", SEED, i).isEqualTo(value);
      assertThat(in.remaining()).isZero();
    }
  }

  @Test
  void stringsOfRandomCodeUnits() {
    roundTrips(Codecs.STRING, RandomValues::string);
    // Mostly ASCII, the fast path, with a code unit of another kind here and there.
    roundTrips(Codecs.STRING, r -> {
      char[] chars = new char[r.nextInt(100)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = r.nextInt(50) == 0 ? (char) r.nextInt(0x10000) : (char) r.nextInt(0x80);
      }
      return new String(chars);
    });
  }

  @Test
  void jdkValues() {
    roundTrips(Codecs.BIG_INTEGER, RandomValues::bigInteger);
    roundTrips(Codecs.BIG_DECIMAL, RandomValues::bigDecimal, (decoded, value) -> {
      assertThat(decoded).as("seed %d", SEED).isEqualTo(value);
      assertThat(decoded.scale()).as("seed %d, scale of %s", SEED, value).isEqualTo(value.scale());
    });
    roundTrips(Codecs.UUID, RandomValues::uuid);
    roundTrips(Codecs.INSTANT, RandomValues::instant);
    roundTrips(Codecs.DURATION, RandomValues::duration);
    roundTrips(Codecs.LOCAL_DATE, RandomValues::localDate);
    roundTrips(Codecs.LOCAL_DATE_TIME, RandomValues::localDateTime);
  }

  @Test
  void primitiveArrays() {
    roundTrips(Codecs.BYTE_ARRAY, r -> {
      byte[] bytes = new byte[r.nextInt(50)];
      r.nextBytes(bytes);
      return bytes;
    });
    roundTrips(Codecs.BOOLEAN_ARRAY, r -> {
      boolean[] values = new boolean[r.nextInt(50)];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.nextBoolean();
      }
      return values;
    });
    roundTrips(Codecs.SHORT_ARRAY, r -> {
      short[] values = new short[r.nextInt(50)];
      for (int i = 0; i < values.length; i++) {
        values[i] = (short) r.nextInt();
      }
      return values;
    });
    roundTrips(Codecs.CHAR_ARRAY, r -> RandomValues.string(r).toCharArray());
    roundTrips(Codecs.INT_ARRAY, r -> r.ints(r.nextInt(50)).toArray());
    roundTrips(Codecs.LONG_ARRAY, r -> r.longs(r.nextInt(50)).toArray());
    roundTrips(Codecs.FLOAT_ARRAY, r -> {
      float[] values = new float[r.nextInt(50)];
      for (int i = 0; i < values.length; i++) {
        values[i] = Float.intBitsToFloat(r.nextInt());
      }
      return values;
    }, (decoded, value) -> {
      assertThat(decoded).hasSameSizeAs(value);
      for (int i = 0; i < value.length; i++) {
        assertThat(Float.floatToRawIntBits(decoded[i])).as("seed %d", SEED)
            .isEqualTo(Float.floatToRawIntBits(value[i]));
      }
    });
    roundTrips(Codecs.DOUBLE_ARRAY, r -> r.longs(r.nextInt(50)).mapToDouble(Double::longBitsToDouble).toArray(),
        (decoded, value) -> assertThat(Arrays.stream(decoded).mapToLong(Double::doubleToRawLongBits).toArray())
            .as("seed %d", SEED).isEqualTo(Arrays.stream(value).mapToLong(Double::doubleToRawLongBits).toArray()));
    roundTrips(Codecs.array(Codecs.nullable(Codecs.STRING), String[]::new),
        r -> r.ints(r.nextInt(20)).mapToObj(i -> i % 3 == 0 ? null : RandomValues.string(r)).toArray(String[]::new));
  }

  @Test
  void randomCompositions() {
    Random random = new Random(SEED);
    for (int s = 0; s < 400; s++) {
      Shape<?> shape = RandomValues.shape(random, 4);
      for (int v = 0; v < 8; v++) {
        roundTripAndTruncate(shape, random, "seed " + SEED + ", shape #" + s + " " + shape + ", value #" + v);
      }
    }
  }

  private static <T> void roundTripAndTruncate(Shape<T> shape, Random random, String context) {
    T value = shape.values().apply(random);
    byte[] bytes = Bytes.encode(shape.codec(), value);
    CodecInput in = new CodecInput(bytes);
    assertThat(shape.codec().decode(in)).as(context).isEqualTo(value);
    assertThat(in.remaining()).as(context).isZero();
    int step = Math.max(1, bytes.length / 100);
    for (int cut = 0; cut < bytes.length; cut += cut < 20 || cut > bytes.length - 20 ? 1 : step) {
      try {
        shape.codec().decode(new CodecInput(bytes, 0, cut));
        fail(context + ": decoded from " + cut + " of its " + bytes.length + " bytes");
      } catch (CodecException expected) {
        // Every truncation must fail, and only with a CodecException.
      }
    }
  }

  @Test
  void randomAndCorruptedBytesDecodeOrFailWithACodecException() {
    Random random = new Random(SEED);
    List<Codec<?>> codecs = List.of(Codecs.BOOLEAN, Codecs.STRING, Codecs.BIG_INTEGER, Codecs.BIG_DECIMAL,
        Codecs.INSTANT, Codecs.DURATION, Codecs.LOCAL_DATE, Codecs.LOCAL_DATE_TIME, Codecs.BYTE_ARRAY,
        Codecs.BOOLEAN_ARRAY, Codecs.INT_ARRAY, Codecs.DOUBLE_ARRAY, Codecs.nullable(Codecs.STRING),
        Codecs.optional(Codecs.nullable(Codecs.LONG)), Codecs.enumeration(Color.class, Color.values()),
        Codecs.list(Codecs.nullable(Codecs.STRING)), Codecs.set(Codecs.INTEGER),
        Codecs.map(Codecs.STRING, Codecs.list(Codecs.BOOLEAN)), Codecs.array(Codecs.UUID, java.util.UUID[]::new));
    for (int i = 0; i < VALUES; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      // Small counts and lengths are the ones that get far into a value.
      if (bytes.length > 0 && random.nextBoolean()) {
        bytes[0] = (byte) random.nextInt(8);
      }
      for (Codec<?> codec : codecs) {
        decodeOrFail(codec, bytes, "seed " + SEED + ", random bytes #" + i);
      }
    }
    for (int s = 0; s < 300; s++) {
      Shape<?> shape = RandomValues.shape(random, 3);
      byte[] bytes = encodeOne(shape, random);
      for (int m = 0; m < 20 && bytes.length > 0; m++) {
        byte[] corrupt = bytes.clone();
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 << random.nextInt(8));
        }
        decodeOrFail(shape.codec(), corrupt, "seed " + SEED + ", shape #" + s + " " + shape + ", corruption #" + m);
      }
    }
  }

  private static <T> byte[] encodeOne(Shape<T> shape, Random random) {
    return Bytes.encode(shape.codec(), shape.values().apply(random));
  }

  private static void decodeOrFail(Codec<?> codec, byte[] bytes, String context) {
    try {
      codec.decode(new CodecInput(bytes));
    } catch (CodecException expected) {
      // Bytes that are not a value.
    } catch (RuntimeException | Error e) {
      throw new AssertionError(context + ": " + codec + " threw " + e + " for " + Bytes.hex(bytes), e);
    }
  }
}

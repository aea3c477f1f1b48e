package io.github.posa4j.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Random values of every type {@link Codecs} has a codec for, and random compositions of codecs with their values. */
final class RandomValues {
  private RandomValues() {}

  /** Strings of random UTF-16 code units: ASCII, two-byte ones, any other, and unpaired surrogates. */
  static String string(Random random) {
    int length = random.nextInt(10) == 0 ? random.nextInt(2000) : random.nextInt(40);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(4)) {
        case 0 -> s.append((char) random.nextInt(0x80));
        case 1 -> s.append((char) (0x80 + random.nextInt(0x800 - 0x80)));
        case 2 -> s.append((char) (0xD800 + random.nextInt(0x800)));
        default -> s.append((char) random.nextInt(0x10000));
      }
    }
    return s.toString();
  }

  static BigInteger bigInteger(Random random) {
    int bits = random.nextInt(10) == 0 ? random.nextInt(5000) : random.nextInt(130);
    BigInteger magnitude = new BigInteger(bits, random);
    return random.nextBoolean() ? magnitude.negate() : magnitude;
  }

  static BigDecimal bigDecimal(Random random) {
    int scale = switch (random.nextInt(10)) {
      case 0 -> random.nextInt();
      case 1, 2 -> -random.nextInt(40);
      default -> random.nextInt(40);
    };
    return new BigDecimal(bigInteger(random), scale);
  }

  static Instant instant(Random random) {
    return Instant.ofEpochSecond(random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() + 1),
        random.nextInt(1_000_000_000));
  }

  static Duration duration(Random random) {
    long seconds = random.nextBoolean() ? random.nextLong() : random.nextInt(2000) - 1000;
    return Duration.ofSeconds(seconds, random.nextInt(1_000_000_000));
  }

  static LocalDate localDate(Random random) {
    return LocalDate.ofEpochDay(random.nextLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay() + 1));
  }

  static LocalDateTime localDateTime(Random random) {
    return LocalDateTime.of(localDate(random),
        LocalTime.ofNanoOfDay(random.nextLong(LocalTime.MAX.toNanoOfDay() + 1)));
  }

  static UUID uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong());
  }

  static Color color(Random random) {
    return Color.values()[random.nextInt(Color.values().length)];
  }

  /** A codec and a source of values for it. */
  record Shape<T>(Codec<T> codec, Function<Random, T> values) {
    @Override
    public String toString() {
      return codec.toString();
    }
  }

  private static final List<Shape<?>> LEAVES = List.of(
      new Shape<>(Codecs.STRING, RandomValues::string),
      new Shape<>(Codecs.INTEGER, Random::nextInt),
      new Shape<>(Codecs.LONG, Random::nextLong),
      new Shape<>(Codecs.BOOLEAN, Random::nextBoolean),
      new Shape<>(Codecs.DOUBLE, r -> Double.longBitsToDouble(r.nextLong())),
      new Shape<>(Codecs.CHARACTER, r -> (char) r.nextInt(0x10000)),
      new Shape<>(Codecs.BIG_DECIMAL, RandomValues::bigDecimal),
      new Shape<>(Codecs.INSTANT, RandomValues::instant),
      new Shape<>(Codecs.LOCAL_DATE_TIME, RandomValues::localDateTime),
      new Shape<>(Codecs.UUID, RandomValues::uuid),
      new Shape<>(Codecs.enumeration(Color.class, Color.values()), RandomValues::color));

  /** A random composition of codecs, at most {@code depth} levels deep, with a source of its values. */
  static Shape<?> shape(Random random, int depth) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return LEAVES.get(random.nextInt(LEAVES.size()));
    }
    return switch (random.nextInt(5)) {
      case 0 -> nullable(shape(random, depth - 1));
      case 1 -> optional(shape(random, depth - 1));
      case 2 -> list(shape(random, depth - 1));
      case 3 -> set(shape(random, depth - 1));
      default -> map(shape(random, depth - 1), shape(random, depth - 1));
    };
  }

  private static <T> Shape<T> nullable(Shape<T> shape) {
    return new Shape<>(Codecs.nullable(shape.codec()), r -> r.nextInt(3) == 0 ? null : shape.values().apply(r));
  }

  private static <T> Shape<Optional<T>> optional(Shape<T> shape) {
    return new Shape<>(Codecs.optional(shape.codec()),
        r -> r.nextInt(3) == 0 ? Optional.empty() : Optional.ofNullable(shape.values().apply(r)));
  }

  private static <T> Shape<List<T>> list(Shape<T> shape) {
    return new Shape<>(Codecs.list(shape.codec()), r -> {
      List<T> list = new ArrayList<>();
      for (int i = r.nextInt(5); i > 0; i--) {
        list.add(shape.values().apply(r));
      }
      return list;
    });
  }

  private static <T> Shape<Set<T>> set(Shape<T> shape) {
    return new Shape<>(Codecs.set(shape.codec()), r -> {
      Set<T> set = new LinkedHashSet<>();
      for (int i = r.nextInt(5); i > 0; i--) {
        set.add(shape.values().apply(r));
      }
      return set;
    });
  }

  private static <K, V> Shape<Map<K, V>> map(Shape<K> key, Shape<V> value) {
    return new Shape<>(Codecs.map(key.codec(), value.codec()), r -> {
      Map<K, V> map = new LinkedHashMap<>();
      for (int i = r.nextInt(5); i > 0; i--) {
        map.put(key.values().apply(r), value.values().apply(r));
      }
      return map;
    });
  }
}

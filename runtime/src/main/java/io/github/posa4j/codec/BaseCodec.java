package io.github.posa4j.codec;

/**
 * What every codec of {@link Codecs} knows besides encoding: a description for messages, and the
 * fewest bytes a value takes, so that a collection's decoder can check its count against the bytes
 * that remain before allocating.
 */
abstract class BaseCodec<T> implements Codec<T> {
  private final String description;
  private final int minimumBytes;

  BaseCodec(String description, int minimumBytes) {
    this.description = description;
    this.minimumBytes = minimumBytes;
  }

  /** The fewest bytes a value takes. */
  final int minimumBytes() {
    return minimumBytes;
  }

  /** The fewest bytes a value of {@code codec} takes: 0 if it is not one of ours and so unknown. */
  static int minimumBytes(Codec<?> codec) {
    return codec instanceof BaseCodec ? ((BaseCodec<?>) codec).minimumBytes : 0;
  }

  /** Whether {@code codec} is known to write no bytes at all, like {@link Codecs#VOID}. */
  static boolean writesNothing(Codec<?> codec) {
    return codec instanceof BaseCodec && ((BaseCodec<?>) codec).minimumBytes == 0;
  }

  /**
   * {@code element}, checked to write some bytes a value: a count of elements that take none
   * could not be checked against the bytes that remain.
   */
  static <E> Codec<E> countable(Codec<E> element) {
    if (writesNothing(element)) {
      throw new IllegalArgumentException(element + " writes no bytes, so it cannot be the element codec of a "
          + "collection: the collection's count could not be checked against the bytes that remain");
    }
    return element;
  }

  /** {@code value}, unless it is {@code null}, which this codec cannot encode. */
  final T nonNull(T value) {
    if (value == null) {
      throw new NullPointerException("the codec " + description + " cannot encode null; wrap it with Codecs.nullable");
    }
    return value;
  }

  @Override
  public final String toString() {
    return description;
  }
}

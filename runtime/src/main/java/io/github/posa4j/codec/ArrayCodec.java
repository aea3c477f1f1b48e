package io.github.posa4j.codec;

import java.util.function.IntFunction;

/** An array of objects: its length as a varint, then its elements in order. */
final class ArrayCodec<T> extends BaseCodec<T[]> {
  private final Codec<T> element;
  private final IntFunction<T[]> newArray;
  private final int elementBytes;

  ArrayCodec(Codec<T> element, IntFunction<T[]> newArray) {
    super("array(" + element + ")", 1);
    this.element = countable(element);
    this.newArray = newArray;
    elementBytes = minimumBytes(element);
  }

  @Override
  public void encode(T[] array, CodecOutput out) {
    out.writeVarInt(nonNull(array).length);
    for (T value : array) {
      element.encode(value, out);
    }
  }

  @Override
  public T[] decode(CodecInput in) {
    int length = in.readCount(elementBytes);
    T[] array = newArray.apply(length);
    if (array.length != length) {
      throw new IllegalStateException(this + " asked for an array of " + length + " elements and was given "
          + array.length);
    }
    for (int i = 0; i < length; i++) {
      array[i] = element.decode(in);
    }
    return array;
  }
}

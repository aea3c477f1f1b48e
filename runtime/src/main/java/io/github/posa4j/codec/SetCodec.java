package io.github.posa4j.codec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set: its size as a varint, then its elements in iteration order. Decodes a mutable
 * {@link LinkedHashSet} in the same order; a duplicate element is a {@link CodecException}.
 */
final class SetCodec<T> extends BaseCodec<Set<T>> {
  private final Codec<T> element;
  private final int elementBytes;

  SetCodec(Codec<T> element) {
    super("set(" + element + ")", 1);
    this.element = countable(element);
    elementBytes = minimumBytes(element);
  }

  @Override
  public void encode(Set<T> set, CodecOutput out) {
    int size = nonNull(set).size();
    out.writeVarInt(size);
    int written = 0;
    for (T value : set) {
      element.encode(value, out);
      written++;
    }
    Counts.check(size, written, this);
  }

  @Override
  public Set<T> decode(CodecInput in) {
    int size = in.readCount(elementBytes);
    Set<T> set = new LinkedHashSet<>(Counts.hashCapacity(size));
    for (int i = 0; i < size; i++) {
      int at = in.position();
      if (!set.add(element.decode(in))) {
        throw new CodecException("a duplicate element at position " + at + " in a " + this);
      }
    }
    return set;
  }
}

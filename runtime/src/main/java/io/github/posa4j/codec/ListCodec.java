package io.github.posa4j.codec;

import java.util.ArrayList;
import java.util.List;

/** A list: its size as a varint, then its elements in order. Decodes a mutable {@link ArrayList}. */
final class ListCodec<T> extends BaseCodec<List<T>> {
  private final Codec<T> element;
  private final int elementBytes;

  ListCodec(Codec<T> element) {
    super("list(" + element + ")", 1);
    this.element = countable(element);
    elementBytes = minimumBytes(element);
  }

  @Override
  public void encode(List<T> list, CodecOutput out) {
    int size = nonNull(list).size();
    out.writeVarInt(size);
    int written = 0;
    for (T value : list) {
      element.encode(value, out);
      written++;
    }
    Counts.check(size, written, this);
  }

  @Override
  public List<T> decode(CodecInput in) {
    int size = in.readCount(elementBytes);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.decode(in));
    }
    return list;
  }
}

package io.github.posa4j.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map: its size as a varint, then each key followed by its value, in iteration order. Decodes a
 * mutable {@link LinkedHashMap} in the same order; a duplicate key is a {@link CodecException}.
 */
final class MapCodec<K, V> extends BaseCodec<Map<K, V>> {
  private final Codec<K> key;
  private final Codec<V> value;
  private final int entryBytes;

  MapCodec(Codec<K> key, Codec<V> value) {
    super("map(" + key + ", " + value + ")", 1);
    if (writesNothing(key) && writesNothing(value)) {
      throw new IllegalArgumentException(this + " writes no bytes for an entry, so its count could not be checked "
          + "against the bytes that remain");
    }
    this.key = key;
    this.value = value;
    entryBytes = minimumBytes(key) + minimumBytes(value);
  }

  @Override
  public void encode(Map<K, V> map, CodecOutput out) {
    int size = nonNull(map).size();
    out.writeVarInt(size);
    int written = 0;
    for (Map.Entry<K, V> entry : map.entrySet()) {
      key.encode(entry.getKey(), out);
      value.encode(entry.getValue(), out);
      written++;
    }
    Counts.check(size, written, this);
  }

  @Override
  public Map<K, V> decode(CodecInput in) {
    int size = in.readCount(entryBytes);
    Map<K, V> map = new LinkedHashMap<>(Counts.hashCapacity(size));
    for (int i = 0; i < size; i++) {
      int at = in.position();
      K k = key.decode(in);
      map.put(k, value.decode(in));
      if (map.size() == i) {
        throw new CodecException("a duplicate key at position " + at + " in a " + this);
      }
    }
    return map;
  }
}

package io.github.posa4j.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * An enum constant by its name, as a string, so that adding or reordering constants keeps what
 * was written readable. Decoding looks the name up in a map built once from the constants.
 */
final class EnumCodec<E extends Enum<E>> extends BaseCodec<E> {
  private final Class<E> type;
  private final Map<String, E> byName;

  EnumCodec(Class<E> type, E[] values) {
    // A name is never empty: a length byte and at least one byte of it.
    super("enumeration(" + type.getName() + ")", 2);
    this.type = type;
    byName = new HashMap<>((int) (values.length / 0.75f) + 1);
    for (E value : values) {
      if (value == null) {
        throw new NullPointerException("the constants of " + type.getName() + " include null");
      }
      if (value.getDeclaringClass() != type) {
        throw new IllegalArgumentException(value + " is a constant of " + value.getDeclaringClass().getName()
            + ", not of " + type.getName());
      }
      byName.put(value.name(), value);
    }
  }

  @Override
  public void encode(E value, CodecOutput out) {
    String name = nonNull(value).name();
    if (byName.get(name) != value) {
      // Written, it could not be read back.
      throw new IllegalArgumentException(name + " is not one of the constants " + this + " was made with");
    }
    out.writeString(name);
  }

  @Override
  public E decode(CodecInput in) {
    int at = in.position();
    String name = in.readString();
    E value = byName.get(name);
    if (value == null) {
      throw new CodecException("unknown constant " + quoted(name) + " of enum " + type.getName()
          + " at position " + at);
    }
    return value;
  }

  /** {@code name} in quotes, cut short if it is long, as corrupt bytes may make it. */
  private static String quoted(String name) {
    return name.length() <= 80 ? '"' + name + '"' : '"' + name.substring(0, 80) + "\"... (" + name.length() + " chars)";
  }
}

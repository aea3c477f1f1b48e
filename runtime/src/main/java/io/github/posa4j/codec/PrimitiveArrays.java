package io.github.posa4j.codec;

/**
 * How arrays of primitives are laid out: the length as a varint, then each element as
 * {@link CodecOutput} writes one of its type. A length more than the remaining bytes can hold is a
 * {@link CodecException} before the array is allocated.
 */
final class PrimitiveArrays {
  private PrimitiveArrays() {}

  static void writeBooleans(CodecOutput out, boolean[] values) {
    out.writeVarInt(values.length);
    for (boolean value : values) {
      out.writeBoolean(value);
    }
  }

  static boolean[] readBooleans(CodecInput in) {
    boolean[] values = new boolean[in.readCount(1)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readBoolean();
    }
    return values;
  }

  static void writeBytes(CodecOutput out, byte[] values) {
    out.writeVarInt(values.length);
    out.writeBytes(values, 0, values.length);
  }

  static byte[] readBytes(CodecInput in) {
    return in.readBytes(in.readCount(1));
  }

  static void writeShorts(CodecOutput out, short[] values) {
    out.writeVarInt(values.length);
    for (short value : values) {
      out.writeShort(value);
    }
  }

  static short[] readShorts(CodecInput in) {
    short[] values = new short[in.readCount(Short.BYTES)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readShort();
    }
    return values;
  }

  static void writeChars(CodecOutput out, char[] values) {
    out.writeVarInt(values.length);
    for (char value : values) {
      out.writeChar(value);
    }
  }

  static char[] readChars(CodecInput in) {
    char[] values = new char[in.readCount(Character.BYTES)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readChar();
    }
    return values;
  }

  static void writeInts(CodecOutput out, int[] values) {
    out.writeVarInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  static int[] readInts(CodecInput in) {
    int[] values = new int[in.readCount(Integer.BYTES)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  static void writeLongs(CodecOutput out, long[] values) {
    out.writeVarInt(values.length);
    for (long value : values) {
      out.writeLong(value);
    }
  }

  static long[] readLongs(CodecInput in) {
    long[] values = new long[in.readCount(Long.BYTES)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readLong();
    }
    return values;
  }

  static void writeFloats(CodecOutput out, float[] values) {
    out.writeVarInt(values.length);
    for (float value : values) {
      out.writeFloat(value);
    }
  }

  static float[] readFloats(CodecInput in) {
    float[] values = new float[in.readCount(Float.BYTES)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }

  static void writeDoubles(CodecOutput out, double[] values) {
    out.writeVarInt(values.length);
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  static double[] readDoubles(CodecInput in) {
    double[] values = new double[in.readCount(Double.BYTES)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }
}

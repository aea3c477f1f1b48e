package io.github.posa4j.agent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A first look at a class file, before any parsing library is involved: does its constant pool
 * mention a posa4j resilience annotation? A class that uses one must hold the annotation's
 * descriptor, e.g. {@code Lio/github/posa4j/annotation/Retry;}, as a UTF-8 constant. Walking the
 * pool costs about as much as reading the bytes once, and most classes stop here.
 */
final class ConstantPool {
  private static final byte[][] DESCRIPTORS = Stream.of("CircuitBreaker", "Retry", "Timeout", "Bulkhead", "Fallback",
          "LeaderOnly")
      .map(name -> ("Lio/github/posa4j/annotation/" + name + ";").getBytes(StandardCharsets.UTF_8))
      .toArray(byte[][]::new);

  private ConstantPool() {}

  /** True when the class file may carry a posa4j annotation; false when it certainly does not. */
  static boolean mentionsPosa4jAnnotation(byte[] classFile) {
    try {
      int count = u2(classFile, 8);
      int offset = 10;
      for (int index = 1; index < count; index++) {
        int tag = classFile[offset] & 0xFF;
        switch (tag) {
          case 1 -> { // Utf8
            int length = u2(classFile, offset + 1);
            if (isDescriptor(classFile, offset + 3, length)) {
              return true;
            }
            offset += 3 + length;
          }
          case 3, 4, 9, 10, 11, 12, 17, 18 -> offset += 5;
          case 5, 6 -> { // Long and Double take two entries
            offset += 9;
            index++;
          }
          case 7, 8, 16, 19, 20 -> offset += 3;
          case 15 -> offset += 4;
          default -> {
            return true; // a tag we do not know: let the full parser decide
          }
        }
      }
      return false;
    } catch (ArrayIndexOutOfBoundsException truncated) {
      return true; // not our place to judge a malformed class file
    }
  }

  private static boolean isDescriptor(byte[] classFile, int start, int length) {
    for (byte[] descriptor : DESCRIPTORS) {
      if (descriptor.length == length && Arrays.equals(classFile, start, start + length, descriptor, 0, length)) {
        return true;
      }
    }
    return false;
  }

  private static int u2(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }
}

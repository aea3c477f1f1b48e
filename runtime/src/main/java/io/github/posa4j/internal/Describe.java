package io.github.posa4j.internal;

/** How posa4j names an application object in a report about it. */
public final class Describe {
  private Describe() {}

  /**
   * {@code object.toString()}, or its class and identity when that throws: a report about a failing
   * object must not fail in turn.
   */
  public static String object(Object object) {
    try {
      return String.valueOf(object);
    } catch (RuntimeException | LinkageError e) {
      return object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }
  }
}

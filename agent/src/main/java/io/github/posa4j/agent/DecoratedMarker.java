package io.github.posa4j.agent;

/**
 * The marker the processor leaves for a class whose resilience annotations a generated decorator
 * applies ({@code META-INF/posa4j/decorated/<binary name>}): the agent leaves those annotations
 * alone and weaves only what keys add, so no policy applies twice. The same marker identifies the
 * decorator itself, {@code Resilient<Name>} in the same package, which the agent never weaves.
 */
final class DecoratedMarker {
  static final String PREFIX = "META-INF/posa4j/decorated/";
  private static final String DECORATOR_PREFIX = "Resilient";

  private DecoratedMarker() {}

  static boolean present(ClassLoader loader, String className) {
    String resource = PREFIX + className;
    return (loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource)) != null;
  }

  /**
   * The binary name of the class whose generated decorator {@code className} is, or null when it
   * is not one. The processor names the decorator of {@code Outer.Inner} {@code ResilientOuter_Inner},
   * so both readings of an underscore are tried.
   */
  static String decoratedBy(ClassLoader loader, String className) {
    int dot = className.lastIndexOf('.');
    String simpleName = className.substring(dot + 1);
    if (!simpleName.startsWith(DECORATOR_PREFIX) || simpleName.length() == DECORATOR_PREFIX.length()) {
      return null;
    }
    String packagePrefix = className.substring(0, dot + 1);
    String flattened = simpleName.substring(DECORATOR_PREFIX.length());
    for (String candidate : new String[] {packagePrefix + flattened, packagePrefix + flattened.replace('_', '$')}) {
      if (present(loader, candidate)) {
        return candidate;
      }
    }
    return null;
  }
}

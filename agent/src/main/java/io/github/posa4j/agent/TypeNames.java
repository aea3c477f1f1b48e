package io.github.posa4j.agent;

import java.util.Map;

/** From type names as {@link Class#getTypeName()} prints them ({@code int}, {@code java.lang.String[]}) back to classes. */
final class TypeNames {
  private static final Map<String, Class<?>> PRIMITIVES = Map.of(
      "boolean", boolean.class, "byte", byte.class, "char", char.class, "short", short.class,
      "int", int.class, "long", long.class, "float", float.class, "double", double.class, "void", void.class);

  private TypeNames() {}

  static Class<?> load(String typeName, ClassLoader loader) throws ClassNotFoundException {
    int dimensions = 0;
    String element = typeName;
    while (element.endsWith("[]")) {
      element = element.substring(0, element.length() - 2);
      dimensions++;
    }
    Class<?> type = PRIMITIVES.get(element);
    if (type == null) {
      type = Class.forName(element, false, loader);
    }
    for (int i = 0; i < dimensions; i++) {
      type = type.arrayType();
    }
    return type;
  }
}

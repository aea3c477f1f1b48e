package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What woven code needs about one method at run time: its policies, and how to reach its body
 * again (asynchronous methods) and its fallback method. Reflection is resolved on first use, from
 * the class the advice runs in.
 */
final class WovenMethod {
  final String key;
  final FaultTolerance policies;
  private final String name;
  private final List<String> parameterTypes;
  /** The class holding the fallback method, or null for a method of the woven class itself or none. */
  private final String fallbackClass;
  /** The fallback method's name, or null without one. */
  private final String fallbackMethod;
  /** The last reflective lookups, with the woven class they were made for: a class name may be loaded twice. */
  private volatile Resolved body;
  private volatile Resolved fallback;

  WovenMethod(String key, FaultTolerance policies, String name, List<String> parameterTypes,
      String fallbackClass, String fallbackMethod) {
    this.key = key;
    this.policies = policies;
    this.name = name;
    this.parameterTypes = List.copyOf(parameterTypes);
    this.fallbackClass = fallbackClass;
    this.fallbackMethod = fallbackMethod;
  }

  boolean hasFallbackMethod() {
    return fallbackMethod != null;
  }

  /** The woven method itself, in {@code type}. */
  Method body(Class<?> type) throws ReflectiveOperationException {
    Resolved found = body;
    if (found == null || found.type != type) {
      found = new Resolved(type, accessible(type.getDeclaredMethod(name, parameterClasses(type.getClassLoader()))));
      body = found;
    }
    return found.method;
  }

  /** The fallback method: in {@code type}, or the configured static method of another class. */
  Method fallback(Class<?> type) throws ReflectiveOperationException {
    Resolved found = fallback;
    if (found == null || found.type != type) {
      Class<?> owner = fallbackClass == null ? type : Class.forName(fallbackClass, false, type.getClassLoader());
      found = new Resolved(type, accessible(owner.getDeclaredMethod(fallbackMethod, parameterClasses(type.getClassLoader()))));
      fallback = found;
    }
    return found.method;
  }

  private record Resolved(Class<?> type, Method method) {}

  private Class<?>[] parameterClasses(ClassLoader loader) throws ClassNotFoundException {
    Class<?>[] classes = new Class<?>[parameterTypes.size()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = TypeNames.load(parameterTypes.get(i), loader);
    }
    return classes;
  }

  private static Method accessible(Method method) {
    method.setAccessible(true); // the agent may call private methods; see DESIGN.md
    return method;
  }
}

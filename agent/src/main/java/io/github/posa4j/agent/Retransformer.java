package io.github.posa4j.agent;

import java.lang.annotation.Annotation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * After a dynamic attach: finds the loaded classes the agent would have woven had it been there
 * from the start, and retransforms them. A class is a candidate when a key names it or when one of
 * its methods, or the class itself, carries a posa4j resilience annotation.
 */
final class Retransformer {
  private Retransformer() {}

  static void retransformLoaded(Instrumentation instrumentation, AgentOptions options, KeyRules rules, AgentLog log) {
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      String name = type.getName();
      if (type.isArray() || type.isPrimitive() || type.isHidden() || Posa4jTransformer.isIgnored(name)
          || !options.admits(name) || !instrumentation.isModifiableClass(type)) {
        continue;
      }
      if (rules.namesClass(name) || carriesAnnotation(type)) {
        candidates.add(type);
      }
    }
    for (Class<?> type : candidates) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable e) {
        log.error("cannot retransform " + type.getName() + " (" + e + "); it stays as it was");
      }
    }
  }

  private static boolean carriesAnnotation(Class<?> type) {
    try {
      if (isPosa4j(type.getDeclaredAnnotations())) {
        return true;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (isPosa4j(method.getDeclaredAnnotations())) {
          return true;
        }
      }
      return false;
    } catch (Throwable unresolvable) {
      return false; // a missing dependency of the class: it was not woven before either
    }
  }

  private static boolean isPosa4j(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getName().startsWith("io.github.posa4j.annotation.")) {
        return true;
      }
    }
    return false;
  }
}

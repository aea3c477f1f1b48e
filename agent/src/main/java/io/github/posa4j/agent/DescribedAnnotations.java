package io.github.posa4j.agent;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import net.bytebuddy.description.annotation.AnnotationDescription;

/**
 * Annotation instances read from a class file that is not loaded yet, so that the agent resolves
 * policies with the same {@code PolicyResolver} as generated code. Class-valued attributes
 * ({@code failOn}, {@code retryOn}, ...) are loaded, without initialisation, by the application's
 * class loader rather than the agent's.
 */
final class DescribedAnnotations {
  private DescribedAnnotations() {}

  static <A extends Annotation> A load(AnnotationDescription description, Class<A> type, ClassLoader loader) {
    Object instance = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "annotationType":
          return type;
        case "toString":
          return description.toString();
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          return value(description, method, loader);
      }
    });
    return type.cast(instance);
  }

  private static Object value(AnnotationDescription description, Method attribute, ClassLoader loader) {
    Object value = description.getValue(attribute.getName()).load(loader).resolve();
    if (value.getClass().isArray() && attribute.getReturnType().isArray()
        && !attribute.getReturnType().isInstance(value)) {
      Object[] elements = (Object[]) value;
      return Arrays.copyOf(elements, elements.length, attribute.getReturnType().asSubclass(Object[].class));
    }
    return value;
  }
}

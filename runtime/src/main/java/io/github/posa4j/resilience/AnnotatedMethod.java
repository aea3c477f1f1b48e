package io.github.posa4j.resilience;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link PolicyResolver} needs to know about a method: its names, visibility, class loader and
 * resilience annotations. Generated code describes a loaded {@link Method} with {@link #of}; the
 * agent describes a method of a class that is still being loaded, from its class file.
 */
public interface AnnotatedMethod {

  /** The binary name of the class whose name configuration keys use, e.g. {@code com.acme.Payments}. */
  String typeName();

  /** The method's name. */
  String name();

  /** The parameter types as {@link Class#getTypeName()} prints them, e.g. {@code java.lang.String[]}. */
  List<String> parameterTypeNames();

  /** Whether the method is public; class-level annotations apply only to public methods. */
  boolean isPublic();

  /** The loader that resolves classes named in attributes and keys, such as {@code failOn}. */
  ClassLoader classLoader();

  /** The annotation of {@code type} on the method itself, or {@code null}. */
  <A extends Annotation> A methodAnnotation(Class<A> type);

  /** The annotation of {@code type} on the class, declared or inherited, or {@code null}. */
  <A extends Annotation> A typeAnnotation(Class<A> type);

  /** The key of this method: {@code <FQCN>/<method>(<param type>,...)}. */
  default String key() {
    return typeName() + "/" + name() + "(" + String.join(",", parameterTypeNames()) + ")";
  }

  /** {@code method} seen from {@code type}, the class whose name the keys use. */
  static AnnotatedMethod of(Class<?> type, Method method) {
    List<String> parameterTypes = Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList();
    return new AnnotatedMethod() {
      @Override
      public String typeName() {
        return type.getName();
      }

      @Override
      public String name() {
        return method.getName();
      }

      @Override
      public List<String> parameterTypeNames() {
        return parameterTypes;
      }

      @Override
      public boolean isPublic() {
        return Modifier.isPublic(method.getModifiers());
      }

      @Override
      public ClassLoader classLoader() {
        return type.getClassLoader();
      }

      @Override
      public <A extends Annotation> A methodAnnotation(Class<A> annotationType) {
        return method.getAnnotation(annotationType);
      }

      @Override
      public <A extends Annotation> A typeAnnotation(Class<A> annotationType) {
        return type.getAnnotation(annotationType);
      }

      @Override
      public String toString() {
        return key();
      }
    };
  }
}

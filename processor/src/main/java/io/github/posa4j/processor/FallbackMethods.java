package io.github.posa4j.processor;

import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The {@code @Fallback} of a protected method: exactly one of a handler class and a fallback
 * method, and a fallback method that exists with the same parameter types, a compatible return
 * type, and is not private.
 */
final class FallbackMethods {
  /** The handler class {@code @Fallback} names when it names none. */
  private static final String DEFAULT_HANDLER = AnnotationNames.FALLBACK + ".DEFAULT";
  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  FallbackMethods(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  void check(TypeElement type, ExecutableElement method) {
    Element annotated = method;
    Optional<AnnotationMirror> fallback = mirror(method);
    if (fallback.isEmpty()) {
      annotated = classWithFallback(type).orElse(type);
      fallback = mirror(annotated);
    }
    if (fallback.isEmpty()) {
      return;
    }
    AnnotationMirror mirror = fallback.get();
    boolean hasHandler = !handlerClass(mirror).equals(DEFAULT_HANDLER);
    String name = fallbackMethodName(mirror);
    if (hasHandler == !name.isEmpty()) {
      reporter.error(annotated, mirror, Messages.fallbackBothOrNeither(hasHandler));
      return;
    }
    if (name.isEmpty()) {
      return;
    }
    Optional<ExecutableElement> target = find(environment, type, method, name);
    if (target.isEmpty()) {
      reporter.error(annotated, mirror, Messages.fallbackMethodMissing(name, signature(method, name)));
      return;
    }
    ExecutableElement fallbackMethod = target.get();
    if (fallbackMethod.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(annotated, mirror, Messages.fallbackMethodPrivate(name));
    }
    Types types = environment.getTypeUtils();
    TypeMirror expected = method.getReturnType();
    TypeMirror actual = fallbackMethod.getReturnType();
    boolean compatible = expected.getKind() == TypeKind.VOID
        ? actual.getKind() == TypeKind.VOID
        : actual.getKind() != TypeKind.VOID && types.isAssignable(actual, expected);
    if (!compatible) {
      reporter.error(annotated, mirror, Messages.fallbackMethodWrongReturn(name, expected.toString(), actual.toString()));
    }
  }

  /**
   * The {@code @Fallback} that applies to {@code method}: its own, or its class's, which may be
   * inherited from a superclass ({@code @Fallback} is {@code @Inherited}, and the runtime reads it
   * so).
   */
  static Optional<AnnotationMirror> effective(TypeElement type, ExecutableElement method) {
    Optional<AnnotationMirror> own = mirror(method);
    return own.isPresent() ? own : classWithFallback(type).flatMap(FallbackMethods::mirror);
  }

  /** {@code type} if it carries {@code @Fallback}, else its nearest superclass that does. */
  private static Optional<TypeElement> classWithFallback(TypeElement type) {
    for (TypeElement current = type; current != null; current = superclassOf(current)) {
      if (mirror(current).isPresent()) {
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }

  private static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }

  static Optional<AnnotationMirror> mirror(Element element) {
    return AnnotationNames.mirror(element, AnnotationNames.FALLBACK);
  }

  static String fallbackMethodName(AnnotationMirror mirror) {
    return String.valueOf(value(mirror, "fallbackMethod"));
  }

  static String handlerClass(AnnotationMirror mirror) {
    Object value = value(mirror, "value");
    return value instanceof DeclaredType
        ? ((TypeElement) ((DeclaredType) value).asElement()).getQualifiedName().toString()
        : String.valueOf(value);
  }

  private static Object value(AnnotationMirror mirror, String attribute) {
    for (var entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        AnnotationValue value = entry.getValue();
        return value.getValue();
      }
    }
    return attribute.equals("value") ? DEFAULT_HANDLER : "";
  }

  /** The method named {@code name} of {@code type} with the same parameter types as {@code method}. */
  static Optional<ExecutableElement> find(ProcessingEnvironment environment, TypeElement type,
      ExecutableElement method, String name) {
    Types types = environment.getTypeUtils();
    List<ExecutableElement> candidates = ElementFilter.methodsIn(environment.getElementUtils().getAllMembers(type));
    for (ExecutableElement candidate : candidates) {
      if (!candidate.getSimpleName().contentEquals(name)
          || candidate.getParameters().size() != method.getParameters().size()) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < method.getParameters().size(); i++) {
        same &= types.isSameType(types.erasure(candidate.getParameters().get(i).asType()),
            types.erasure(method.getParameters().get(i).asType()));
      }
      if (same) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String signature(ExecutableElement method, String name) {
    StringBuilder signature = new StringBuilder(name).append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      signature.append(i == 0 ? "" : ", ").append(method.getParameters().get(i).asType());
    }
    return signature.append(')').toString();
  }
}

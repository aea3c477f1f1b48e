package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * A class or interface with resilience annotations as {@link ResilienceStep} validates it and
 * {@link ResilienceGenerator} decorates it.
 *
 * @param type the class or interface
 * @param decoratorClass the generated {@code Resilient<Name>}
 * @param typeLevel whether {@code type} carries a resilience annotation itself
 * @param protectedMethods the methods the decorator protects: those with a resilience annotation of
 *     their own and, when {@code typeLevel}, every public (for interfaces: every abstract or
 *     default) instance method, in source order
 */
record ResilienceModel(TypeElement type, ClassName decoratorClass, boolean typeLevel,
    List<ExecutableElement> protectedMethods) {
  static final String PREFIX = "Resilient";

  static ResilienceModel of(TypeElement type) {
    boolean typeLevel = hasOwnAnnotation(type);
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (hasOwnAnnotation(method)) {
        methods.add(method);
      } else if (typeLevel
          && !method.getModifiers().contains(Modifier.STATIC)
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && (type.getKind().isInterface()
              || (method.getModifiers().contains(Modifier.PUBLIC) && !method.getModifiers().contains(Modifier.FINAL)))) {
        methods.add(method);
      }
    }
    return new ResilienceModel(type, GeneratedNames.beside(type, PREFIX, ""), typeLevel, List.copyOf(methods));
  }

  /**
   * Whether the annotations apply here: false when {@code type} only inherits them from a
   * superclass, whose own decorator applies them.
   */
  boolean appliesHere() {
    return typeLevel || protectedMethods.stream().anyMatch(ResilienceModel::hasOwnAnnotation);
  }

  /**
   * The simple name of the resilience annotation that puts {@code element} under the policies, for
   * messages: its own first one, else (for a type) that of its first annotated method, else that of
   * its enclosing type.
   */
  static String annotationName(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (AnnotationNames.RESILIENCE.contains(AnnotationNames.nameOf(mirror))) {
        return AnnotationNames.simpleName(AnnotationNames.nameOf(mirror));
      }
    }
    if (element instanceof TypeElement) {
      for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
        if (hasOwnAnnotation(method)) {
          return annotationName(method);
        }
      }
    }
    Element enclosing = element.getEnclosingElement();
    return enclosing instanceof TypeElement ? annotationName(enclosing) : "Retry";
  }

  private static boolean hasOwnAnnotation(Element element) {
    return element.getAnnotationMirrors().stream()
        .anyMatch(mirror -> AnnotationNames.RESILIENCE.contains(AnnotationNames.nameOf(mirror)));
  }
}

package io.github.posa4j.processor;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether a generated type may carry {@code @javax.annotation.processing.Generated}: only when the
 * code it is generated from can see that annotation. In a named module that means reading
 * {@code java.compiler}, which few applications require; their generated code goes without it
 * rather than fail to compile.
 */
final class GeneratedAnnotation {
  static final String NAME = "javax.annotation.processing.Generated";
  private static final String MODULE = "java.compiler";

  private GeneratedAnnotation() {}

  static boolean isVisibleFrom(TypeElement origin, Elements elements) {
    if (elements.getTypeElement(NAME) == null) {
      return false;
    }
    ModuleElement module = elements.getModuleOf(origin);
    return module == null || module.isUnnamed() || reads(module);
  }

  /** {@code module} requires {@code java.compiler}, or a module that grants it through {@code requires transitive}. */
  private static boolean reads(ModuleElement module) {
    Set<ModuleElement> seen = new HashSet<>();
    return ElementFilter.requiresIn(module.getDirectives()).stream()
        .anyMatch(requires -> grants(requires.getDependency(), seen));
  }

  private static boolean grants(ModuleElement dependency, Set<ModuleElement> seen) {
    if (dependency.getQualifiedName().contentEquals(MODULE)) {
      return true;
    }
    if (!seen.add(dependency)) {
      return false;
    }
    return ElementFilter.requiresIn(dependency.getDirectives()).stream()
        .anyMatch(requires -> requires.isTransitive() && grants(requires.getDependency(), seen));
  }
}

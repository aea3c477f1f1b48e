package io.github.posa4j.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** The names of generated types: same package, nested names flattened with {@code _}. */
final class GeneratedNames {
  private GeneratedNames() {}

  /** {@code Outer_Inner} for {@code Outer.Inner}, {@code Name} for a top-level {@code Name}. */
  static String flatName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element outer = type.getEnclosingElement();
        outer.getKind() != ElementKind.PACKAGE;
        outer = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + "_");
    }
    return name.toString();
  }

  static PackageElement packageOf(TypeElement type) {
    Element element = type;
    while (!(element instanceof PackageElement)) {
      element = element.getEnclosingElement();
    }
    return (PackageElement) element;
  }
}

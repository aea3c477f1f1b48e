package io.github.posa4j.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The methods of an {@code @ActiveObject} servant that become method requests. */
final class ServantMethods {
  private ServantMethods() {}

  /**
   * The public instance methods of {@code servant}, declared or inherited, in a stable order: its
   * own in source order, then those of its superclasses, then default methods of its interfaces.
   * Methods of {@code Object}, and overrides of them such as {@code toString}, are left out: the
   * active object has its own.
   */
  static List<ExecutableElement> of(Elements elements, Types types, TypeElement servant) {
    TypeElement object = elements.getTypeElement("java.lang.Object");
    List<ExecutableElement> objectMethods = ElementFilter.methodsIn(object.getEnclosedElements());
    List<ExecutableElement> methods = new ArrayList<>();
    for (TypeElement type : typesInOrder(types, servant)) {
      if (type.equals(object)) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        Set<Modifier> modifiers = method.getModifiers();
        if (!modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.STATIC)
            || modifiers.contains(Modifier.ABSTRACT)
            || overridesAny(elements, servant, method, objectMethods)
            || isOverriddenByAny(elements, servant, method, methods)) {
          continue;
        }
        methods.add(method);
      }
    }
    return methods;
  }

  /** The servant, its superclasses, then every interface they implement, breadth first. */
  private static List<TypeElement> typesInOrder(Types types, TypeElement servant) {
    List<TypeElement> classes = new ArrayList<>();
    for (TypeElement type = servant; type != null; type = superclass(types, type)) {
      classes.add(type);
    }
    List<TypeElement> ordered = new ArrayList<>(classes);
    Set<TypeElement> seen = new HashSet<>(classes);
    Deque<TypeElement> interfaces = new ArrayDeque<>();
    classes.forEach(type -> addInterfaces(types, type, interfaces));
    while (!interfaces.isEmpty()) {
      TypeElement next = interfaces.removeFirst();
      if (seen.add(next)) {
        ordered.add(next);
        addInterfaces(types, next, interfaces);
      }
    }
    return ordered;
  }

  private static TypeElement superclass(Types types, TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
  }

  private static void addInterfaces(Types types, TypeElement type, Deque<TypeElement> into) {
    for (TypeMirror implemented : type.getInterfaces()) {
      into.addLast((TypeElement) ((DeclaredType) implemented).asElement());
    }
  }

  private static boolean overridesAny(Elements elements, TypeElement servant, ExecutableElement method,
      List<ExecutableElement> candidates) {
    for (ExecutableElement candidate : candidates) {
      if (candidate.getSimpleName().equals(method.getSimpleName()) && elements.overrides(method, candidate, servant)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOverriddenByAny(Elements elements, TypeElement servant, ExecutableElement method,
      List<ExecutableElement> collected) {
    for (ExecutableElement earlier : collected) {
      if (earlier.getSimpleName().equals(method.getSimpleName()) && elements.overrides(earlier, method, servant)) {
        return true;
      }
    }
    return false;
  }
}

package io.github.posa4j.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The methods a generated class implementing an interface forwards. */
final class InterfaceMethods {
  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

  private InterfaceMethods() {}

  /**
   * The abstract and default instance methods of {@code api} and its superinterfaces, without
   * redeclarations of {@code Object}'s {@code equals}, {@code hashCode} and {@code toString}.
   */
  static List<ExecutableElement> forwardable(Elements elements, Types types, TypeElement api) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(api))) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      if (!owner.getKind().isInterface()
          || method.getModifiers().contains(Modifier.STATIC)
          || method.getModifiers().contains(Modifier.PRIVATE)
          || redeclaresObjectMethod(elements, types, method)) {
        continue;
      }
      methods.add(method);
    }
    return methods;
  }

  private static boolean redeclaresObjectMethod(Elements elements, Types types, ExecutableElement method) {
    if (!OBJECT_METHODS.contains(method.getSimpleName().toString())) {
      return false;
    }
    TypeElement object = elements.getTypeElement("java.lang.Object");
    for (ExecutableElement objectMethod : ElementFilter.methodsIn(object.getEnclosedElements())) {
      if (objectMethod.getSimpleName().equals(method.getSimpleName())
          && objectMethod.getParameters().size() == method.getParameters().size()
          && sameErasedParameters(types, objectMethod, method)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameErasedParameters(Types types, ExecutableElement a, ExecutableElement b) {
    for (int i = 0; i < a.getParameters().size(); i++) {
      if (!types.isSameType(types.erasure(a.getParameters().get(i).asType()),
          types.erasure(b.getParameters().get(i).asType()))) {
        return false;
      }
    }
    return true;
  }
}

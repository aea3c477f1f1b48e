package io.github.posa4j.processor;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The inverse that {@code @Undo} names for a command: a method of the receiver whose parameters
 * are the command's, optionally followed by one of the command's return type. When the receiver
 * has both, the one that takes the result is the inverse.
 */
final class UndoMethods {
  private UndoMethods() {}

  /** An inverse, and whether it takes the command's result as its last argument. */
  record Inverse(ExecutableElement method, boolean takesResult) {}

  /** The methods of {@code receiver} named {@code name}, declared or inherited. */
  static List<ExecutableElement> named(Elements elements, TypeElement receiver, String name) {
    return ElementFilter.methodsIn(elements.getAllMembers(receiver)).stream()
        .filter(method -> method.getSimpleName().contentEquals(name))
        .toList();
  }

  /** The inverse of {@code command} among {@code candidates}, if one has fitting parameters. */
  static Optional<Inverse> inverse(Types types, TypeElement receiver, ExecutableElement command,
      List<ExecutableElement> candidates) {
    DeclaredType receiverType = (DeclaredType) receiver.asType();
    ExecutableType resolved = (ExecutableType) types.asMemberOf(receiverType, command);
    List<? extends TypeMirror> parameters = resolved.getParameterTypes();
    TypeMirror result = resolved.getReturnType();
    Optional<Inverse> withoutResult = Optional.empty();
    for (ExecutableElement candidate : candidates) {
      List<? extends TypeMirror> own = ((ExecutableType) types.asMemberOf(receiverType, candidate)).getParameterTypes();
      if (own.size() == parameters.size() + 1 && result.getKind() != TypeKind.VOID
          && startsWith(types, own, parameters) && types.isSameType(own.get(parameters.size()), result)) {
        return Optional.of(new Inverse(candidate, true));
      }
      if (own.size() == parameters.size() && startsWith(types, own, parameters)) {
        withoutResult = Optional.of(new Inverse(candidate, false));
      }
    }
    return withoutResult;
  }

  private static boolean startsWith(Types types, List<? extends TypeMirror> own, List<? extends TypeMirror> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      if (!types.isSameType(own.get(i), parameters.get(i))) {
        return false;
      }
    }
    return true;
  }
}

package io.github.posa4j.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Private types, which a generated class beside the annotated type cannot name. */
final class PrivateTypes {
  private PrivateTypes() {}

  /** A private type, or one nested in a private type: out of reach of a class beside it. */
  static boolean isPrivateOrInPrivate(TypeElement type) {
    for (Element element = type; element instanceof TypeElement; element = element.getEnclosingElement()) {
      if (element.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A private type that a generated class would have to name to call {@code method}: in its
   * return type, parameters or exceptions; {@code null} if none.
   */
  static String privateTypeIn(ExecutableElement method) {
    List<TypeMirror> types = new ArrayList<>();
    types.add(method.getReturnType());
    method.getParameters().forEach(parameter -> types.add(parameter.asType()));
    types.addAll(method.getThrownTypes());
    for (TypeMirror type : types) {
      String hidden = privateTypeIn(type);
      if (hidden != null) {
        return hidden;
      }
    }
    return null;
  }

  private static String privateTypeIn(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return privateTypeIn(((ArrayType) type).getComponentType());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (isPrivateOrInPrivate(element)) {
      return element.getQualifiedName().toString();
    }
    for (TypeMirror argument : declared.getTypeArguments()) {
      String hidden = privateTypeIn(argument);
      if (hidden != null) {
        return hidden;
      }
    }
    return null;
  }
}

package io.github.posa4j.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds a type that an annotated type refers to but javac cannot resolve yet, typically one that
 * another processor generates in a later round: in its supertypes, type parameters, the
 * signatures of its methods and constructors (inherited ones too) and the values of their
 * annotations. Such a type is processed in a later round, once everything resolves.
 */
final class TypeResolution {
  /** The type named {@code type}, which does not resolve, as used by {@code element}. */
  record Unresolved(Element element, String type) {}

  private final Elements elements;

  TypeResolution(Elements elements) {
    this.elements = elements;
  }

  Optional<Unresolved> firstUnresolved(TypeElement type) {
    Optional<Unresolved> found = inSupertypes(type, new HashSet<>());
    if (found.isPresent()) {
      return found;
    }
    found = inDeclaration(type, type.getTypeParameters());
    if (found.isPresent()) {
      return found;
    }
    for (ExecutableElement member : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      found = inExecutable(member);
      if (found.isPresent()) {
        return found;
      }
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      found = inExecutable(constructor);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Unresolved> inSupertypes(TypeElement type, Set<TypeElement> seen) {
    if (!seen.add(type)) {
      return Optional.empty();
    }
    List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
    supertypes.add(type.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      Optional<String> missing = unresolvedIn(supertype);
      if (missing.isPresent()) {
        return Optional.of(new Unresolved(type, missing.get()));
      }
      if (supertype.getKind() == TypeKind.DECLARED) {
        Optional<Unresolved> found = inSupertypes((TypeElement) ((DeclaredType) supertype).asElement(), seen);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Unresolved> inExecutable(ExecutableElement executable) {
    Optional<Unresolved> found = inDeclaration(executable, executable.getTypeParameters());
    if (found.isPresent()) {
      return found;
    }
    Optional<String> missing = unresolvedIn(executable.getReturnType());
    for (TypeMirror thrown : executable.getThrownTypes()) {
      missing = missing.or(() -> unresolvedIn(thrown));
    }
    if (missing.isPresent()) {
      return Optional.of(new Unresolved(executable, missing.get()));
    }
    for (VariableElement parameter : executable.getParameters()) {
      missing = unresolvedIn(parameter.asType()).or(() -> inAnnotations(parameter));
      if (missing.isPresent()) {
        return Optional.of(new Unresolved(executable, missing.get()));
      }
    }
    return Optional.empty();
  }

  /** The bounds of {@code parameters} and the annotations of {@code element}. */
  private Optional<Unresolved> inDeclaration(Element element, List<? extends TypeParameterElement> parameters) {
    Optional<String> missing = inAnnotations(element);
    for (TypeParameterElement parameter : parameters) {
      for (TypeMirror bound : parameter.getBounds()) {
        missing = missing.or(() -> unresolvedIn(bound));
      }
    }
    return missing.map(type -> new Unresolved(element, type));
  }

  private Optional<String> inAnnotations(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Optional<String> missing = inAnnotation(mirror);
      if (missing.isPresent()) {
        return missing;
      }
    }
    return Optional.empty();
  }

  private Optional<String> inAnnotation(AnnotationMirror mirror) {
    Optional<String> missing = unresolvedIn(mirror.getAnnotationType());
    for (AnnotationValue value : mirror.getElementValues().values()) {
      missing = missing.or(() -> inValue(value.getValue()));
    }
    return missing;
  }

  /** A class literal ({@code Handler.class}) among the values of an annotation attribute. */
  private Optional<String> inValue(Object value) {
    if (value instanceof TypeMirror) {
      return unresolvedIn((TypeMirror) value);
    }
    if (value instanceof AnnotationMirror) {
      return inAnnotation((AnnotationMirror) value);
    }
    if (value instanceof List) {
      for (Object element : (List<?>) value) {
        Optional<String> missing = inValue(((AnnotationValue) element).getValue());
        if (missing.isPresent()) {
          return missing;
        }
      }
    }
    return Optional.empty();
  }

  /** The name of an unresolved type in {@code type}, its type arguments, bounds and components. */
  private static Optional<String> unresolvedIn(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return Optional.of(type.toString());
      case ARRAY:
        return unresolvedIn(((ArrayType) type).getComponentType());
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          Optional<String> missing = unresolvedIn(argument);
          if (missing.isPresent()) {
            return missing;
          }
        }
        return unresolvedIn(((DeclaredType) type).getEnclosingType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound == null ? Optional.empty() : unresolvedIn(bound);
      case INTERSECTION:
        for (TypeMirror component : ((IntersectionType) type).getBounds()) {
          Optional<String> missing = unresolvedIn(component);
          if (missing.isPresent()) {
            return missing;
          }
        }
        return Optional.empty();
      default:
        return Optional.empty(); // primitives, void, type variables (their bounds are checked where declared)
    }
  }
}

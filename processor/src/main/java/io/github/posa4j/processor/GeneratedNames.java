package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Names in generated code: types (same package, nested names flattened with {@code _}),
 * constants, and locals that must not clash with a method's parameters.
 */
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

  /** The top-level class {@code <prefix><FlatName><suffix>} beside {@code type}, in its package. */
  static ClassName beside(TypeElement type, String prefix, String suffix) {
    return ClassName.get(packageOf(type).getQualifiedName().toString(), prefix + flatName(type) + suffix);
  }

  static PackageElement packageOf(TypeElement type) {
    Element element = type;
    while (!(element instanceof PackageElement)) {
      element = element.getEnclosingElement();
    }
    return (PackageElement) element;
  }

  /** {@code findAll} becomes {@code FIND_ALL}; the second overload of a name gets {@code _2}. */
  static String constantName(ExecutableElement method, Map<String, Integer> overloads) {
    String base = method.getSimpleName().toString().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    int count = overloads.merge(base, 1, Integer::sum);
    return count == 1 ? base : base + "_" + count;
  }

  /** {@code FIND_2} with suffix {@code Call} becomes {@code Find2Call}. */
  static String nestedTypeName(String constant, String suffix) {
    StringBuilder name = new StringBuilder();
    for (String part : constant.split("_")) {
      if (!part.isEmpty()) {
        name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return name + suffix;
  }

  /** {@code raw<variables>}, or {@code raw} when there are none. */
  static TypeName parameterized(ClassName raw, List<TypeVariableName> variables) {
    return variables.isEmpty() ? raw : ParameterizedTypeName.get(raw, variables.toArray(new TypeName[0]));
  }

  /**
   * The type variables of a nested class that carries one call of {@code method}: those of the
   * enclosing generated type, then the method's own.
   */
  static List<TypeVariableName> withMethodTypeVariables(List<TypeVariableName> typeVariables, ExecutableElement method) {
    List<TypeVariableName> variables = new ArrayList<>(typeVariables);
    method.getTypeParameters().forEach(parameter -> variables.add(TypeVariableName.get(parameter)));
    return variables;
  }

  /** {@code base}, with underscores appended until it is not in {@code taken}; then taken. */
  static String fresh(String base, Set<String> taken) {
    String name = base;
    while (taken.contains(name)) {
      name = name + "_";
    }
    taken.add(name);
    return name;
  }

  /** Whether a cast from {@code Object} to {@code type} is unchecked (and needs a suppression). */
  static boolean isUncheckedCast(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
        return true;
      case DECLARED:
        return !((DeclaredType) type).getTypeArguments().isEmpty();
      case ARRAY:
        return isUncheckedCast(((ArrayType) type).getComponentType());
      default:
        return false;
    }
  }

  /**
   * Whether {@code method} (seen as {@code resolved}) is varargs with a non-reifiable element type,
   * such as {@code T...} or {@code List<String>...}: a method implementing it needs
   * {@code @SafeVarargs} to compile without heap-pollution warnings.
   */
  static boolean hasGenericVarargs(ExecutableElement method, ExecutableType resolved) {
    if (!method.isVarArgs()) {
      return false;
    }
    List<? extends TypeMirror> parameters = resolved.getParameterTypes();
    return !isReifiable(((ArrayType) parameters.get(parameters.size() - 1)).getComponentType());
  }

  /** Whether an array of {@code type} keeps its element type at run time (no type variable, no type argument). */
  private static boolean isReifiable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
        return false;
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream().allMatch(argument -> argument.getKind() == TypeKind.WILDCARD
            && ((WildcardType) argument).getExtendsBound() == null && ((WildcardType) argument).getSuperBound() == null);
      case ARRAY:
        return isReifiable(((ArrayType) type).getComponentType());
      default:
        return true;
    }
  }
}

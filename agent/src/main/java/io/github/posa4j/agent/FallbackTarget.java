package io.github.posa4j.agent;

import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigValue;
import io.github.posa4j.resilience.AnnotatedMethod;
import java.util.List;
import java.util.concurrent.CompletionStage;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * The fallback method a woven method calls: one of its own class ({@code owner} null, which may be
 * private), or a static method of another class that configuration names as
 * {@code <FQCN>.<method>}.
 *
 * @param owner the class of a configured static fallback method, or null for the woven class
 * @param name the fallback method's name
 */
record FallbackTarget(String owner, String name) {

  /**
   * The fallback method of {@code method}: a {@code Fallback/fallbackMethod} key, else the
   * annotation's {@code fallbackMethod}; checked to exist with the same parameter types and a
   * compatible return type.
   *
   * @throws IllegalArgumentException saying what is missing or wrong
   */
  static FallbackTarget find(TypeDescription type, MethodDescription.InDefinedShape method, AnnotatedMethod described,
      Config configuration, TypePool pool, boolean async) {
    String name = configuration.get(described.key() + "/Fallback/fallbackMethod")
        .or(() -> configuration.get(type.getName() + "/" + method.getName() + "/Fallback/fallbackMethod"))
        .map(ConfigValue::value).map(String::trim)
        .orElseGet(() -> annotated(described));
    if (name.isEmpty()) {
      throw new IllegalArgumentException("the fallback names neither a handler nor a fallbackMethod");
    }
    int dot = name.lastIndexOf('.');
    String ownerName = dot < 0 ? null : name.substring(0, dot);
    String methodName = dot < 0 ? name : name.substring(dot + 1);
    TypeDescription owner = type;
    if (ownerName != null) {
      TypePool.Resolution resolution = pool.describe(ownerName);
      if (!resolution.isResolved()) {
        throw new IllegalArgumentException("fallback " + name + ": class " + ownerName + " not found");
      }
      owner = resolution.resolve();
    }
    List<String> parameters = described.parameterTypeNames();
    for (MethodDescription.InDefinedShape candidate : owner.getDeclaredMethods()) {
      if (candidate.getName().equals(methodName) && Planner.parameterTypeNames(candidate).equals(parameters)) {
        check(name, method, candidate, ownerName != null, async);
        return new FallbackTarget(ownerName, methodName);
      }
    }
    throw new IllegalArgumentException("fallback " + name + "(" + String.join(",", parameters) + ") not found in "
        + owner.getName() + "; it needs the same parameter types as " + method.getName());
  }

  /** How the report and {@code plan} name it. */
  String describe(String wovenClass) {
    return (owner == null ? wovenClass : owner) + "." + name;
  }

  private static String annotated(AnnotatedMethod described) {
    Fallback annotation = described.methodAnnotation(Fallback.class);
    if (annotation == null) {
      annotation = described.typeAnnotation(Fallback.class);
    }
    return annotation == null ? "" : annotation.fallbackMethod();
  }

  private static void check(String name, MethodDescription method, MethodDescription candidate, boolean configured,
      boolean async) {
    if (configured && !candidate.isStatic()) {
      throw new IllegalArgumentException("fallback " + name + " is not static; a configured fallback of another class must be static");
    }
    if (!configured && method.isStatic() && !candidate.isStatic()) {
      throw new IllegalArgumentException("fallback " + name + " is an instance method, but " + method.getName() + " is static");
    }
    TypeDescription returned = candidate.getReturnType().asErasure();
    TypeDescription expected = method.getReturnType().asErasure();
    boolean compatible = async ? returned.isAssignableTo(CompletionStage.class) : returned.isAssignableTo(expected);
    if (!compatible) {
      throw new IllegalArgumentException("fallback " + name + " returns " + returned.getName() + ", not " + expected.getName());
    }
  }
}

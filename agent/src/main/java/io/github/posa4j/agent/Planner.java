package io.github.posa4j.agent;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigValue;
import io.github.posa4j.resilience.AnnotatedMethod;
import io.github.posa4j.resilience.FallbackPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.github.posa4j.resilience.PolicyResolver;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Decides which methods of a class the agent weaves and with which policies, from the class file
 * alone: posa4j annotations on the method or the class, and method-level configuration keys.
 * Policies are resolved by the runtime's {@link PolicyResolver}, exactly as for generated code, and
 * registered in {@link FaultToleranceRegistry#global()}. Every problem is one log line naming the
 * method or key and saying what was done; that method stays unwoven, the rest of the class does not.
 */
final class Planner {
  private static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(CircuitBreaker.class, Retry.class, Timeout.class, Bulkhead.class, Fallback.class);

  private final KeyRules rules;
  private final AgentConfig config;
  private final AgentLog log;
  private final FaultToleranceRegistry registry;

  Planner(KeyRules rules, AgentConfig config, AgentLog log, FaultToleranceRegistry registry) {
    this.rules = rules;
    this.config = config;
    this.log = log;
    this.registry = registry;
  }

  /** A method and what to weave into it. */
  record Planned(MethodDescription.InDefinedShape method, MethodPlan plan) {}

  List<Planned> plan(TypeDescription type, TypePool pool, ClassLoader loader) {
    String className = type.getName();
    boolean decorated = DecoratedMarker.present(loader, className);
    boolean classLevel = mentionsAny(type.getInheritedAnnotations());
    List<KeyRules.MethodRule> keyRules = rules.rulesFor(className);
    Set<KeyRules.MethodRule> used = new HashSet<>();
    Config configuration = config.forLoader(loader);
    PolicyResolver resolver = new PolicyResolver(configuration);
    List<Planned> planned = new ArrayList<>();

    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      if (!method.isMethod()) {
        continue;
      }
      List<String> parameters = parameterTypeNames(method);
      List<KeyRules.MethodRule> matching = keyRules.stream().filter(r -> r.matches(method.getName(), parameters)).toList();
      boolean ownAnnotation = mentionsAny(method.getDeclaredAnnotations());
      boolean fromClass = classLevel && method.isPublic() && !method.isStatic();
      if (!ownAnnotation && !fromClass && matching.isEmpty()) {
        continue;
      }
      used.addAll(matching);
      String key = className + "/" + method.getName() + "(" + String.join(",", parameters) + ")";
      if (decorated && (ownAnnotation || fromClass)) {
        log.debug(key + " is protected by its generated decorator; left to it");
        matching.forEach(rules::matched);
        continue;
      }
      String notWeavable = notWeavable(method);
      if (notWeavable != null) {
        if (ownAnnotation || !matching.isEmpty()) {
          log.warn(key + " is " + notWeavable + ": only methods with a body of their own can be woven; left unwoven");
        }
        matching.forEach(rules::problem);
        continue;
      }
      try {
        AnnotatedMethod described = new DescribedMethod(type, method, parameters, loader);
        Optional<FaultTolerance> resolved = resolver.resolve(described, true);
        if (resolved.isEmpty()) {
          matching.forEach(rules::matched); // every policy is turned off by an enabled=false key
          continue;
        }
        boolean async = isAsync(method);
        String[] fallback = fallbackOf(type, method, parameters, resolved.get(), configuration, pool, described, async);
        String source = (ownAnnotation || fromClass) && !matching.isEmpty() ? "annotation and keys"
            : matching.isEmpty() ? "annotation" : "keys";
        FaultTolerance policies = registry.computeIfAbsent(key, k -> resolved.get());
        planned.add(new Planned(method, new MethodPlan(key, policies, source, fallback[0], fallback[1], async)));
        matching.forEach(rules::matched);
      } catch (RuntimeException | LinkageError e) {
        log.warn(key + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()) + "; left unwoven");
        matching.forEach(rules::problem);
      }
    }

    for (KeyRules.MethodRule rule : keyRules) {
      if (!used.contains(rule)) {
        rules.problem(rule); // reported here, not again at exit
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        if (rule.method().equals("<init>") || rule.method().equals(simpleName.substring(simpleName.lastIndexOf('$') + 1))) {
          log.warn("key " + rule.key() + " names a constructor: constructors are never woven; ignored");
        } else {
          log.warn("key " + rule.key() + " names no method " + rule.method()
              + (rule.parameters() == null ? "" : "(" + String.join(",", rule.parameters()) + ")")
              + " in " + className + "; ignored (check the name and the fully qualified parameter types)");
        }
      }
    }
    return planned;
  }

  /** Parameter types as {@link Class#getTypeName()} prints them, the form keys use. */
  static List<String> parameterTypeNames(MethodDescription method) {
    return method.getParameters().asTypeList().asErasures().stream().map(Planner::typeName).toList();
  }

  private static String typeName(TypeDefinition type) {
    return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.asErasure().getName();
  }

  private static String notWeavable(MethodDescription method) {
    if (method.isAbstract()) {
      return "abstract";
    }
    if (method.isNative()) {
      return "native";
    }
    if (method.isBridge()) {
      return "a bridge method";
    }
    if (method.isSynthetic()) {
      return "synthetic";
    }
    return null;
  }

  private static boolean mentionsAny(AnnotationList annotations) {
    for (Class<? extends Annotation> annotation : ANNOTATIONS) {
      if (annotations.isAnnotationPresent(annotation)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsync(MethodDescription method) {
    TypeDescription returned = method.getReturnType().asErasure();
    if (!returned.isAssignableTo(CompletionStage.class)) {
      return false;
    }
    if (!returned.represents(CompletionStage.class) && !returned.represents(CompletableFuture.class)) {
      throw new IllegalArgumentException("returns " + returned.getName()
          + ": an asynchronous method must return CompletionStage or CompletableFuture");
    }
    return true;
  }

  /**
   * The fallback method to call, as {class or null for the woven class, name}, or {null, null}
   * without one; checked to exist with the same parameters and a compatible return type.
   */
  private String[] fallbackOf(TypeDescription type, MethodDescription.InDefinedShape method, List<String> parameters,
      FaultTolerance policies, Config configuration, TypePool pool, AnnotatedMethod described, boolean async) {
    Optional<FallbackPolicy> fallback = policies.policies().stream()
        .filter(FallbackPolicy.class::isInstance).map(FallbackPolicy.class::cast).findFirst();
    if (fallback.isEmpty() || fallback.get().handler().isPresent()) {
      return new String[2];
    }
    String name = configuration.get(described.key() + "/Fallback/fallbackMethod")
        .or(() -> configuration.get(type.getName() + "/" + method.getName() + "/Fallback/fallbackMethod"))
        .map(ConfigValue::value).map(String::trim)
        .orElseGet(() -> {
          Fallback annotation = described.methodAnnotation(Fallback.class);
          if (annotation == null) {
            annotation = described.typeAnnotation(Fallback.class);
          }
          return annotation == null ? "" : annotation.fallbackMethod();
        });
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
    for (MethodDescription.InDefinedShape candidate : owner.getDeclaredMethods()) {
      if (candidate.getName().equals(methodName) && parameterTypeNames(candidate).equals(parameters)) {
        if (ownerName != null && !candidate.isStatic()) {
          throw new IllegalArgumentException("fallback " + name + " is not static; a configured fallback of another class must be static");
        }
        if (ownerName == null && method.isStatic() && !candidate.isStatic()) {
          throw new IllegalArgumentException("fallback " + name + " is an instance method, but " + method.getName() + " is static");
        }
        TypeDescription returned = candidate.getReturnType().asErasure();
        TypeDescription expected = method.getReturnType().asErasure();
        boolean compatible = async ? returned.isAssignableTo(CompletionStage.class) : returned.isAssignableTo(expected)
            || returned.equals(expected);
        if (!compatible) {
          throw new IllegalArgumentException("fallback " + name + " returns " + returned.getName() + ", not " + expected.getName());
        }
        return new String[] {ownerName, methodName};
      }
    }
    throw new IllegalArgumentException("fallback " + name + "(" + String.join(",", parameters) + ") not found in "
        + owner.getName() + "; it needs the same parameter types as " + method.getName());
  }

  /** A method of a class file being loaded, seen by {@link PolicyResolver}. */
  private record DescribedMethod(TypeDescription type, MethodDescription.InDefinedShape method, List<String> parameters,
      ClassLoader loader) implements AnnotatedMethod {

    @Override
    public String typeName() {
      return type.getName();
    }

    @Override
    public String name() {
      return method.getName();
    }

    @Override
    public List<String> parameterTypeNames() {
      return parameters;
    }

    @Override
    public boolean isPublic() {
      return method.isPublic();
    }

    @Override
    public ClassLoader classLoader() {
      return loader;
    }

    @Override
    public <A extends Annotation> A methodAnnotation(Class<A> annotationType) {
      return load(method.getDeclaredAnnotations(), annotationType);
    }

    @Override
    public <A extends Annotation> A typeAnnotation(Class<A> annotationType) {
      return load(type.getInheritedAnnotations(), annotationType);
    }

    private <A extends Annotation> A load(AnnotationList annotations, Class<A> annotationType) {
      AnnotationDescription found = annotations.ofType(annotationType);
      return found == null ? null : DescribedAnnotations.load(found, annotationType, loader);
    }
  }
}

package io.github.posa4j.agent;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import io.github.posa4j.config.Config;
import io.github.posa4j.resilience.AnnotatedMethod;
import io.github.posa4j.resilience.FallbackPolicy;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.Policy;
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
 * Policies are checked by the runtime's {@link PolicyResolver}, as for generated code, without
 * running any application code (the class is still being loaded); the woven method creates its
 * policies on its first call. Every problem is one log line naming the method or key and saying
 * what was done; that method stays unwoven, the rest of the class does not.
 */
final class Planner {
  private static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(CircuitBreaker.class, Retry.class, Timeout.class, Bulkhead.class, Fallback.class, LeaderOnly.class);

  private final KeyRules rules;
  private final AgentConfig config;
  private final AgentLog log;

  Planner(KeyRules rules, AgentConfig config, AgentLog log) {
    this.rules = rules;
    this.config = config;
    this.log = log;
  }

  /** A method and what to weave into it. */
  record Planned(MethodDescription.InDefinedShape method, MethodPlan plan) {}

  List<Planned> plan(TypeDescription type, TypePool pool, ClassLoader loader) {
    String className = type.getName();
    List<KeyRules.MethodRule> keyRules = rules.rulesFor(className);
    String decoratedType = DecoratedMarker.decoratedBy(loader, className);
    if (decoratedType != null) {
      for (KeyRules.MethodRule rule : keyRules) {
        log.warn("key " + rule.key() + " names " + className + ", the decorator posa4j's processor generated for "
            + decoratedType + "; the agent never weaves generated types (name " + decoratedType + " instead); ignored");
        rules.problem(rule);
      }
      return List.of();
    }
    if (!AgentVisibility.seenBy(loader)) {
      log.warn(className + ": its class loader (" + loader + ") cannot see the agent's classes, which woven code calls; "
          + "left unwoven");
      keyRules.forEach(rules::problem);
      return List.of();
    }
    boolean decorated = DecoratedMarker.present(loader, className);
    // As for the processor: a class-level annotation of the class itself selects its public methods.
    boolean classLevel = mentionsAny(type.getDeclaredAnnotations());
    Set<KeyRules.MethodRule> used = new HashSet<>();
    Config configuration = config.forLoader(loader);
    PolicyResolver resolver = PolicyResolver.checking(configuration);
    List<Planned> planned = new ArrayList<>();

    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      if (!method.isMethod() || method.isBridge()) {
        continue; // a bridge shares its key with the method it bridges to, which is woven
      }
      List<String> parameters = parameterTypeNames(method);
      List<KeyRules.MethodRule> matching = new ArrayList<>();
      for (KeyRules.MethodRule rule : keyRules) {
        if (rule.matches(method.getName(), parameters)) {
          matching.add(rule);
        }
      }
      boolean ownAnnotation = mentionsAny(method.getDeclaredAnnotations());
      boolean fromClass = classLevel && method.isPublic() && !method.isStatic();
      if (!ownAnnotation && !fromClass && matching.isEmpty()) {
        continue;
      }
      used.addAll(matching);
      String key = className + "/" + method.getName() + "(" + String.join(",", parameters) + ")";
      if (decorated && (ownAnnotation || fromClass)) {
        leaveToDecorator(key, matching);
        continue;
      }
      String notWeavable = notWeavable(method);
      if (notWeavable != null) {
        log.warn(key + " is " + notWeavable + ": only methods with a body of their own can be woven; left unwoven");
        matching.forEach(rules::problem);
        continue;
      }
      String refused = RefusedReturnTypes.reason(method.getReturnType().asErasure());
      if (refused != null) {
        log.warn(key + " " + refused + "; left unwoven");
        matching.forEach(rules::problem);
        continue;
      }
      try {
        AnnotatedMethod described = new DescribedMethod(type, method, parameters, loader);
        Optional<FaultTolerance> checked = resolver.resolve(described, true);
        if (checked.isEmpty()) {
          matching.forEach(rules::matched); // every policy is turned off by an enabled=false key
          continue;
        }
        boolean async = isAsync(method);
        FallbackTarget fallback = hasFallbackMethod(checked.get())
            ? FallbackTarget.find(type, method, described, configuration, pool, async) : null;
        String source = (ownAnnotation || fromClass) && !matching.isEmpty() ? "annotation and keys"
            : matching.isEmpty() ? "annotation" : "keys";
        planned.add(new Planned(method, new MethodPlan(key, checked.get(), source, fallback, async, decorated)));
        matching.forEach(rules::matched);
      } catch (RuntimeException | LinkageError e) {
        log.warn(key + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()) + "; left unwoven");
        matching.forEach(rules::problem);
      }
    }
    reportUnused(className, keyRules, used);
    return planned;
  }

  /**
   * A method of a class compiled with the processor: its generated decorator applies its
   * annotations and reads the configuration itself (the standard sources, not the agent's file),
   * so keys naming it are not woven; they would apply a second set of policies.
   */
  private void leaveToDecorator(String key, List<KeyRules.MethodRule> matching) {
    if (matching.isEmpty()) {
      log.debug(key + " is protected by its generated decorator; left to it");
      return;
    }
    for (KeyRules.MethodRule rule : matching) {
      log.warn("key " + rule.key() + " names " + key + ", which a generated decorator protects; the decorator reads "
          + "system properties, -Dposa4j.config and META-INF/posa4j.properties, not the agent's file; ignored");
      rules.problem(rule);
    }
  }

  private void reportUnused(String className, List<KeyRules.MethodRule> keyRules, Set<KeyRules.MethodRule> used) {
    for (KeyRules.MethodRule rule : keyRules) {
      if (used.contains(rule)) {
        continue;
      }
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

  private static boolean hasFallbackMethod(FaultTolerance policies) {
    for (Policy policy : policies.policies()) {
      if (policy instanceof FallbackPolicy fallback) {
        return fallback.handler().isEmpty();
      }
    }
    return false;
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

package io.github.posa4j.agent;

import io.github.posa4j.resilience.AnnotatedMethod;
import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.FaultToleranceRegistry;
import io.github.posa4j.resilience.PolicyResolver;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * What woven code needs about one method at run time: its policies, created on the first call
 * (the class is loaded by then, so a fallback handler may use it), and how to reach its own body
 * again (asynchronous attempts) and its fallback method. Reflection is resolved from the class the
 * advice runs in, and redone when a class of the same name from another loader calls.
 */
final class WovenMethod {
  final String key;
  private final String name;
  private final List<String> parameterTypes;
  private final FallbackTarget fallbackTarget;
  private final boolean keysOnly;
  private final AgentConfig config;
  private final AgentLog log;
  private static final MethodType SPREAD_BODY = MethodType.methodType(Object.class, Object.class, Object[].class);

  private volatile FaultTolerance policies;
  private volatile Resolved<Body> body;
  private volatile Resolved<Method> fallback;

  WovenMethod(MethodPlan plan, String name, List<String> parameterTypes, AgentConfig config, AgentLog log) {
    this.key = plan.key();
    this.name = name;
    this.parameterTypes = List.copyOf(parameterTypes);
    this.fallbackTarget = plan.fallback();
    this.keysOnly = plan.keysOnly();
    this.config = config;
    this.log = log;
  }

  /** The policies, created on the first call from the annotations of the loaded class and the configuration. */
  FaultTolerance policies(Class<?> type) {
    FaultTolerance current = policies;
    return current != null ? current : create(type);
  }

  boolean hasFallbackMethod() {
    return fallbackTarget != null;
  }

  private synchronized FaultTolerance create(Class<?> type) {
    if (policies == null) {
      FaultTolerance created;
      try {
        AnnotatedMethod method = AnnotatedMethod.of(type, type.getDeclaredMethod(name, parameterClasses(type.getClassLoader())));
        created = new PolicyResolver(config.forLoader(type.getClassLoader()))
            .resolve(keysOnly ? new WithoutAnnotations(method) : method, true)
            .orElseGet(() -> FaultTolerance.builder(key).build());
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // Checked when the class loaded, so only a change since (a system property, a class) gets here.
        log.error(key + ": its policies cannot be created (" + e + "); it runs without them");
        created = FaultTolerance.builder(key).build();
      }
      FaultTolerance resolved = created;
      policies = FaultToleranceRegistry.global().computeIfAbsent(key, k -> resolved);
    }
    return policies;
  }

  /**
   * The woven method's own body in {@code type}: the separate body method of a class woven as it
   * loaded ({@link WrapperWriter}), or else the woven method itself, under advice. Decided per
   * class, since one key may be woven one way in one class loader and the other way in another.
   * Called without virtual dispatch (as a decorator's {@code super.m()} is), so that an override
   * in a subclass is not run in its place.
   */
  Body body(Class<?> type) throws ReflectiveOperationException {
    Resolved<Body> found = body;
    if (found == null || found.type != type) {
      Class<?>[] parameters = parameterClasses(type.getClassLoader());
      Method method;
      boolean underAdvice;
      try {
        method = type.getDeclaredMethod(name + WrapperWriter.BODY_SUFFIX, parameters);
        underAdvice = false;
      } catch (NoSuchMethodException notWrapped) {
        method = type.getDeclaredMethod(name, parameters);
        underAdvice = true;
      }
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      boolean isStatic = Modifier.isStatic(method.getModifiers());
      MethodHandle handle = isStatic ? lookup.unreflect(method) : lookup.unreflectSpecial(method, type);
      // Fixed arity: a varargs method gets its array as it is, not collected once more.
      handle = handle.asFixedArity().asSpreader(Object[].class, method.getParameterCount());
      if (isStatic) {
        handle = MethodHandles.dropArguments(handle, 0, Object.class);
      }
      found = new Resolved<>(type, new Body(handle.asType(SPREAD_BODY), underAdvice));
      body = found;
    }
    return found.value;
  }

  /**
   * A woven method's body: a handle of type {@code (Object self, Object[] arguments)Object}, for
   * {@code invokeExact} ({@code self} ignored for a static method, the arguments spread and
   * unboxed, the result boxed, {@code null} for {@code void}), and whether it is the woven method
   * itself, whose advice must then be told to step aside.
   */
  record Body(MethodHandle handle, boolean underAdvice) {}

  /** The fallback method: in {@code type}, or the configured static method of another class. */
  Method fallback(Class<?> type) throws ReflectiveOperationException {
    Resolved<Method> found = fallback;
    if (found == null || found.type != type) {
      Class<?> owner = fallbackTarget.owner() == null ? type : Class.forName(fallbackTarget.owner(), false, type.getClassLoader());
      Method method = owner.getDeclaredMethod(fallbackTarget.name(), parameterClasses(type.getClassLoader()));
      method.setAccessible(true); // unlike a generated subclass, the agent may call a private fallback method
      found = new Resolved<>(type, method);
      fallback = found;
    }
    return found.value;
  }

  private Class<?>[] parameterClasses(ClassLoader loader) throws ClassNotFoundException {
    Class<?>[] classes = new Class<?>[parameterTypes.size()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = TypeNames.load(parameterTypes.get(i), loader);
    }
    return classes;
  }

  /** A reflective lookup and the woven class it was made for. */
  private record Resolved<T>(Class<?> type, T value) {}

  /** A method of a class with a generated decorator: the decorator owns its annotations, only keys apply here. */
  private record WithoutAnnotations(AnnotatedMethod method) implements AnnotatedMethod {
    @Override
    public String typeName() {
      return method.typeName();
    }

    @Override
    public String name() {
      return method.name();
    }

    @Override
    public List<String> parameterTypeNames() {
      return method.parameterTypeNames();
    }

    @Override
    public boolean isPublic() {
      return method.isPublic();
    }

    @Override
    public ClassLoader classLoader() {
      return method.classLoader();
    }

    @Override
    public <A extends Annotation> A methodAnnotation(Class<A> type) {
      return null;
    }

    @Override
    public <A extends Annotation> A typeAnnotation(Class<A> type) {
      return null;
    }
  }
}

package io.github.posa4j.resilience;

import io.github.posa4j.config.Config;
import io.github.posa4j.internal.InstalledObservers;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the one {@link FaultTolerance} of each method lives, keyed by
 * {@code <FQCN>/<method>(<param type>,...)}: every instance of a class, generated decorators and
 * woven advice alike, share it. Policies are created on first use, reading the configuration then.
 */
public final class FaultToleranceRegistry {
  private static final FaultToleranceRegistry GLOBAL = observed(new FaultToleranceRegistry(Config::standard));

  private final Function<ClassLoader, Config> configFor;
  private final ConcurrentHashMap<String, FaultTolerance> policies = new ConcurrentHashMap<>();
  private final List<FaultToleranceListener> listeners = new CopyOnWriteArrayList<>();
  /** Guards the two lists below, so that each registration listener hears of each policy set exactly once. */
  private final Object registrations = new Object();
  private final List<Consumer<? super FaultTolerance>> registrationListeners = new ArrayList<>();
  private final List<FaultTolerance> registered = new ArrayList<>();

  /** A registry reading policies' configuration through {@code configFor(class loader of the type)}. */
  public FaultToleranceRegistry(Function<ClassLoader, Config> configFor) {
    this.configFor = configFor;
  }

  /** Installs the listeners that observability provides ({@link InstalledObservers}). */
  private static FaultToleranceRegistry observed(FaultToleranceRegistry registry) {
    InstalledObservers.of(FaultToleranceListener.class).forEach(registry::addListener);
    InstalledObservers.of(RegistrationListener.class).forEach(registry::addRegistrationListener);
    return registry;
  }

  /**
   * The registry that generated code and the agent use, reading {@link Config#standard}, with
   * the listeners observability installs: posa4j's Flight Recorder events and, if turned on, its
   * MBeans (see {@code io.github.posa4j.observe.Observability}).
   */
  public static FaultToleranceRegistry global() {
    return GLOBAL;
  }

  /**
   * The policies of the method {@code name(parameterTypes)} of {@code type}, declared there or
   * inherited, created from its annotations and the configuration on first use. A method without
   * any policy gets a {@link FaultTolerance} that only calls through.
   *
   * @throws IllegalArgumentException when there is no such method
   * @throws InvalidPolicyException when an attribute is out of range
   * @throws io.github.posa4j.config.ConfigException when a configured value cannot be parsed
   */
  public FaultTolerance forMethod(Class<?> type, String name, Class<?>... parameterTypes) {
    String key = PolicyResolver.methodKey(type, name, parameterTypes);
    FaultTolerance existing = policies.get(key);
    if (existing != null) {
      return existing;
    }
    Method method = findMethod(type, name, parameterTypes);
    return computeIfAbsent(key, k -> new PolicyResolver(configFor.apply(type.getClassLoader()))
        .resolve(type, method, false)
        .orElseGet(() -> FaultTolerance.builder(k).build()));
  }

  /**
   * The policies under {@code key}, created by {@code factory} if there are none yet. When two
   * threads create them at once, both get the one registered first.
   */
  public FaultTolerance computeIfAbsent(String key, Function<String, FaultTolerance> factory) {
    FaultTolerance existing = policies.get(key);
    if (existing != null) {
      return existing;
    }
    // Created outside the map: creating runs application code (a fallback handler's constructor,
    // class initialisers) that may itself ask this registry for a policy.
    FaultTolerance created = factory.apply(key);
    created.shareListeners(listeners);
    FaultTolerance raced = policies.putIfAbsent(key, created);
    if (raced != null) {
      return raced;
    }
    synchronized (registrations) {
      registered.add(created);
      // Copies: a listener may create policies or add a listener itself, on this thread.
      for (Consumer<? super FaultTolerance> listener : List.copyOf(registrationListeners)) {
        tellRegistered(listener, created);
      }
    }
    return created;
  }

  /**
   * Calls {@code listener} with every policy set registered so far, then with each one registered
   * later, once each, on the thread that registers it: for observers such as JMX and metrics
   * bindings. A listener that throws is logged and kept.
   */
  public void addRegistrationListener(Consumer<? super FaultTolerance> listener) {
    synchronized (registrations) {
      registrationListeners.add(listener);
      for (FaultTolerance policySet : List.copyOf(registered)) {
        tellRegistered(listener, policySet);
      }
    }
  }

  private static void tellRegistered(Consumer<? super FaultTolerance> listener, FaultTolerance policies) {
    try {
      listener.accept(policies);
    } catch (RuntimeException e) {
      System.getLogger(FaultToleranceRegistry.class.getName()).log(System.Logger.Level.WARNING,
          "a registration listener failed for " + policies.method() + "; ignored", e);
    }
  }

  /** The policies registered under {@code key}, if any. */
  public Optional<FaultTolerance> find(String key) {
    return Optional.ofNullable(policies.get(key));
  }

  /** Every policy set created so far. */
  public Collection<FaultTolerance> all() {
    return List.copyOf(policies.values());
  }

  /** Adds a listener to every policy set, present and future. */
  public void addListener(FaultToleranceListener listener) {
    listeners.add(listener);
  }

  private static Method findMethod(Class<?> type, String name, Class<?>[] parameterTypes) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredMethod(name, parameterTypes);
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
    }
    try {
      return type.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no method " + PolicyResolver.methodKey(type, name, parameterTypes)
          + " to protect; check the name and parameter types", e);
    }
  }
}

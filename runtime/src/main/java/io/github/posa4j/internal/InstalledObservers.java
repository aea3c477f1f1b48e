package io.github.posa4j.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The observers that {@link ObserverProvider}s install into the patterns' hooks. The providers are
 * looked up once, with {@link ServiceLoader}, in the class loader of the runtime; a pattern asks
 * for its hooks once, from its class initialiser, and keeps them in static final fields, so that
 * calling them costs no more than calling a static method.
 */
public final class InstalledObservers {
  private static final int MAX_ERRORS = 16;
  private static final List<ObserverProvider> PROVIDERS = load();

  private InstalledObservers() {}

  /** Every installed observer of type {@code hook}, provider by provider. */
  public static <T> List<T> of(Class<T> hook) {
    List<T> observers = new ArrayList<>();
    for (ObserverProvider provider : PROVIDERS) {
      try {
        observers.addAll(provider.observers(hook));
      } catch (RuntimeException | LinkageError e) {
        warn("the observer provider " + provider.getClass().getName() + " failed to give its " + hook.getSimpleName()
            + "s; they are left out", e);
      }
    }
    return List.copyOf(observers);
  }

  /**
   * The installed observer of type {@code hook}, for a hook that takes one: the first provider's,
   * or {@code none} if no provider has one.
   */
  public static <T> T one(Class<T> hook, T none) {
    List<T> observers = of(hook);
    return observers.isEmpty() ? none : observers.get(0);
  }

  private static List<ObserverProvider> load() {
    ClassLoader loader = InstalledObservers.class.getClassLoader();
    // On the boot class path (the agent may put the runtime there) the platform loader delegates to it.
    ServiceLoader<ObserverProvider> services = ServiceLoader.load(ObserverProvider.class,
        loader != null ? loader : ClassLoader.getPlatformClassLoader());
    List<ObserverProvider> providers = new ArrayList<>();
    Iterator<ObserverProvider> iterator = services.iterator();
    // Each error moves the iterator past the provider or file at fault; the bound only guards against one that does not.
    for (int errors = 0; errors < MAX_ERRORS; ) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        providers.add(iterator.next());
      } catch (ServiceConfigurationError e) {
        // a provider of another copy of the runtime, or a broken one: skip it, keep the others
        warn("an observer provider cannot be loaded; it is left out", e);
        errors++;
      }
    }
    return List.copyOf(providers);
  }

  private static void warn(String message, Throwable cause) {
    System.getLogger(InstalledObservers.class.getName()).log(System.Logger.Level.WARNING, "posa4j: " + message, cause);
  }
}

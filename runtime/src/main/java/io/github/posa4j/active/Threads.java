package io.github.posa4j.active;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * The factories of dedicated threads. Virtual threads are reached through method handles, so that
 * this release-17 code uses them on Java 21 and later and falls back to platform threads before.
 */
final class Threads {
  private Threads() {}

  /** {@code Thread.ofVirtual()}, or {@code null} before Java 21. */
  private static final MethodHandle OF_VIRTUAL;

  /** {@code Thread.Builder.name(String)} and {@code Thread.Builder.factory()}. */
  private static final MethodHandle NAME;
  private static final MethodHandle FACTORY;

  static final boolean VIRTUAL_THREADS_AVAILABLE;

  static {
    MethodHandle ofVirtual = null;
    MethodHandle name = null;
    MethodHandle factory = null;
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtualBuilder = Class.forName("java.lang.Thread$Builder$OfVirtual");
      ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualBuilder));
      name = lookup.findVirtual(builder, "name", MethodType.methodType(builder, String.class));
      factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
    } catch (ReflectiveOperationException | SecurityException before21) {
      ofVirtual = null;
    }
    OF_VIRTUAL = ofVirtual;
    NAME = name;
    FACTORY = factory;
    VIRTUAL_THREADS_AVAILABLE = ofVirtual != null;
  }

  /** Platform threads named {@code name}, not daemons. */
  static ThreadFactory platform(String name) {
    return task -> new Thread(task, name);
  }

  /** Virtual threads named {@code name}; platform threads before Java 21. */
  static ThreadFactory virtual(String name) {
    if (OF_VIRTUAL == null) {
      return platform(name);
    }
    try {
      Object builder = OF_VIRTUAL.invoke();
      return (ThreadFactory) FACTORY.invoke(NAME.invoke(builder, name));
    } catch (Throwable unexpected) {
      throw new IllegalStateException("cannot create a virtual thread factory on this runtime", unexpected);
    }
  }
}

package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a class loader sees the agent's own classes, which woven code calls: true for the
 * application class path, which the agent jar joins, and for loaders that delegate to it; false
 * for the bootstrap loader and for isolated loaders, whose classes the agent must leave alone.
 */
final class AgentVisibility {
  private static final Map<ClassLoader, Boolean> SEEN = new WeakHashMap<>();

  private AgentVisibility() {}

  static synchronized boolean seenBy(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    return SEEN.computeIfAbsent(loader, AgentVisibility::resolvesToOurs);
  }

  private static boolean resolvesToOurs(ClassLoader loader) {
    try {
      return Class.forName(Woven.class.getName(), false, loader) == Woven.class
          && Class.forName(FaultTolerance.class.getName(), false, loader) == FaultTolerance.class;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}

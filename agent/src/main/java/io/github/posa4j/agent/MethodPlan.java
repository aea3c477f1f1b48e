package io.github.posa4j.agent;

import io.github.posa4j.resilience.FaultTolerance;
import io.github.posa4j.resilience.Policy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the agent decided for one method: its policies, where they came from, and the fallback
 * method to call, if any. {@link Weaver} weaves it; the {@code plan} command prints it.
 *
 * @param key the method's key, {@code <FQCN>/<method>(<param type>,...)}
 * @param checked the policies as checked while the class loads; for reports only (a fallback
 *     handler in them is not constructed); the woven method creates its own on its first call
 * @param source {@code annotation}, {@code keys} or {@code annotation and keys}
 * @param fallback the fallback method to call, or null
 * @param async whether the method returns a {@code CompletionStage}
 * @param keysOnly whether only keys apply: the class has a generated decorator for its annotations
 */
record MethodPlan(String key, FaultTolerance checked, String source, FallbackTarget fallback, boolean async,
    boolean keysOnly) {

  /** One line for the startup report. */
  String describe() {
    List<Policy> all = checked.policies();
    String className = key.substring(0, key.indexOf('/'));
    return key + (async ? " (async)" : "") + ": "
        + all.stream().map(Object::toString).collect(Collectors.joining(", "))
        + (fallback == null ? "" : " -> fallback " + fallback.describe(className)) + " [from " + source + "]";
  }
}

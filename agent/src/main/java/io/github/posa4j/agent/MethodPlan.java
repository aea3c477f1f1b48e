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
 * @param policies the resolved policies
 * @param source {@code annotation}, {@code keys} or {@code annotation and keys}
 * @param fallbackClass the class of a configured static fallback method, or null
 * @param fallbackMethod the fallback method's name, or null
 * @param async whether the method returns a {@code CompletionStage}
 */
record MethodPlan(String key, FaultTolerance policies, String source, String fallbackClass, String fallbackMethod,
    boolean async) {

  /** One line for the startup report. */
  String describe() {
    List<Policy> all = policies.policies();
    String fallback = fallbackMethod == null ? "" : " -> fallback "
        + (fallbackClass == null ? "" : fallbackClass + ".") + fallbackMethod;
    return key + (async ? " (async)" : "") + ": "
        + all.stream().map(Object::toString).collect(Collectors.joining(", ")) + fallback + " [from " + source + "]";
  }
}

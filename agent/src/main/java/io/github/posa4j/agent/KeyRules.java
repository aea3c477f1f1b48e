package io.github.posa4j.agent;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration keys that name methods, {@code <FQCN>/<method>[(<param type>,...)]/<Annotation>/<attribute>},
 * grouped by class: they decide which classes are worth examining and which methods keys alone
 * protect. Every key is checked once, when the agent starts; a malformed one is reported and
 * ignored. Which keys matched a method is remembered, for the warning at exit.
 */
final class KeyRules {
  static final Map<String, Set<String>> ATTRIBUTES = attributes();

  private final Map<String, List<MethodRule>> byClass = new LinkedHashMap<>();
  private final Set<String> matched = ConcurrentHashMap.newKeySet();
  private final Set<String> problems = ConcurrentHashMap.newKeySet();
  private int malformed;

  /** The method-level keys among {@code keys}; problems go to {@code log}. */
  static KeyRules of(Iterable<String> keys, AgentLog log) {
    KeyRules rules = new KeyRules();
    for (String key : keys) {
      rules.add(key.trim(), log);
    }
    return rules;
  }

  private void add(String key, AgentLog log) {
    String[] parts = key.split("/");
    if (parts.length < 2 || parts.length > 4) {
      log.warn("key " + key + " is not <Annotation>/<attribute>, <class>/<Annotation>/<attribute> or "
          + "<class>/<method>/<Annotation>/<attribute>; ignored");
      malformed++;
      return;
    }
    String annotation = parts[parts.length - 2];
    String attribute = parts[parts.length - 1];
    Set<String> known = ATTRIBUTES.get(annotation);
    if (known == null) {
      log.warn("key " + key + " names no posa4j annotation '" + annotation + "'; ignored (annotations: "
          + String.join(", ", ATTRIBUTES.keySet()) + ")");
      malformed++;
      return;
    }
    if (!known.contains(attribute)) {
      log.warn("key " + key + " names no attribute '" + attribute + "' of " + annotation + "; ignored (attributes: "
          + String.join(", ", known) + ")");
      malformed++;
      return;
    }
    if (parts.length < 4) {
      return; // class and global keys only adjust annotations; PolicyResolver reads them
    }
    String method = parts[1];
    List<String> parameters = null;
    int open = method.indexOf('(');
    if (open >= 0) {
      if (!method.endsWith(")")) {
        log.warn("key " + key + " has an unclosed parameter list; ignored (write <method>(<type>,<type>))");
        malformed++;
        return;
      }
      String list = method.substring(open + 1, method.length() - 1).replace(" ", "");
      parameters = list.isEmpty() ? List.of() : List.of(list.split(","));
      method = method.substring(0, open);
    }
    byClass.computeIfAbsent(parts[0], c -> new ArrayList<>())
        .add(new MethodRule(key, parts[0], method, parameters, annotation, attribute));
  }

  /** Whether any key names a method of this class. */
  boolean namesClass(String className) {
    return byClass.containsKey(className);
  }

  /** The classes keys name. */
  Set<String> classes() {
    return byClass.keySet();
  }

  /** The rules naming methods of {@code className}. */
  List<MethodRule> rulesFor(String className) {
    return byClass.getOrDefault(className, List.of());
  }

  /** Remembers that {@code rule} applied to a method. */
  void matched(MethodRule rule) {
    matched.add(rule.key());
  }

  /** Remembers that a problem with {@code rule} was reported: it names no weavable method, or one left unwoven. */
  void problem(MethodRule rule) {
    problems.add(rule.key());
  }

  /** The rules that have neither matched a method nor been reported so far: their class was never seen. */
  List<MethodRule> unmatched() {
    List<MethodRule> unmatched = new ArrayList<>();
    byClass.values().forEach(rules -> rules.stream()
        .filter(r -> !matched.contains(r.key()) && !problems.contains(r.key()))
        .forEach(unmatched::add));
    return unmatched;
  }

  /** True when every key was well formed and every method-level key applied to a woven method. */
  boolean allApplied() {
    return malformed == 0 && problems.isEmpty() && unmatched().isEmpty();
  }

  /** The number of method-level keys. */
  int size() {
    return byClass.values().stream().mapToInt(List::size).sum();
  }

  /** One method-level key. {@code parameters} is null when the key names every overload. */
  record MethodRule(String key, String className, String method, List<String> parameters,
      String annotation, String attribute) {

    boolean matches(String name, List<String> parameterTypes) {
      return method.equals(name) && (parameters == null || parameters.equals(parameterTypes));
    }

    /** The method as the key names it, e.g. {@code com.acme.Pay/charge} or {@code com.acme.Pay/charge(int)}. */
    String target() {
      return className + "/" + method + (parameters == null ? "" : "(" + String.join(",", parameters) + ")");
    }
  }

  private static Map<String, Set<String>> attributes() {
    Map<String, Set<String>> attributes = new LinkedHashMap<>();
    for (Class<?> annotation : List.of(CircuitBreaker.class, Retry.class, Timeout.class, Bulkhead.class, Fallback.class,
        LeaderOnly.class)) {
      Set<String> names = new LinkedHashSet<>();
      Arrays.stream(annotation.getDeclaredMethods()).map(Method::getName).sorted().forEach(names::add);
      names.add("enabled");
      attributes.put(annotation.getSimpleName(), names);
    }
    return attributes;
  }
}

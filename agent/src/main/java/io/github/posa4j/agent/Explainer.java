package io.github.posa4j.agent;

import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigValue;
import io.github.posa4j.resilience.BulkheadPolicy;
import io.github.posa4j.resilience.CircuitBreakerPolicy;
import io.github.posa4j.resilience.FallbackPolicy;
import io.github.posa4j.resilience.LeaderOnlyPolicy;
import io.github.posa4j.resilience.Policy;
import io.github.posa4j.resilience.RetryPolicy;
import io.github.posa4j.resilience.TimeoutPolicy;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * For the {@code plan} command: every attribute of every policy of a planned method, with its
 * effective value and where it comes from: {@code key <key>}, {@code annotation}, or
 * {@code default}. Keys are looked up in {@code PolicyResolver}'s order: the method with its
 * parameter types, the method, the class (for a class-level annotation), then the global key.
 */
final class Explainer {
  private static final Map<Class<? extends Policy>, Class<? extends Annotation>> ANNOTATION_OF = Map.of(
      FallbackPolicy.class, Fallback.class, RetryPolicy.class, Retry.class,
      CircuitBreakerPolicy.class, CircuitBreaker.class, TimeoutPolicy.class, Timeout.class,
      BulkheadPolicy.class, Bulkhead.class, LeaderOnlyPolicy.class, LeaderOnly.class);

  private final Config config;

  Explainer(Config config) {
    this.config = config;
  }

  List<String> explain(TypeDescription type, Planner.Planned planned, ClassLoader loader) {
    List<String> lines = new ArrayList<>();
    String key = planned.plan().key();
    String methodName = planned.method().getName();
    for (Policy policy : planned.plan().checked().policies()) {
      Class<? extends Annotation> annotationType = ANNOTATION_OF.get(policy.getClass());
      AnnotationDescription onMethod = planned.method().getDeclaredAnnotations().ofType(annotationType);
      AnnotationDescription onClass = onMethod == null && planned.method().isPublic()
          ? type.getInheritedAnnotations().ofType(annotationType) : null;
      Annotation annotation = onMethod != null ? DescribedAnnotations.load(onMethod, annotationType, loader)
          : onClass != null ? DescribedAnnotations.load(onClass, annotationType, loader) : null;
      String name = annotationType.getSimpleName();
      lines.add(name + ":");
      for (Method attribute : sortedAttributes(annotationType)) {
        String suffix = name + "/" + attribute.getName();
        Optional<ConfigValue> value = config.get(key + "/" + suffix)
            .or(() -> config.get(type.getName() + "/" + methodName + "/" + suffix))
            .or(() -> onClass != null ? config.get(type.getName() + "/" + suffix) : Optional.empty())
            .or(() -> config.get(suffix));
        if (value.isPresent()) {
          lines.add("  " + attribute.getName() + "=" + value.get().value().trim() + "  (key " + value.get().key() + ")");
          continue;
        }
        Object defaultValue = attribute.getDefaultValue();
        Object actual = annotation == null ? defaultValue : invoke(attribute, annotation);
        boolean isDefault = Objects.deepEquals(actual, defaultValue);
        lines.add("  " + attribute.getName() + "=" + format(actual) + (isDefault ? "  (default)" : "  (annotation)"));
      }
    }
    if (planned.plan().fallback() != null) {
      lines.add("calls fallback method " + planned.plan().fallback().describe(type.getName()));
    }
    return lines;
  }

  private static List<Method> sortedAttributes(Class<? extends Annotation> annotationType) {
    return Arrays.stream(annotationType.getDeclaredMethods()).sorted(Comparator.comparing(Method::getName)).toList();
  }

  private static Object invoke(Method attribute, Annotation annotation) {
    try {
      return attribute.invoke(annotation);
    } catch (ReflectiveOperationException e) {
      return "<" + e.getCause() + ">";
    }
  }

  private static String format(Object value) {
    if (value instanceof Class<?> type) {
      return type.getName();
    }
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(Explainer::format).collect(Collectors.joining(",", "{", "}"));
    }
    return String.valueOf(value);
  }
}

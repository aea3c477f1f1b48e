package io.github.posa4j.processor;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * posa4j's annotations by canonical name, and their mirrors on elements. The processor never
 * loads an annotation class: javac may run it with only the processor jar on its processor path,
 * the annotations being on the class path of the code it compiles.
 */
final class AnnotationNames {
  private static final String PACKAGE = "io.github.posa4j.annotation.";

  static final String ACTIVE_OBJECT = PACKAGE + "ActiveObject";
  static final String GUARD = PACKAGE + "Guard";
  static final String PROXY = PACKAGE + "Proxy";
  static final String PUBLISHER = PACKAGE + "Publisher";
  static final String CIRCUIT_BREAKER = PACKAGE + "CircuitBreaker";
  static final String RETRY = PACKAGE + "Retry";
  static final String TIMEOUT = PACKAGE + "Timeout";
  static final String BULKHEAD = PACKAGE + "Bulkhead";
  static final String FALLBACK = PACKAGE + "Fallback";
  static final String LEADER_ONLY = PACKAGE + "LeaderOnly";
  static final String COMMAND_PROCESSOR = PACKAGE + "CommandProcessor";
  static final String UNDO = PACKAGE + "Undo";
  static final String READ_ONLY = PACKAGE + "ReadOnly";

  /** The resilience annotations, {@link #LEADER_ONLY} among them: the policies of the call protocol. */
  static final List<String> RESILIENCE = List.of(CIRCUIT_BREAKER, RETRY, TIMEOUT, BULKHEAD, FALLBACK, LEADER_ONLY);

  private AnnotationNames() {}

  /** {@code Retry} for {@code io.github.posa4j.annotation.Retry}. */
  static String simpleName(String canonicalName) {
    return canonicalName.substring(canonicalName.lastIndexOf('.') + 1);
  }

  /** The canonical name of the annotation {@code mirror} stands for. */
  static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The annotation named {@code canonicalName} on {@code element} itself (not inherited), if any. */
  static Optional<AnnotationMirror> mirror(Element element, String canonicalName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (nameOf(mirror).equals(canonicalName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value given explicitly to {@code attribute} of {@code mirror}; empty when it has its default. */
  static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String attribute) {
    return mirror.getElementValues().entrySet().stream()
        .filter(entry -> entry.getKey().getSimpleName().contentEquals(attribute))
        .map(entry -> (AnnotationValue) entry.getValue())
        .findFirst();
  }
}

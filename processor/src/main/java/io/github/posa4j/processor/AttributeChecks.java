package io.github.posa4j.processor;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Checks the attributes of resilience annotations against the ranges the runtime enforces, so
 * that a bad value is a compile error on the annotation instead of a failure at startup.
 */
final class AttributeChecks {
  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  AttributeChecks(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  void check(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = mirror.getAnnotationType().asElement().getSimpleName().toString();
      Values values = new Values(element, mirror, name);
      switch (AnnotationNames.nameOf(mirror)) {
        case AnnotationNames.CIRCUIT_BREAKER:
          values.require("delay", values.number("delay") >= 0, "must be >= 0");
          values.require("requestVolumeThreshold", values.number("requestVolumeThreshold") >= 1, "must be >= 1");
          double ratio = values.decimal("failureRatio");
          values.require("failureRatio", ratio >= 0 && ratio <= 1, "must be in [0,1]");
          values.require("successThreshold", values.number("successThreshold") >= 1, "must be >= 1");
          break;
        case AnnotationNames.RETRY:
          values.require("maxRetries", values.number("maxRetries") >= -1, "must be >= -1 (-1 retries forever)");
          values.require("delay", values.number("delay") >= 0, "must be >= 0");
          values.require("maxDuration", values.number("maxDuration") >= 0, "must be >= 0 (0 for no limit)");
          values.require("jitter", values.number("jitter") >= 0, "must be >= 0");
          long maxDuration = values.nanos("maxDuration", "durationUnit");
          long delay = values.nanos("delay", "delayUnit");
          values.require("maxDuration", maxDuration <= 0 || maxDuration > delay,
              "must be 0 or longer than delay (" + values.raw("delay") + " " + values.raw("delayUnit") + ")");
          break;
        case AnnotationNames.TIMEOUT:
          values.require("value", values.number("value") >= 0, "must be >= 0 (0 for no timeout)");
          break;
        case AnnotationNames.BULKHEAD:
          values.require("value", values.number("value") >= 1, "must be >= 1");
          values.require("waitingTaskQueue", values.number("waitingTaskQueue") >= 1, "must be >= 1");
          break;
        case AnnotationNames.LEADER_ONLY:
          if (values.text("value").isBlank()) {
            values.report("value", Messages.leaderOnlyWithoutElection());
          }
          break;
        default:
          break;
      }
    }
  }

  /** The attribute values of one annotation, defaults included. */
  private final class Values {
    private final Element element;
    private final AnnotationMirror mirror;
    private final String annotation;
    private final Map<String, AnnotationValue> values = new HashMap<>();

    Values(Element element, AnnotationMirror mirror, String annotation) {
      this.element = element;
      this.mirror = mirror;
      this.annotation = annotation;
      environment.getElementUtils().getElementValuesWithDefaults(mirror)
          .forEach((ExecutableElement attribute, AnnotationValue value) ->
              values.put(attribute.getSimpleName().toString(), value));
    }

    Object raw(String attribute) {
      Object value = values.get(attribute).getValue();
      return value instanceof VariableElement ? ((VariableElement) value).getSimpleName() : value;
    }

    long number(String attribute) {
      return ((Number) values.get(attribute).getValue()).longValue();
    }

    String text(String attribute) {
      return (String) values.get(attribute).getValue();
    }

    double decimal(String attribute) {
      return ((Number) values.get(attribute).getValue()).doubleValue();
    }

    long nanos(String amount, String unit) {
      long value = number(amount);
      if (value <= 0) {
        return value;
      }
      ChronoUnit chronoUnit = ChronoUnit.valueOf(raw(unit).toString());
      try {
        return chronoUnit.getDuration().multipliedBy(value).toNanos();
      } catch (ArithmeticException tooLarge) {
        return Long.MAX_VALUE;
      }
    }

    void require(String attribute, boolean valid, String rule) {
      if (!valid) {
        report(attribute, Messages.invalidAttribute(annotation, attribute, raw(attribute), rule));
      }
    }

    void report(String attribute, String message) {
      reporter.error(element, mirror, values.get(attribute), message);
    }
  }
}

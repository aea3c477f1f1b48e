package io.github.posa4j.processor;

import com.google.auto.service.AutoService;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Generated;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * posa4j's annotation processor. It runs one {@link ProcessingStep} per annotation family over the
 * annotated types of each round; a type that the processor generated itself is never processed,
 * and an unexpected exception becomes an "internal error" on the element, never a javac crash.
 *
 * <p>Isolating for Gradle's incremental compilation: each generated file depends only on its
 * annotated type (declared with {@code addOriginatingElement}).
 */
@AutoService(Processor.class)
public final class Posa4jProcessor extends AbstractProcessor {
  /** The value of the {@code @Generated} annotation on every generated type. */
  static final String GENERATOR = Posa4jProcessor.class.getName();

  private List<ProcessingStep> steps;
  private Reporter reporter;

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    reporter = new Reporter(environment.getMessager());
    steps = List.of(new ActiveObjectStep(environment, reporter), new ProxyStep(environment, reporter),
        new PublisherStep(environment, reporter), new ResilienceStep(environment, reporter));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return steps.stream()
        .flatMap(step -> step.annotations().stream())
        .map(Class::getCanonicalName)
        .collect(Collectors.toSet());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (ProcessingStep step : steps) {
      Set<TypeElement> types = new LinkedHashSet<>();
      for (Class<? extends Annotation> annotation : step.annotations()) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          Element type = element instanceof TypeElement ? element : element.getEnclosingElement();
          if (type instanceof TypeElement && !isGenerated(type)) {
            types.add((TypeElement) type);
          }
        }
      }
      types.forEach(type -> processSafely(step, type));
    }
    return false;
  }

  private void processSafely(ProcessingStep step, TypeElement type) {
    try {
      step.process(type);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.error(type, Messages.internalError(step.annotations().iterator().next().getSimpleName(), e));
    }
  }

  private static boolean isGenerated(Element element) {
    Generated generated = element.getAnnotation(Generated.class);
    if (generated == null) {
      return false;
    }
    for (String value : generated.value()) {
      if (value.startsWith("io.github.posa4j.processor")) {
        return true;
      }
    }
    return false;
  }
}

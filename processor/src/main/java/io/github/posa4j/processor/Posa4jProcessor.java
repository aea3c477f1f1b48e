package io.github.posa4j.processor;

import com.google.auto.service.AutoService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * posa4j's annotation processor. It runs one {@link ProcessingStep} per annotation family over the
 * annotated types of each round; a type that the processor generated itself is never processed,
 * and an unexpected exception becomes an "internal error" on the element, never a javac crash.
 *
 * <p>A type that refers to a type javac cannot resolve yet (one that another processor generates)
 * is deferred to the next round, and retried each round; what still does not resolve in the last
 * round is reported on the element that refers to it.
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
  private TypeResolution resolution;
  /** Per step, the canonical names of deferred types, each with the annotation that found it. */
  private final Map<ProcessingStep, Map<String, String>> deferred = new LinkedHashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    reporter = new Reporter(environment.getMessager());
    resolution = new TypeResolution(environment.getElementUtils());
    steps = List.of(new ActiveObjectStep(environment, reporter), new ProxyStep(environment, reporter),
        new PublisherStep(environment, reporter), new ResilienceStep(environment, reporter),
        new CommandProcessorStep(environment, reporter));
    steps.forEach(step -> deferred.put(step, new LinkedHashMap<>()));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return steps.stream().flatMap(step -> step.annotations().stream()).collect(Collectors.toSet());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (ProcessingStep step : steps) {
      typesFor(step, round).forEach((type, annotation) -> processOrDefer(step, type, annotation, round.processingOver()));
    }
    return false;
  }

  /**
   * The types {@code step} handles this round: those deferred before, then those annotated in
   * this round, each with the first of the step's annotations that found it.
   */
  private Map<TypeElement, String> typesFor(ProcessingStep step, RoundEnvironment round) {
    Elements elements = processingEnv.getElementUtils();
    Map<TypeElement, String> types = new LinkedHashMap<>();
    deferred.get(step).forEach((name, annotation) -> {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        types.putIfAbsent(type, annotation);
      }
    });
    deferred.get(step).clear();
    for (String annotation : step.annotations()) {
      TypeElement annotationType = elements.getTypeElement(annotation);
      if (annotationType == null) {
        continue; // not on the class path, so nothing in this compilation carries it
      }
      for (Element element : round.getElementsAnnotatedWith(annotationType)) {
        Element type = element instanceof TypeElement ? element : element.getEnclosingElement();
        if (type instanceof TypeElement && !isGenerated(type)) {
          types.putIfAbsent((TypeElement) type, annotation);
        }
      }
    }
    return types;
  }

  private void processOrDefer(ProcessingStep step, TypeElement type, String annotation, boolean lastRound) {
    Optional<TypeResolution.Unresolved> unresolved = resolution.firstUnresolved(type);
    if (unresolved.isEmpty()) {
      processSafely(step, type, annotation);
    } else if (!lastRound && type.getQualifiedName().length() > 0) {
      deferred.get(step).put(type.getQualifiedName().toString(), annotation);
    } else {
      reporter.error(unresolved.get().element(), Messages.unresolvedType(AnnotationNames.simpleName(annotation),
          type.getQualifiedName().toString(), unresolved.get().type()));
    }
  }

  private void processSafely(ProcessingStep step, TypeElement type, String annotation) {
    try {
      step.process(type);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      reporter.error(type, Messages.internalError(AnnotationNames.simpleName(annotation),
          type.getQualifiedName().toString(), e));
    }
  }

  /** Whether posa4j generated {@code element}: its {@code @Generated} names this processor. */
  private static boolean isGenerated(Element element) {
    Optional<AnnotationMirror> generated = AnnotationNames.mirror(element, GeneratedAnnotation.NAME);
    if (generated.isEmpty()) {
      return false;
    }
    Object value = AnnotationNames.explicitValue(generated.get(), "value").map(AnnotationValue::getValue).orElse(List.of());
    for (Object generator : value instanceof List ? (List<?>) value : List.of(value)) {
      Object name = generator instanceof AnnotationValue ? ((AnnotationValue) generator).getValue() : generator;
      if (String.valueOf(name).startsWith("io.github.posa4j.processor")) {
        return true;
      }
    }
    return false;
  }
}

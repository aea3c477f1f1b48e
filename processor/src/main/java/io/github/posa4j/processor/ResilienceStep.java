package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.github.posa4j.annotation.Bulkhead;
import io.github.posa4j.annotation.CircuitBreaker;
import io.github.posa4j.annotation.Fallback;
import io.github.posa4j.annotation.Retry;
import io.github.posa4j.annotation.Timeout;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Resilience annotations in a class or interface: validates every annotated method and the type,
 * then writes {@code Resilient<Name>} with {@link ResilienceGenerator}.
 */
final class ResilienceStep implements ProcessingStep {
  static final Set<Class<? extends Annotation>> ANNOTATIONS =
      Set.of(CircuitBreaker.class, Retry.class, Timeout.class, Bulkhead.class, Fallback.class);

  private final ProcessingEnvironment environment;
  private final Reporter reporter;
  private final AttributeChecks attributes;
  private final FallbackMethods fallbacks;

  ResilienceStep(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
    this.attributes = new AttributeChecks(environment, reporter);
    this.fallbacks = new FallbackMethods(environment, reporter);
  }

  @Override
  public Set<Class<? extends Annotation>> annotations() {
    return ANNOTATIONS;
  }

  @Override
  public void process(TypeElement type) {
    List<ExecutableElement> protectedMethods = protectedMethods(type);
    if (!hasOwnAnnotation(type) && protectedMethods.stream().noneMatch(this::hasOwnAnnotation)) {
      return; // the annotations are only inherited from a superclass, whose decorator applies them
    }
    int errorsBefore = reporter.errorCount();
    validateType(type);
    attributes.check(type);
    for (ExecutableElement method : protectedMethods) {
      validateMethod(method);
      attributes.check(method);
      fallbacks.check(type, method);
    }
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    JavaFile decorator = new ResilienceGenerator(environment, type, protectedMethods).javaFile();
    GeneratedFiles.write(decorator, environment.getFiler());
    GeneratedFiles.writeDecoratedMarker(type, ClassName.get(decorator.packageName(), decorator.typeSpec().name()),
        environment.getElementUtils(), environment.getFiler());
  }

  /**
   * The methods the decorator protects: those with a resilience annotation of their own, and,
   * when the type has one, every public (for interfaces: every abstract or default) instance method.
   */
  private List<ExecutableElement> protectedMethods(TypeElement type) {
    boolean typeLevel = hasOwnAnnotation(type);
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (hasOwnAnnotation(method)) {
        methods.add(method);
      } else if (typeLevel
          && !method.getModifiers().contains(Modifier.STATIC)
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && (type.getKind().isInterface()
              || (method.getModifiers().contains(Modifier.PUBLIC) && !method.getModifiers().contains(Modifier.FINAL)))) {
        methods.add(method);
      }
    }
    return methods;
  }

  private boolean hasOwnAnnotation(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = mirror.getAnnotationType().toString();
      for (Class<? extends Annotation> annotation : ANNOTATIONS) {
        if (annotation.getCanonicalName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private void validateType(TypeElement type) {
    String annotation = firstAnnotationName(type);
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(type, Messages.resilienceOnPrivateType());
    }
    if (type.getKind() == ElementKind.INTERFACE) {
      checkGeneratedName(type);
      return;
    }
    if (type.getKind() != ElementKind.CLASS) {
      reporter.error(type, Messages.resilienceOnFinalClass(annotation));
      return;
    }
    if (type.getModifiers().contains(Modifier.FINAL)) {
      reporter.error(type, Messages.resilienceOnFinalClass(annotation));
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(type, Messages.resilienceOnAbstractClass());
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(type, Messages.resilienceOnInnerClass());
    }
    boolean accessibleConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(constructor -> !constructor.getModifiers().contains(Modifier.PRIVATE));
    if (!accessibleConstructor) {
      reporter.error(type, Messages.resilienceWithoutConstructor());
    }
    checkGeneratedName(type);
  }

  private void checkGeneratedName(TypeElement type) {
    String generated = GeneratedNames.packageOf(type).getQualifiedName() + "."
        + ResilienceGenerator.PREFIX + GeneratedNames.flatName(type);
    if (environment.getElementUtils().getTypeElement(generated) != null) {
      reporter.error(type, Messages.generatedNameClash(generated, firstAnnotationName(type)));
    }
  }

  private void validateMethod(ExecutableElement method) {
    String annotation = firstAnnotationName(method);
    for (Modifier modifier : List.of(Modifier.FINAL, Modifier.PRIVATE, Modifier.STATIC)) {
      if (method.getModifiers().contains(modifier)) {
        reporter.error(method, Messages.resilienceOnMethodWith(annotation, modifier.toString()));
      }
    }
    if (ResilienceGenerator.isCompletionStage(environment, method.getReturnType())
        && !ResilienceGenerator.isSupportedAsyncType(environment, method.getReturnType())) {
      reporter.error(method, Messages.asyncReturnType(method.getReturnType().toString()));
    }
  }

  private String firstAnnotationName(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = mirror.getAnnotationType().asElement().getSimpleName().toString();
      for (Class<? extends Annotation> annotation : ANNOTATIONS) {
        if (annotation.getSimpleName().equals(name)) {
          return name;
        }
      }
    }
    if (element instanceof TypeElement) {
      for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
        if (hasOwnAnnotation(method)) {
          return firstAnnotationName(method);
        }
      }
    }
    Element enclosing = element.getEnclosingElement();
    return enclosing instanceof TypeElement ? firstAnnotationName(enclosing) : "Retry";
  }
}

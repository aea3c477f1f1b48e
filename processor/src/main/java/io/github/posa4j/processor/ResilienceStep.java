package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Resilience annotations in a class or interface: validates its {@link ResilienceModel}, every
 * protected method and the type, then writes {@code Resilient<Name>} with
 * {@link ResilienceGenerator}.
 */
final class ResilienceStep implements ProcessingStep {
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
  public List<String> annotations() {
    return AnnotationNames.RESILIENCE;
  }

  @Override
  public void process(TypeElement type) {
    ResilienceModel model = ResilienceModel.of(type);
    if (!model.appliesHere()) {
      return;
    }
    int errorsBefore = reporter.errorCount();
    validateType(model);
    attributes.check(type);
    for (ExecutableElement method : model.protectedMethods()) {
      validateMethod(method);
      attributes.check(method);
      fallbacks.check(type, method);
    }
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    JavaFile decorator = new ResilienceGenerator(environment, model).javaFile();
    GeneratedFiles.write(decorator, environment.getFiler());
    GeneratedFiles.writeDecoratedMarker(type, ClassName.get(decorator.packageName(), decorator.typeSpec().name()),
        environment.getElementUtils(), environment.getFiler());
  }

  private void validateType(ResilienceModel model) {
    TypeElement type = model.type();
    String annotation = ResilienceModel.annotationName(type);
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(type, Messages.resilienceOnPrivateType());
    }
    if (type.getKind() == ElementKind.INTERFACE) {
      checkGeneratedName(model);
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
    checkGeneratedName(model);
  }

  private void checkGeneratedName(ResilienceModel model) {
    String generated = model.decoratorClass().canonicalName();
    if (environment.getElementUtils().getTypeElement(generated) != null) {
      reporter.error(model.type(), Messages.generatedNameClash(generated, ResilienceModel.annotationName(model.type())));
    }
  }

  private void validateMethod(ExecutableElement method) {
    String annotation = ResilienceModel.annotationName(method);
    for (Modifier modifier : List.of(Modifier.FINAL, Modifier.PRIVATE, Modifier.STATIC)) {
      if (method.getModifiers().contains(modifier)) {
        reporter.error(method, Messages.resilienceOnMethodWith(annotation, modifier.toString()));
      }
    }
    TypeMirror returnType = method.getReturnType();
    if (CompletionStages.isCompletionStage(environment, returnType) && !CompletionStages.isSupported(environment, returnType)) {
      reporter.error(method, Messages.asyncReturnType(returnType.toString()));
    }
    Optional<String> refused = RefusedReturnTypes.of(environment.getTypeUtils(), returnType);
    if (refused.isPresent()) {
      String erased = environment.getTypeUtils().erasure(returnType).toString();
      reporter.error(method, Messages.refusedReturnType(annotation, returnType.toString(), refused.get(),
          erased.equals(refused.get())));
    }
  }
}

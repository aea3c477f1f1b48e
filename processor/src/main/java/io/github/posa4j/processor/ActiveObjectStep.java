package io.github.posa4j.processor;

import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * {@code @ActiveObject} on a class, and {@code @Guard} on its methods: validates the servant and
 * its guards in its {@link ActiveObjectModel}, then writes {@code <Name>ActiveObject} with
 * {@link ActiveObjectGenerator}.
 */
final class ActiveObjectStep implements ProcessingStep {
  /** Methods of the generated class that a servant method of the same name would clash with. */
  private static final Set<String> LIFECYCLE_METHODS = Set.of("start", "close", "shutdownNow", "pendingRequests");

  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  ActiveObjectStep(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  @Override
  public List<String> annotations() {
    return List.of(AnnotationNames.ACTIVE_OBJECT, AnnotationNames.GUARD);
  }

  @Override
  public void process(TypeElement type) {
    ActiveObjectModel model = ActiveObjectModel.of(environment, type);
    if (!model.annotated()) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (model.guard(method).isPresent()) {
          reporter.error(method, guardMirror(method), Messages.guardOutsideActiveObject(type.getSimpleName().toString()));
        }
      }
      return;
    }
    int errorsBefore = reporter.errorCount();
    validateType(model);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    validateMethods(model);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    GeneratedFiles.write(new ActiveObjectGenerator(environment, model).javaFile(), environment.getFiler());
  }

  private void validateType(ActiveObjectModel model) {
    TypeElement type = model.servant();
    if (type.getKind() != ElementKind.CLASS) {
      reporter.error(type, Messages.activeObjectNotOnClass(Messages.kindOf(type.getKind())));
      return;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(type, Messages.activeObjectOnAbstractClass());
    }
    if (type.getModifiers().contains(Modifier.FINAL)) {
      reporter.error(type, Messages.activeObjectOnFinalClass());
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(type, Messages.activeObjectOnInnerClass());
    }
    if (PrivateTypes.isPrivateOrInPrivate(type)) {
      reporter.error(type, Messages.activeObjectOnPrivateClass());
    }
    String generated = model.activeObjectClass().canonicalName();
    if (environment.getElementUtils().getTypeElement(generated) != null) {
      reporter.error(type, Messages.generatedNameClash(generated, "ActiveObject"));
    }
  }

  private void validateMethods(ActiveObjectModel model) {
    TypeElement type = model.servant();
    List<ExecutableElement> methods = model.methods();
    if (methods.isEmpty()) {
      reporter.error(type, Messages.activeObjectWithoutPublicMethods());
      return;
    }
    for (ExecutableElement method : methods) {
      Element where = method.getEnclosingElement().equals(type) ? method : type;
      if (LIFECYCLE_METHODS.contains(method.getSimpleName().toString())) {
        reporter.error(where, Messages.servantMethodNamedLikeLifecycle(method.getSimpleName().toString()));
      }
      model.guard(method).ifPresent(guard -> checkGuard(type, method, guard, where));
      String hidden = PrivateTypes.privateTypeIn(method);
      if (hidden != null) {
        reporter.error(where, Messages.servantMethodUsesPrivateType(method.getSimpleName().toString(), hidden));
      }
      for (TypeParameterElement parameter : method.getTypeParameters()) {
        if (type.getTypeParameters().stream().anyMatch(own -> own.getSimpleName().equals(parameter.getSimpleName()))) {
          reporter.error(where, Messages.methodTypeParameterHidesClassOne(
              method.getSimpleName().toString(), parameter.getSimpleName().toString()));
        }
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (model.guard(method).isPresent() && !methods.contains(method)) {
        boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
        reporter.error(method, guardMirror(method), isStatic
            ? Messages.guardOnStaticMethod() : Messages.guardOnNonPublicMethod());
      }
    }
  }

  /** The guard names a no-argument, non-static, accessible {@code boolean} method of the servant. */
  private void checkGuard(TypeElement type, ExecutableElement method, String name, Element where) {
    ExecutableElement guard = guardMethod(type, name);
    if (guard == null) {
      boolean exists = ElementFilter.methodsIn(environment.getElementUtils().getAllMembers(type)).stream()
          .anyMatch(candidate -> candidate.getSimpleName().contentEquals(name));
      guardError(method, where, exists
          ? Messages.guardWithParameters(name) : Messages.guardMissing(name, type.getSimpleName().toString()));
    } else if (guard.getReturnType().getKind() != TypeKind.BOOLEAN) {
      guardError(method, where, Messages.guardNotBoolean(name, guard.getReturnType().toString()));
    } else if (guard.getModifiers().contains(Modifier.STATIC)) {
      guardError(method, where, Messages.guardStatic(name));
    } else if (guard.getModifiers().contains(Modifier.PRIVATE)) {
      guardError(method, where, Messages.guardPrivate(name));
    } else if (!guard.getModifiers().contains(Modifier.PUBLIC)
        && !GeneratedNames.packageOf((TypeElement) guard.getEnclosingElement()).equals(GeneratedNames.packageOf(type))) {
      guardError(method, where, Messages.guardInaccessible(name));
    } else {
      for (TypeMirror thrown : guard.getThrownTypes()) {
        if (isChecked(thrown)) {
          guardError(method, where, Messages.guardThrowsChecked(name, thrown.toString()));
        }
      }
    }
  }

  private boolean isChecked(TypeMirror exception) {
    Types types = environment.getTypeUtils();
    Elements elements = environment.getElementUtils();
    return !types.isAssignable(exception, elements.getTypeElement("java.lang.RuntimeException").asType())
        && !types.isAssignable(exception, elements.getTypeElement("java.lang.Error").asType());
  }

  /** On the guard's value when the method is the servant's own; on the servant when inherited. */
  private void guardError(ExecutableElement method, Element where, String message) {
    if (where.equals(method)) {
      AnnotationMirror mirror = guardMirror(method);
      AnnotationValue value = guardValue(mirror);
      if (value != null) {
        reporter.error(method, mirror, value, message);
      } else {
        reporter.error(method, mirror, message);
      }
    } else {
      reporter.error(where, method.getSimpleName() + ": " + message);
    }
  }

  /** The no-argument method {@code name} of {@code servant}, declared or inherited; {@code null} if none. */
  private ExecutableElement guardMethod(TypeElement servant, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(environment.getElementUtils().getAllMembers(servant))) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty()) {
        return method;
      }
    }
    return null;
  }

  private static AnnotationMirror guardMirror(ExecutableElement method) {
    return AnnotationNames.mirror(method, AnnotationNames.GUARD)
        .orElseThrow(() -> new IllegalStateException("no @Guard on " + method));
  }

  private static AnnotationValue guardValue(AnnotationMirror mirror) {
    return AnnotationNames.explicitValue(mirror, "value").orElse(null);
  }
}

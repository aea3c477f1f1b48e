package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * An {@code @ActiveObject} servant as {@link ActiveObjectStep} validates it and
 * {@link ActiveObjectGenerator} serves it.
 *
 * @param servant the annotated class (or a type that only has {@code @Guard} methods)
 * @param annotated whether {@code servant} carries {@code @ActiveObject} itself
 * @param activeObjectClass the generated {@code <Name>ActiveObject}
 * @param methods the servant methods that become method requests, see {@link ServantMethods}
 * @param guards the guard named by the {@code @Guard} of each guarded method, among
 *     {@code methods} and the servant's own methods
 */
record ActiveObjectModel(TypeElement servant, boolean annotated, ClassName activeObjectClass,
    List<ExecutableElement> methods, Map<ExecutableElement, String> guards) {
  static final String SUFFIX = "ActiveObject";

  static ActiveObjectModel of(ProcessingEnvironment environment, TypeElement servant) {
    List<ExecutableElement> methods = ServantMethods.of(environment.getElementUtils(), environment.getTypeUtils(), servant);
    Map<ExecutableElement, String> guards = new LinkedHashMap<>();
    methods.forEach(method -> guardOf(method).ifPresent(guard -> guards.put(method, guard)));
    ElementFilter.methodsIn(servant.getEnclosedElements())
        .forEach(method -> guardOf(method).ifPresent(guard -> guards.put(method, guard)));
    return new ActiveObjectModel(servant, AnnotationNames.mirror(servant, AnnotationNames.ACTIVE_OBJECT).isPresent(),
        GeneratedNames.beside(servant, "", SUFFIX), methods, guards);
  }

  /** The guard of {@code method}: the method named by its {@code @Guard}, if it has one. */
  Optional<String> guard(ExecutableElement method) {
    return Optional.ofNullable(guards.get(method));
  }

  private static Optional<String> guardOf(ExecutableElement method) {
    return AnnotationNames.mirror(method, AnnotationNames.GUARD)
        .map(mirror -> AnnotationNames.explicitValue(mirror, "value").map(AnnotationValue::getValue).orElse(""))
        .map(String::valueOf);
  }
}

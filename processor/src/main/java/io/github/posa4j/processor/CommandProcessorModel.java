package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A {@code @CommandProcessor} receiver as {@link CommandProcessorStep} validates it and
 * {@link CommandProcessorGenerator} serves it.
 *
 * @param receiver the annotated class (or a type that only has {@code @Undo} or {@code @ReadOnly} methods)
 * @param annotated whether {@code receiver} carries {@code @CommandProcessor} itself
 * @param commandsClass the generated {@code <Name>Commands}
 * @param codecsClass the generated {@code <Name>Codecs}
 * @param methods the receiver's public instance methods, declared or inherited, as {@link ServantMethods}
 *     finds them, less {@code Snapshottable.snapshot()}: the commands and the read-only methods
 * @param readOnly the methods marked {@code @ReadOnly}, among {@code methods} and the receiver's own
 * @param undo the inverse named by the {@code @Undo} of each method that has one, among
 *     {@code methods} and the receiver's own
 * @param snapshotState the {@code S} of {@code Snapshottable<S>}, when the receiver implements it
 */
record CommandProcessorModel(TypeElement receiver, boolean annotated, ClassName commandsClass, ClassName codecsClass,
    List<ExecutableElement> methods, Set<ExecutableElement> readOnly, Map<ExecutableElement, String> undo,
    Optional<TypeMirror> snapshotState) {
  static final String SNAPSHOTTABLE = "io.github.posa4j.command.Snapshottable";

  static CommandProcessorModel of(ProcessingEnvironment environment, TypeElement receiver) {
    Elements elements = environment.getElementUtils();
    Types types = environment.getTypeUtils();
    Optional<ExecutableElement> snapshot = snapshotMethod(elements, types, receiver);
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ServantMethods.of(elements, types, receiver)) {
      if (snapshot.isEmpty() || !elements.overrides(method, snapshot.get(), receiver)) {
        methods.add(method);
      }
    }
    List<ExecutableElement> annotatable = new ArrayList<>(methods);
    annotatable.addAll(ElementFilter.methodsIn(receiver.getEnclosedElements()));
    Set<ExecutableElement> readOnly = new LinkedHashSet<>();
    Map<ExecutableElement, String> undo = new LinkedHashMap<>();
    for (ExecutableElement method : annotatable) {
      if (AnnotationNames.mirror(method, AnnotationNames.READ_ONLY).isPresent()) {
        readOnly.add(method);
      }
      AnnotationNames.mirror(method, AnnotationNames.UNDO)
          .map(mirror -> AnnotationNames.explicitValue(mirror, "value").map(AnnotationValue::getValue).orElse(""))
          .ifPresent(inverse -> undo.put(method, String.valueOf(inverse)));
    }
    Optional<TypeMirror> state = snapshot.map(method ->
        ((ExecutableType) types.asMemberOf((DeclaredType) receiver.asType(), method)).getReturnType());
    return new CommandProcessorModel(receiver, AnnotationNames.mirror(receiver, AnnotationNames.COMMAND_PROCESSOR).isPresent(),
        GeneratedNames.beside(receiver, "", "Commands"), GeneratedNames.beside(receiver, "", "Codecs"),
        List.copyOf(methods), readOnly, undo, state);
  }

  /** {@code Snapshottable.snapshot()}, when {@code receiver} implements {@code Snapshottable}. */
  private static Optional<ExecutableElement> snapshotMethod(Elements elements, Types types, TypeElement receiver) {
    TypeElement snapshottable = elements.getTypeElement(SNAPSHOTTABLE);
    if (snapshottable == null
        || !types.isAssignable(types.erasure(receiver.asType()), types.erasure(snapshottable.asType()))) {
      return Optional.empty();
    }
    return ElementFilter.methodsIn(snapshottable.getEnclosedElements()).stream()
        .filter(method -> method.getSimpleName().contentEquals("snapshot") && method.getParameters().isEmpty())
        .findFirst();
  }

  boolean isReadOnly(ExecutableElement method) {
    return readOnly.contains(method);
  }

  /** The inverse named by the {@code @Undo} of {@code method}, if it has one. */
  Optional<String> undo(ExecutableElement method) {
    return Optional.ofNullable(undo.get(method));
  }

  /** The methods that are commands: those not read-only, in order. */
  List<ExecutableElement> commands() {
    return methods.stream().filter(method -> !isReadOnly(method)).toList();
  }
}

package io.github.posa4j.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * {@code @CommandProcessor} on a class, and {@code @Undo} and {@code @ReadOnly} on its methods:
 * validates the receiver in its {@link CommandProcessorModel}, including that posa4j can encode
 * the parameters and results of its commands ({@link CodecTypes}), then writes
 * {@code <Name>Codecs} with {@link CodecsGenerator} and {@code <Name>Commands} with
 * {@link CommandProcessorGenerator}.
 *
 * <p>{@code @Undo} and {@code @ReadOnly} in a class without {@code @CommandProcessor} are errors,
 * except in an abstract class or an interface, whose methods an annotated subclass inherits.
 */
final class CommandProcessorStep implements ProcessingStep {
  /** Methods of the generated class that a receiver method of the same name would clash with. */
  private static final Set<String> ENTRY_POINTS =
      Set.of("open", "undo", "redo", "macro", "snapshot", "close", "shutdownNow", "pendingRequests");

  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  CommandProcessorStep(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  @Override
  public List<String> annotations() {
    return List.of(AnnotationNames.COMMAND_PROCESSOR, AnnotationNames.UNDO, AnnotationNames.READ_ONLY);
  }

  @Override
  public void process(TypeElement type) {
    CommandProcessorModel model = CommandProcessorModel.of(environment, type);
    if (!model.annotated()) {
      if (!type.getModifiers().contains(Modifier.ABSTRACT)) {
        reportOutside(type);
      }
      return;
    }
    int errorsBefore = reporter.errorCount();
    validateType(model);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    CodecTypes codecTypes = new CodecTypes(model.codecsClass().packageName());
    validateMethods(model, codecTypes);
    validateSnapshots(model, codecTypes);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    CodecsModel codecs = codecs(model, codecTypes);
    if (!codecs.isEmpty() && exists(model.codecsClass())) {
      reporter.error(type, Messages.generatedNameClash(model.codecsClass().canonicalName(), "CommandProcessor"));
      return;
    }
    if (!codecs.isEmpty()) {
      GeneratedFiles.write(new CodecsGenerator(environment.getElementUtils(), codecs).javaFile(), environment.getFiler());
    }
    GeneratedFiles.write(new CommandProcessorGenerator(environment, model, codecs).javaFile(), environment.getFiler());
  }

  private void reportOutside(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      for (String annotation : List.of(AnnotationNames.UNDO, AnnotationNames.READ_ONLY)) {
        AnnotationNames.mirror(method, annotation).ifPresent(mirror -> reporter.error(method, mirror,
            Messages.undoOutsideCommandProcessor(AnnotationNames.simpleName(annotation), type.getSimpleName().toString())));
      }
    }
  }

  private void validateType(CommandProcessorModel model) {
    TypeElement type = model.receiver();
    if (type.getKind() != ElementKind.CLASS) {
      reporter.error(type, Messages.commandProcessorNotOnClass(Messages.kindOf(type.getKind())));
      return;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(type, Messages.commandProcessorOnAbstractClass());
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(type, Messages.commandProcessorOnInnerClass());
    }
    if (PrivateTypes.isPrivateOrInPrivate(type)) {
      reporter.error(type, Messages.commandProcessorOnPrivateClass());
    }
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(type, Messages.commandProcessorOnGenericClass(type.getTypeParameters().stream()
          .map(parameter -> parameter.getSimpleName().toString()).collect(Collectors.joining(", ", "<", ">"))));
    }
    if (exists(model.commandsClass())) {
      reporter.error(type, Messages.generatedNameClash(model.commandsClass().canonicalName(), "CommandProcessor"));
    }
  }

  private boolean exists(ClassName generated) {
    return environment.getElementUtils().getTypeElement(generated.canonicalName()) != null;
  }

  private void validateMethods(CommandProcessorModel model, CodecTypes codecTypes) {
    TypeElement type = model.receiver();
    if (model.commands().isEmpty()) {
      reporter.error(type, Messages.commandProcessorWithoutCommands());
      return;
    }
    Set<String> commandNames = new HashSet<>();
    for (ExecutableElement method : model.methods()) {
      Element where = method.getEnclosingElement().equals(type) ? method : type;
      String name = method.getSimpleName().toString();
      boolean readOnly = model.isReadOnly(method);
      if (ENTRY_POINTS.contains(name)) {
        reporter.error(where, Messages.receiverMethodNamedLikeEntryPoint(name, model.commandsClass().simpleName()));
      }
      ExecutableType resolved = resolved(type, method);
      TypeMirror returnType = resolved.getReturnType();
      boolean asynchronous = isAsynchronous(returnType);
      if (asynchronous) {
        reporter.error(where, Messages.commandReturnsFuture(readOnly ? "read-only method" : "command", name,
            returnType.toString()));
      }
      if (readOnly) {
        String hidden = PrivateTypes.privateTypeIn(method);
        if (hidden != null) {
          reporter.error(where, Messages.readOnlyUsesPrivateType(name, hidden));
        }
        if (model.undo(method).isPresent()) {
          undoError(method, where, Messages.undoOnReadOnly());
        }
        continue;
      }
      if (!commandNames.add(name)) {
        reporter.error(where, Messages.overloadedCommand(name));
      }
      if (!method.getTypeParameters().isEmpty()) {
        reporter.error(where, Messages.genericCommand(name, method.getTypeParameters().stream()
            .map(parameter -> parameter.getSimpleName().toString()).collect(Collectors.joining(", ", "<", ">"))));
        continue;
      }
      checkCodecs(method, resolved, where, codecTypes, asynchronous);
      model.undo(method).ifPresent(inverse -> checkUndo(type, method, resolved, inverse, where));
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (model.methods().contains(method)) {
        continue;
      }
      boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
      for (String annotation : List.of(AnnotationNames.UNDO, AnnotationNames.READ_ONLY)) {
        AnnotationNames.mirror(method, annotation).ifPresent(mirror -> reporter.error(method, mirror,
            Messages.commandAnnotationOnNonCommand(AnnotationNames.simpleName(annotation), isStatic)));
      }
    }
  }

  /** Every parameter of a command, and its result, must have a type posa4j can encode. */
  private void checkCodecs(ExecutableElement method, ExecutableType resolved, Element where, CodecTypes codecTypes,
      boolean asynchronous) {
    String name = method.getSimpleName().toString();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      Optional<CodecTypes.Unsupported> unsupported = codecTypes.analyze(resolved.getParameterTypes().get(i)).unsupported();
      if (unsupported.isPresent()) {
        reporter.error(where == method ? parameter : where, Messages.unencodable(
            Messages.commandParameterSubject(parameter.getSimpleName().toString(), name), unsupported.get(),
            Messages.commandCodecFix()));
      }
    }
    TypeMirror returnType = resolved.getReturnType();
    if (returnType.getKind() != TypeKind.VOID && !asynchronous) {
      codecTypes.analyze(returnType).unsupported().ifPresent(unsupported -> reporter.error(where,
          Messages.unencodable(Messages.commandResultSubject(name), unsupported, Messages.commandCodecFix())));
    }
  }

  /** The inverse exists, fits the command's parameters (and result), returns void and can be called. */
  private void checkUndo(TypeElement type, ExecutableElement method, ExecutableType resolved, String name, Element where) {
    List<ExecutableElement> candidates = UndoMethods.named(environment.getElementUtils(), type, name);
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.add(simpleName(resolved.getParameterTypes().get(i)) + " " + method.getParameters().get(i).getSimpleName());
    }
    TypeMirror result = resolved.getReturnType();
    String expected = Messages.inverseSignatures(name, parameters,
        result.getKind() == TypeKind.VOID ? null : simpleName(result) + " result");
    if (candidates.isEmpty()) {
      undoError(method, where, Messages.undoMissing(name, type.getSimpleName().toString(), expected));
      return;
    }
    Optional<UndoMethods.Inverse> inverse = UndoMethods.inverse(environment.getTypeUtils(), type, method, candidates);
    if (inverse.isEmpty()) {
      undoError(method, where, Messages.undoWrongParameters(name, expected));
      return;
    }
    ExecutableElement undo = inverse.get().method();
    Set<Modifier> modifiers = undo.getModifiers();
    if (undo.getReturnType().getKind() != TypeKind.VOID) {
      undoError(method, where, Messages.undoNotVoid(name, undo.getReturnType().toString()));
    } else if (modifiers.contains(Modifier.STATIC)) {
      undoError(method, where, Messages.undoStatic(name));
    } else if (modifiers.contains(Modifier.PRIVATE)) {
      undoError(method, where, Messages.undoPrivate(name));
    } else if (!modifiers.contains(Modifier.PUBLIC)
        && !GeneratedNames.packageOf((TypeElement) undo.getEnclosingElement()).equals(GeneratedNames.packageOf(type))) {
      undoError(method, where, Messages.undoInaccessible(name));
    }
  }

  /** On the value of {@code @Undo} when the method is the receiver's own; on the receiver when inherited. */
  private void undoError(ExecutableElement method, Element where, String message) {
    if (where.equals(method)) {
      AnnotationMirror mirror = mirror(method, AnnotationNames.UNDO);
      Optional<AnnotationValue> value = AnnotationNames.explicitValue(mirror, "value");
      if (value.isPresent()) {
        reporter.error(method, mirror, value.get(), message);
      } else {
        reporter.error(method, mirror, message);
      }
    } else {
      reporter.error(where, method.getSimpleName() + ": " + message);
    }
  }

  /** A {@code Snapshottable<S>} receiver: posa4j can encode {@code S}, and a public constructor takes it. */
  private void validateSnapshots(CommandProcessorModel model, CodecTypes codecTypes) {
    if (model.snapshotState().isEmpty()) {
      return;
    }
    TypeElement type = model.receiver();
    TypeMirror state = model.snapshotState().get();
    codecTypes.analyze(state).unsupported().ifPresent(unsupported -> reporter.error(type, Messages.unencodable(
        Messages.snapshotStateSubject(type.getSimpleName().toString()), unsupported, Messages.snapshotCodecFix())));
    Types types = environment.getTypeUtils();
    boolean restorable = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(constructor -> constructor.getModifiers().contains(Modifier.PUBLIC)
            && constructor.getParameters().size() == 1
            && types.isSameType(constructor.getParameters().get(0).asType(), state));
    if (!restorable) {
      reporter.error(type, Messages.snapshotWithoutRestoringConstructor(type.getSimpleName().toString(), simpleName(state)));
    }
  }

  /** The codecs of the commands' parameters and results, and of the snapshot state. */
  private CodecsModel codecs(CommandProcessorModel model, CodecTypes codecTypes) {
    TypeElement type = model.receiver();
    CodecsModel codecs = new CodecsModel(model.codecsClass(), type, CodeBlock.of("Codecs for the arguments and results"
        + " of the commands of {@link $T}$L,\ngenerated from its {@code @CommandProcessor} annotation.",
        ClassName.get(type), model.snapshotState().isPresent() ? " and for its snapshots" : ""), codecTypes);
    for (ExecutableElement method : model.commands()) {
      ExecutableType resolved = resolved(type, method);
      resolved.getParameterTypes().forEach(parameter -> codecs.add(codecTypes.require(parameter)));
      if (resolved.getReturnType().getKind() != TypeKind.VOID) {
        codecs.add(codecTypes.require(resolved.getReturnType()));
      }
    }
    model.snapshotState().ifPresent(state -> codecs.add(codecTypes.require(state)));
    return codecs;
  }

  private ExecutableType resolved(TypeElement type, ExecutableElement method) {
    return (ExecutableType) environment.getTypeUtils().asMemberOf((DeclaredType) type.asType(), method);
  }

  /** Whether {@code type} is a {@code CompletionStage} or a {@code Future}, whose value comes later. */
  private boolean isAsynchronous(TypeMirror type) {
    if (CompletionStages.isCompletionStage(environment, type)) {
      return true;
    }
    Types types = environment.getTypeUtils();
    TypeElement future = environment.getElementUtils().getTypeElement("java.util.concurrent.Future");
    return type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), types.erasure(future.asType()));
  }

  /** {@code List<String>} for {@code java.util.List<java.lang.String>}, for messages. */
  private static String simpleName(TypeMirror type) {
    return TypeName.get(type).toString().replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Z])", "");
  }

  private static AnnotationMirror mirror(ExecutableElement method, String annotation) {
    return AnnotationNames.mirror(method, annotation)
        .orElseThrow(() -> new IllegalStateException("no @" + AnnotationNames.simpleName(annotation) + " on " + method));
  }
}

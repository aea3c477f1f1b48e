package io.github.posa4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Name>Commands} for a valid {@code @CommandProcessor} receiver: {@code open}, one
 * future-returning method per command and read-only method, undo, redo, macros with their
 * {@code Batch}, snapshots, the lifecycle methods, and one nested class per method: a
 * {@code Command} that runs, reverts and encodes one call, or a {@code Query} that runs it.
 */
final class CommandProcessorGenerator {
  private static final String COMMAND = "io.github.posa4j.command";
  private static final String INTERNAL = COMMAND + ".internal";
  private static final ClassName OPTIONS = ClassName.get(COMMAND, "CommandOptions");
  private static final ClassName RUNNER = ClassName.get(INTERNAL, "CommandRunner");
  private static final ClassName SCHEMA = ClassName.get(INTERNAL, "CommandSchema");
  private static final ClassName COMMAND_TYPE = ClassName.get(INTERNAL, "CommandType");
  private static final ClassName COMMAND_CLASS = ClassName.get(INTERNAL, "Command");
  private static final ClassName QUERY = ClassName.get(INTERNAL, "Query");
  private static final ClassName COMMAND_BATCH = ClassName.get(INTERNAL, "CommandBatch");
  private static final ClassName CODEC_INPUT = ClassName.get(CodecsModel.PACKAGE, "CodecInput");
  private static final ClassName CODEC_OUTPUT = ClassName.get(CodecsModel.PACKAGE, "CodecOutput");
  private static final ClassName COMPLETABLE_FUTURE = ClassName.get(CompletableFuture.class);

  private final Elements elements;
  private final Types types;
  private final CommandProcessorModel model;
  private final CodecsModel codecs;
  private final TypeElement receiver;
  private final ClassName receiverName;
  private final ClassName commandsClass;
  private final ClassName batchClass;
  /** The nested class of each method, and for a command the name of its {@code TYPE} constant. */
  private final Map<ExecutableElement, ClassName> nestedClasses = new LinkedHashMap<>();
  private final Map<ExecutableElement, String> typeConstants = new HashMap<>();

  CommandProcessorGenerator(ProcessingEnvironment environment, CommandProcessorModel model, CodecsModel codecs) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
    this.model = model;
    this.codecs = codecs;
    this.receiver = model.receiver();
    this.receiverName = ClassName.get(receiver);
    this.commandsClass = model.commandsClass();
    this.batchClass = commandsClass.nestedClass("Batch");
    Map<String, Integer> overloads = new HashMap<>();
    Set<String> nestedNames = new HashSet<>(Set.of("Batch"));
    for (ExecutableElement method : model.methods()) {
      String suffix = model.isReadOnly(method) ? "Query" : "Command";
      String name = GeneratedNames.nestedTypeName(GeneratedNames.constantName(method, overloads), suffix);
      nestedClasses.put(method, commandsClass.nestedClass(GeneratedNames.fresh(name, nestedNames)));
      if (!model.isReadOnly(method)) {
        typeConstants.put(method, GeneratedNames.fresh("TYPE", new HashSet<>(parameterNames(method))));
      }
    }
  }

  JavaFile javaFile() {
    TypeName runnerType = ParameterizedTypeName.get(RUNNER, receiverName);
    TypeSpec.Builder commands = GeneratedFiles.classGeneratedFrom(receiver, commandsClass, elements)
        .addJavadoc(javadoc())
        .addModifiers(isPublic(receiver) ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL} : new Modifier[] {Modifier.FINAL})
        .addSuperinterface(AutoCloseable.class)
        .addField(FieldSpec.builder(ParameterizedTypeName.get(SCHEMA, receiverName), "SCHEMA",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(schema())
            .build())
        .addField(runnerType, "runner", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(runnerType, "runner")
            .addStatement("this.runner = runner")
            .build())
        .addMethod(open());
    for (ExecutableElement method : model.methods()) {
      commands.addMethod(entryPoint(method));
    }
    commands.addMethod(MethodSpec.methodBuilder("undo")
            .addJavadoc("Undoes the newest command (or macro) in the undo history by calling its {@code @Undo}\n"
                + "inverse, after the commands queued before; the undo is journaled like a command. A command\n"
                + "without {@code @Undo} clears the history when it runs.\n\n"
                + "@return a future of {@code true} once undone and durable, {@code false} when there is\n"
                + "    nothing to undo\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, ClassName.get(Boolean.class)))
            .addStatement("return runner.undo()")
            .build())
        .addMethod(MethodSpec.methodBuilder("redo")
            .addJavadoc("Runs again the command (or macro) most recently undone; any other command clears what\n"
                + "there is to redo. Journaled like a command.\n\n"
                + "@return a future of {@code true} once redone and durable, {@code false} when there is\n"
                + "    nothing to redo\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, ClassName.get(Boolean.class)))
            .addStatement("return runner.redo()")
            .build())
        .addMethod(macro());
    if (model.snapshotState().isPresent()) {
      commands.addMethod(MethodSpec.methodBuilder("snapshot")
          .addJavadoc("Writes the receiver's state, as {@code snapshot()} returns it after the commands queued\n"
              + "before, to the journal; recovery then starts from it instead of from the first command.\n\n"
              + "@return a future that completes once the snapshot is durable\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, ClassName.get(Void.class)))
          .addStatement("return runner.snapshot()")
          .build());
    }
    commands.addMethod(MethodSpec.methodBuilder("pendingRequests")
            .addJavadoc("How many commands, queries, undos and macros are queued, not counting the one running.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return runner.pendingRequests()")
            .build())
        .addMethod(MethodSpec.methodBuilder("close")
            .addJavadoc("Stops accepting calls, runs those queued, then syncs and closes the journal, and returns\n"
                + "when that is done; later calls return a future failed with a\n"
                + "{@code RejectedExecutionException}.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addStatement("runner.close()")
            .build())
        .addMethod(MethodSpec.methodBuilder("shutdownNow")
            .addJavadoc("Stops accepting calls and cancels those queued, whose futures complete with a\n"
                + "{@code CancellationException}; the running one finishes first, then the journal is closed.\n\n"
                + "@return how many queued calls were cancelled\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return runner.shutdownNow()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + runner + $S", commandsClass.simpleName() + "[", "]")
            .build());
    commands.addType(batch());
    for (ExecutableElement method : model.methods()) {
      commands.addType(model.isReadOnly(method) ? queryClass(method) : commandClass(method));
    }
    return GeneratedFiles.javaFile(commandsClass, commands.build());
  }

  private CodeBlock javadoc() {
    CodeBlock.Builder javadoc = CodeBlock.builder()
        .add("The command processor of {@link $T}, generated from its {@code @CommandProcessor} annotation.\n\n",
            receiverName)
        .add("<p>Each command method queues a command and returns its future at once. The commands run on the\n")
        .add("receiver one at a time, in the order they arrived, each happening-before the next. A command's\n")
        .add("future completes once the command ran <em>and</em> its journal record is durable as the\n")
        .add("{@link CommandOptions} say; a command that throws fails its future with that exception and is\n")
        .add("not journaled, so it must leave the receiver unchanged: validate before you mutate.\n\n")
        .add("<p>{@link #open} recovers by running the journaled commands again, in order, on a fresh receiver\n")
        .add("(from the newest snapshot, when there is one): commands must be deterministic, taking time and\n")
        .add("randomness as parameters. Read-only methods run in order with the commands but are not journaled,\n")
        .add("and answer only once every command before them is durable.\n");
    return javadoc.build();
  }

  private CodeBlock schema() {
    CodeBlock.Builder list = CodeBlock.builder();
    List<ExecutableElement> commands = model.commands();
    for (int i = 0; i < commands.size(); i++) {
      if (i > 0) {
        list.add(",$W");
      }
      list.add("$T.$N", nestedClasses.get(commands.get(i)), typeConstants.get(commands.get(i)));
    }
    CodeBlock.Builder schema = CodeBlock.builder()
        .add("$T.of($S,\n$>$>$T.of($L))", SCHEMA, receiver.getQualifiedName().toString(), List.class, list.build());
    model.snapshotState().ifPresent(state -> {
      CodecType stateType = codecs.types().require(state);
      schema.add("\n.withSnapshots($L,\n$>$>$L,\n$T::new)$<$<", codecs.codec(stateType, true),
          stringLiteral(codecs.types().signature(stateType)), receiverName);
    });
    return schema.add("$<$<").build();
  }

  /**
   * {@code value} as a string literal, split after commas into lines of about 80 characters, each
   * continued with {@code +} on the next line, so that a long signature stays readable.
   */
  private static CodeBlock stringLiteral(String value) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String part : value.split("(?<=,)")) {
      if (line.length() > 0 && line.length() + part.length() > 80) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(part);
    }
    lines.add(line.toString());
    CodeBlock.Builder literal = CodeBlock.builder().add("$S", lines.get(0));
    if (lines.size() > 1) {
      literal.add("$>$>");
      lines.subList(1, lines.size()).forEach(next -> literal.add("\n+ $S", next));
      literal.add("$<$<");
    }
    return literal.build();
  }

  private MethodSpec open() {
    return MethodSpec.methodBuilder("open")
        .addJavadoc("Opens a command processor whose receiver {@code initial} supplies. With a journal in\n"
            + "{@code options}, it first recovers: it builds the receiver from the newest snapshot, if any,\n"
            + "or from {@code initial}, and runs the journaled commands after it again, in order; a journal\n"
            + "it cannot read, or one that another processor holds, fails with a {@code JournalException}.\n"
            + "Then it accepts calls, on a thread of its own.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(commandsClass)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Supplier.class), WildcardTypeName.subtypeOf(receiverName)),
            "initial")
        .addParameter(OPTIONS, "options")
        .addStatement("return new $T($T.open(SCHEMA, initial, options, $S))", commandsClass, RUNNER,
            commandsClass.simpleName())
        .build();
  }

  /** The method that queues a call of {@code method}: a command or a query. */
  private MethodSpec entryPoint(ExecutableElement method) {
    ExecutableType resolved = resolved(method);
    List<String> names = parameterNames(method);
    MethodSpec.Builder entryPoint = MethodSpec.methodBuilder(method.getSimpleName().toString())
        .addJavadoc(entryPointJavadoc(method))
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, resultType(resolved)));
    addParameters(entryPoint, method, resolved);
    entryPoint.addStatement("return $L.submit(new $T($L))", names.contains("runner") ? "this.runner" : "runner",
        nestedType(method), String.join(", ", names));
    return entryPoint.build();
  }

  private CodeBlock entryPointJavadoc(ExecutableElement method) {
    if (model.isReadOnly(method)) {
      return CodeBlock.of("Queues a call of the read-only {@link $T#$L}.\nThe future completes with its outcome once it"
          + " ran and every command queued before it is\ndurable. Nothing is journaled.\n",
          receiverName, method.getSimpleName());
    }
    boolean isVoid = method.getReturnType().getKind() == TypeKind.VOID;
    CodeBlock.Builder javadoc = CodeBlock.builder()
        .add("Queues the command {@link $T#$L}.\n", receiverName, method.getSimpleName())
        .add(isVoid ? "The future completes once the command ran" : "The future completes with its result once the command ran")
        .add(" and its journal record is\ndurable; if the command throws, the future fails with that exception and"
            + " nothing is journaled.\n");
    model.undo(method).ifPresentOrElse(
        inverse -> javadoc.add("{@link #undo()} reverts it by calling {@code $L}.\n", inverse),
        () -> javadoc.add("It has no {@code @Undo}: running it clears the undo history.\n"));
    return javadoc.build();
  }

  private MethodSpec macro() {
    return MethodSpec.methodBuilder("macro")
        .addJavadoc("Runs the commands that {@code commands} records on a {@link Batch} as one unit: in order,\n"
            + "as one journal record and one undo step. If one throws, those before it are undone in reverse\n"
            + "order and the future fails with that exception; a macro holding a command without\n"
            + "{@code @Undo} fails before it runs. {@code commands} runs on the caller's thread, at once.\n\n"
            + "@return a future that completes once the macro ran and is durable\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, ClassName.get(Void.class)))
        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(batchClass)),
            "commands")
        .addStatement("$T batch = new $T()", batchClass, batchClass)
        .addStatement("commands.accept(batch)")
        .addStatement("return runner.macro(batch)")
        .build();
  }

  private TypeSpec batch() {
    TypeSpec.Builder batch = TypeSpec.classBuilder(batchClass)
        .addJavadoc("The commands of one macro, recorded inside the consumer given to\n{@link $T#macro}: each method"
            + " records a command, which runs with the macro,\nin the order recorded.\n", commandsClass)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(COMMAND_BATCH, receiverName))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (ExecutableElement method : model.commands()) {
      MethodSpec.Builder record = MethodSpec.methodBuilder(method.getSimpleName().toString())
          .addJavadoc("Records the command {@link $T#$L}.\n", receiverName, method.getSimpleName())
          .addModifiers(Modifier.PUBLIC);
      addParameters(record, method, resolved(method));
      record.addStatement("add(new $T($L))", nestedClasses.get(method), String.join(", ", parameterNames(method)));
      batch.addMethod(record.build());
    }
    return batch.build();
  }

  private TypeSpec commandClass(ExecutableElement method) {
    ExecutableType resolved = resolved(method);
    ClassName name = nestedClasses.get(method);
    List<String> names = parameterNames(method);
    Set<String> taken = new HashSet<>(names);
    String receiverParameter = GeneratedNames.fresh("receiver", taken);
    String result = GeneratedNames.fresh("result", taken);
    String out = GeneratedNames.fresh("out", new HashSet<>(names));
    String in = GeneratedNames.fresh("in", new HashSet<>(names));
    String typeConstant = typeConstants.get(method);
    TypeName resultType = resultType(resolved);
    TypeName commandType = ParameterizedTypeName.get(COMMAND_TYPE, receiverName, resultType);
    Optional<UndoMethods.Inverse> inverse = model.undo(method).flatMap(undo ->
        UndoMethods.inverse(types, receiver, method, UndoMethods.named(elements, receiver, undo)));
    String signature = signature(resolved);

    TypeSpec.Builder command = TypeSpec.classBuilder(name)
        .addJavadoc(commandJavadoc(method))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(COMMAND_CLASS, receiverName, resultType))
        .addField(FieldSpec.builder(commandType, typeConstant, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.$L($S,\n$>$>$L,\n$T::decode, $L)$<$<", COMMAND_TYPE, inverse.isPresent() ? "undoable" : "of",
                method.getSimpleName().toString(), stringLiteral(signature), name, resultCodec(resolved))
            .build());
    addFieldsAndConstructor(command, method, resolved);
    command.addMethod(MethodSpec.methodBuilder("type")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(commandType)
        .addStatement("return $N", typeConstant)
        .build());
    command.addMethod(apply(method, resolved, receiverParameter));
    inverse.ifPresent(undo -> {
      MethodSpec.Builder revert = MethodSpec.methodBuilder("revert")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .addParameter(receiverName, receiverParameter)
          .addParameter(resultType, result);
      ((ExecutableType) types.asMemberOf((DeclaredType) receiver.asType(), undo.method())).getThrownTypes()
          .forEach(thrown -> revert.addException(TypeName.get(thrown)));
      List<String> arguments = new ArrayList<>(names);
      if (undo.takesResult()) {
        arguments.add(result);
      }
      revert.addStatement("$N.$L($L)", receiverParameter, undo.method().getSimpleName(), String.join(", ", arguments));
      command.addMethod(revert.build());
    });
    MethodSpec.Builder encode = MethodSpec.methodBuilder("encodeArguments")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(CODEC_OUTPUT, out);
    MethodSpec.Builder decode = MethodSpec.methodBuilder("decode")
        .addModifiers(Modifier.STATIC)
        .returns(name)
        .addParameter(CODEC_INPUT, in);
    List<? extends TypeMirror> parameterTypes = resolved.getParameterTypes();
    for (int i = 0; i < names.size(); i++) {
      CodecType type = codecs.types().require(parameterTypes.get(i));
      encode.addStatement("$L", codecs.encode(type, CodeBlock.of("$N", names.get(i)), out, true));
      decode.addStatement("$T $N = $L", TypeName.get(parameterTypes.get(i)), names.get(i), codecs.decode(type, in, true));
    }
    decode.addStatement("return new $T($L)", name, String.join(", ", names));
    return command.addMethod(encode.build()).addMethod(decode.build()).build();
  }

  private CodeBlock commandJavadoc(ExecutableElement method) {
    CodeBlock.Builder javadoc = CodeBlock.builder()
        .add("The command {@link $T#$L}:\nits arguments, how it runs", receiverName, method.getSimpleName());
    model.undo(method).ifPresent(undo -> javadoc.add(", how {@code $L} reverts it", undo));
    return javadoc.add(" and how it is journaled.\n").build();
  }

  private TypeSpec queryClass(ExecutableElement method) {
    ExecutableType resolved = resolved(method);
    Set<String> taken = new HashSet<>(parameterNames(method));
    TypeSpec.Builder query = TypeSpec.classBuilder(nestedClasses.get(method))
        .addJavadoc("A call of the read-only {@link $T#$L}.\n", receiverName, method.getSimpleName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(GeneratedNames.withMethodTypeVariables(List.of(), method))
        .superclass(ParameterizedTypeName.get(QUERY, receiverName, resultType(resolved)));
    addFieldsAndConstructor(query, method, resolved);
    return query.addMethod(apply(method, resolved, GeneratedNames.fresh("receiver", taken))).build();
  }

  private void addFieldsAndConstructor(TypeSpec.Builder type, ExecutableElement method, ExecutableType resolved) {
    List<String> names = parameterNames(method);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (int i = 0; i < names.size(); i++) {
      TypeName parameterType = TypeName.get(resolved.getParameterTypes().get(i));
      type.addField(parameterType, names.get(i), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(parameterType, names.get(i)).addStatement("this.$N = $N", names.get(i), names.get(i));
    }
    if (!names.isEmpty()) {
      type.addMethod(constructor.build());
    }
  }

  private MethodSpec apply(ExecutableElement method, ExecutableType resolved, String receiverParameter) {
    MethodSpec.Builder apply = MethodSpec.methodBuilder("apply")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(resultType(resolved))
        .addParameter(receiverName, receiverParameter);
    resolved.getThrownTypes().forEach(thrown -> apply.addException(TypeName.get(thrown)));
    String call = receiverParameter + "." + method.getSimpleName() + "(" + String.join(", ", parameterNames(method)) + ")";
    if (resolved.getReturnType().getKind() == TypeKind.VOID) {
      apply.addStatement("$L", call).addStatement("return null");
    } else {
      apply.addStatement("return $L", call);
    }
    return apply.build();
  }

  /** The parameters of {@code method} as {@code resolved} types them; varargs stays varargs. */
  private void addParameters(MethodSpec.Builder builder, ExecutableElement method, ExecutableType resolved) {
    List<String> names = parameterNames(method);
    method.getTypeParameters().forEach(parameter -> builder.addTypeVariable(TypeVariableName.get(parameter)));
    for (int i = 0; i < names.size(); i++) {
      builder.addParameter(TypeName.get(resolved.getParameterTypes().get(i)), names.get(i));
    }
    builder.varargs(method.isVarArgs());
    if (method.isVarArgs() && GeneratedNames.hasGenericVarargs(method, resolved)) {
      // Only stores the array for the receiver's own varargs method, which is where any heap pollution lies.
      builder.addAnnotation(SafeVarargs.class)
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "varargs").build())
          .addModifiers(Modifier.FINAL);
    }
  }

  /** {@code new PostCommand}, or {@code new FindQuery<T>} for a generic read-only method. */
  private TypeName nestedType(ExecutableElement method) {
    return GeneratedNames.parameterized(nestedClasses.get(method), GeneratedNames.withMethodTypeVariables(List.of(), method));
  }

  /** {@code (<parameter signatures>)<result signature>}, with {@code void} for no result. */
  private String signature(ExecutableType resolved) {
    StringBuilder signature = new StringBuilder("(");
    List<? extends TypeMirror> parameters = resolved.getParameterTypes();
    for (int i = 0; i < parameters.size(); i++) {
      signature.append(i > 0 ? "," : "").append(codecs.types().signature(codecs.types().require(parameters.get(i))));
    }
    TypeMirror result = resolved.getReturnType();
    return signature.append(")")
        .append(result.getKind() == TypeKind.VOID ? "void" : codecs.types().signature(codecs.types().require(result)))
        .toString();
  }

  private CodeBlock resultCodec(ExecutableType resolved) {
    TypeMirror result = resolved.getReturnType();
    return result.getKind() == TypeKind.VOID
        ? CodeBlock.of("$T.VOID", CodecsModel.CODECS)
        : codecs.codec(codecs.types().require(result), true);
  }

  private ExecutableType resolved(ExecutableElement method) {
    return (ExecutableType) types.asMemberOf((DeclaredType) receiver.asType(), method);
  }

  /** What the future of a call completes with: the boxed result, or {@code Void}. */
  private static TypeName resultType(ExecutableType resolved) {
    TypeMirror returnType = resolved.getReturnType();
    return returnType.getKind() == TypeKind.VOID ? ClassName.get(Void.class) : TypeName.get(returnType).box();
  }

  private static boolean isPublic(TypeElement type) {
    for (Element element = type; element instanceof TypeElement; element = element.getEnclosingElement()) {
      if (!element.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> parameterNames(ExecutableElement method) {
    List<String> names = new ArrayList<>();
    method.getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    return names;
  }
}

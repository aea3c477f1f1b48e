package io.github.posa4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Writes {@code Resilient<Name>}: for a class, a subclass mirroring its accessible constructors;
 * for an interface, an implementation with {@code wrap(delegate)}. Each protected method runs its
 * first attempt inline ({@code enter}, the original call, {@code succeeded} or {@code failed}) and
 * hands a failure to the runtime's {@code afterFailure}, with the call as a lambda to run again;
 * a method returning a {@code CompletionStage} goes to {@code callAsync}.
 */
final class ResilienceGenerator {
  private static final ClassName FAULT_TOLERANCE = ClassName.get("io.github.posa4j.resilience", "FaultTolerance");
  private static final ClassName REGISTRY = ClassName.get("io.github.posa4j.resilience", "FaultToleranceRegistry");
  private static final ClassName PERMIT = ClassName.get("io.github.posa4j.resilience.internal", "Permit");

  private final ProcessingEnvironment environment;
  private final Types types;
  private final TypeElement type;
  private final DeclaredType declaredType;
  private final TypeName typeName;
  private final ClassName generatedClass;
  private final List<TypeVariableName> typeVariables = new ArrayList<>();
  private final Set<ExecutableElement> protectedMethods;
  private final boolean isInterface;

  ResilienceGenerator(ProcessingEnvironment environment, ResilienceModel model) {
    this.environment = environment;
    this.types = environment.getTypeUtils();
    this.type = model.type();
    this.declaredType = (DeclaredType) type.asType();
    type.getTypeParameters().forEach(parameter -> typeVariables.add(TypeVariableName.get(parameter)));
    this.typeName = TypeName.get(declaredType);
    this.generatedClass = model.decoratorClass();
    this.protectedMethods = new HashSet<>(model.protectedMethods());
    this.isInterface = type.getKind().isInterface();
  }

  JavaFile javaFile() {
    TypeSpec.Builder decorator = GeneratedFiles.classGeneratedFrom(type, generatedClass, environment.getElementUtils())
        .addJavadoc(javadoc())
        .addModifiers(Modifier.FINAL)
        .addTypeVariables(typeVariables);
    if (type.getModifiers().contains(Modifier.PUBLIC)) {
      decorator.addModifiers(Modifier.PUBLIC);
    }
    List<ExecutableElement> methods;
    if (isInterface) {
      decorator.addSuperinterface(typeName);
      decorator.addField(typeName, "delegate", Modifier.PRIVATE, Modifier.FINAL);
      decorator.addMethod(MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PRIVATE)
          .addParameter(typeName, "delegate")
          .addStatement("this.delegate = delegate")
          .build());
      decorator.addMethod(MethodSpec.methodBuilder("wrap")
          .addJavadoc("Returns {@code delegate} behind the resilience policies of {@link $T}.\n", ClassName.get(type))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addTypeVariables(typeVariables)
          .returns(typeName)
          .addParameter(typeName, "delegate")
          .addStatement("return new $T($T.requireNonNull(delegate, $S))", diamond(), Objects.class, "delegate")
          .build());
      methods = InterfaceMethods.forwardable(environment.getElementUtils(), types, type);
    } else {
      decorator.superclass(typeName);
      for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
        if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
          decorator.addMethod(mirror(constructor));
        }
      }
      methods = new ArrayList<>(protectedMethods);
      methods.sort((a, b) -> Integer.compare(
          type.getEnclosedElements().indexOf(a), type.getEnclosedElements().indexOf(b)));
    }

    Map<String, Integer> overloads = new HashMap<>();
    for (ExecutableElement method : methods) {
      if (protectedMethods.contains(method)) {
        String constant = GeneratedNames.constantName(method, overloads);
        decorator.addField(policyField(method, constant));
        decorator.addMethod(protectedMethod(method, constant));
      } else {
        decorator.addMethod(forwardingMethod(method));
      }
    }
    return GeneratedFiles.javaFile(generatedClass, decorator.build());
  }

  private CodeBlock javadoc() {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("{@link $T} with its resilience annotations applied, generated by posa4j.\n\n", ClassName.get(type));
    if (isInterface) {
      doc.add("<p>{@link #wrap} puts an implementation behind the policies.");
    } else {
      doc.add("<p>Create it with the same constructor arguments as {@code $L}.", type.getSimpleName());
    }
    return doc.add(" Policies are shared by every\ninstance and configured as described in"
        + " {@link io.github.posa4j.resilience.PolicyResolver}.\n").build();
  }

  private TypeName diamond() {
    return typeVariables.isEmpty() ? generatedClass : ParameterizedTypeName.get(generatedClass, typeVariables.toArray(new TypeName[0]));
  }

  private MethodSpec mirror(ExecutableElement constructor) {
    MethodSpec.Builder builder = MethodSpec.constructorBuilder();
    for (Modifier modifier : constructor.getModifiers()) {
      if (modifier == Modifier.PUBLIC || modifier == Modifier.PROTECTED) {
        builder.addModifiers(modifier);
      }
    }
    constructor.getTypeParameters().forEach(parameter -> builder.addTypeVariable(TypeVariableName.get(parameter)));
    List<String> names = new ArrayList<>();
    for (VariableElement parameter : constructor.getParameters()) {
      builder.addParameter(ParameterSpec.get(parameter));
      names.add(parameter.getSimpleName().toString());
    }
    builder.varargs(constructor.isVarArgs());
    constructor.getThrownTypes().forEach(thrown -> builder.addException(TypeName.get(thrown)));
    return builder.addStatement("super($L)", String.join(", ", names)).build();
  }

  private FieldSpec policyField(ExecutableElement method, String constant) {
    CodeBlock.Builder parameterTypes = CodeBlock.builder();
    for (VariableElement parameter : method.getParameters()) {
      parameterTypes.add(", $T.class", TypeName.get(types.erasure(parameter.asType())));
    }
    return FieldSpec.builder(FAULT_TOLERANCE, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.global().forMethod($T.class, $S$L)", REGISTRY, ClassName.get(type),
            method.getSimpleName().toString(), parameterTypes.build())
        .build();
  }

  private MethodSpec forwardingMethod(ExecutableElement method) {
    MethodSpec.Builder forward = MethodSpec.overriding(method, declaredType, types);
    String call = delegate(method) + "." + method.getSimpleName() + "(" + argumentList(method) + ")";
    ExecutableType resolved = (ExecutableType) types.asMemberOf(declaredType, method);
    if (resolved.getReturnType().getKind() == TypeKind.VOID) {
      forward.addStatement("$L", call);
    } else {
      forward.addStatement("return $L", call);
    }
    return forward.build();
  }

  private MethodSpec protectedMethod(ExecutableElement method, String constant) {
    MethodSpec.Builder override = MethodSpec.overriding(method, declaredType, types);
    ExecutableType resolved = (ExecutableType) types.asMemberOf(declaredType, method);
    TypeMirror returnType = resolved.getReturnType();
    String arguments = argumentList(method);
    String receiver = isInterface ? delegate(method) : "super";
    CodeBlock call = CodeBlock.of("$L.$L($L)", receiver, method.getSimpleName(), arguments);
    Optional<AnnotationMirror> fallback = FallbackMethods.effective(type, method);
    String fallbackMethod = fallback.map(FallbackMethods::fallbackMethodName).orElse("");
    CodeBlock fallbackCall = fallbackMethod.isEmpty() ? null
        : CodeBlock.of("$L$L($L)", isInterface ? delegate(method) + "." : "", fallbackMethod, arguments);
    String handlerArguments = handlerArguments(method);

    Set<String> taken = new HashSet<>();
    method.getParameters().forEach(parameter -> taken.add(parameter.getSimpleName().toString()));
    String lastFailure = GeneratedNames.fresh("lastFailure", taken);

    if (CompletionStages.isCompletionStage(environment, returnType)) {
      if (fallbackCall == null) {
        override.addStatement("return $L.callAsync(() -> $L)", constant, call);
      } else {
        override.addStatement("return $L.callAsync(() -> $L, $L -> $L)", constant, call, lastFailure, fallbackCall);
      }
      return override.build();
    }

    String permit = GeneratedNames.fresh("permit", taken);
    String result = GeneratedNames.fresh("result", taken);
    String failure = GeneratedNames.fresh("failure", taken);
    boolean isVoid = returnType.getKind() == TypeKind.VOID;

    override.beginControlFlow("try");
    override.addStatement("$T $L = $L.enter()", PERMIT, permit, constant);
    if (!isVoid) {
      override.addStatement("$T $L", TypeName.get(returnType), result);
    }
    override.beginControlFlow("try");
    override.addStatement(isVoid ? "$L" : result + " = $L", call);
    override.nextControlFlow("catch ($T $L)", Throwable.class, failure);
    override.addStatement("throw $L.failed($L, $L)", constant, permit, failure);
    override.endControlFlow();
    override.addStatement("$L.succeeded($L)", constant, permit);
    if (!isVoid) {
      override.addStatement("return $L", result);
    }
    override.nextControlFlow("catch ($T $L)", Throwable.class, failure);
    if (isVoid) {
      // A void call becomes a block lambda returning null, written out over lines as by hand.
      override.addCode("$L.afterFailure($L, () -> {\n$>$L;\nreturn null;\n$<}", constant, failure, call);
      if (fallback.isPresent()) {
        CodeBlock fallbackBody = fallbackCall != null ? fallbackCall : handlerCall(constant, lastFailure, handlerArguments);
        override.addCode(", $L -> {\n$>$L;\nreturn null;\n$<}", lastFailure, fallbackBody);
      }
      override.addCode(");\n");
    } else if (fallback.isPresent()) {
      CodeBlock answer = fallbackCall != null ? fallbackCall : castHandlerCall(constant, lastFailure, handlerArguments, returnType, override);
      override.addStatement("return $L.afterFailure($L, () -> $L,\n$L -> $L)", constant, failure, call, lastFailure, answer);
    } else {
      override.addStatement("return $L.afterFailure($L, () -> $L)", constant, failure, call);
    }
    override.endControlFlow();
    return override.build();
  }

  /** The policy's fallback handler called with the call's arguments. */
  private static CodeBlock handlerCall(String constant, String lastFailure, String arguments) {
    return CodeBlock.of("$L.handleFallback($L$L)", constant, lastFailure, arguments.isEmpty() ? "" : ", " + arguments);
  }

  /** {@link #handlerCall}, its answer cast to the method's (boxed) return type. */
  private static CodeBlock castHandlerCall(String constant, String lastFailure, String arguments, TypeMirror returnType,
      MethodSpec.Builder override) {
    if (GeneratedNames.isUncheckedCast(returnType)) {
      override.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    return CodeBlock.of("($T) $L", TypeName.get(returnType).box(), handlerCall(constant, lastFailure, arguments));
  }

  /** The decorated object: {@code delegate}, or {@code this.delegate} when a parameter has that name. */
  private static String delegate(ExecutableElement method) {
    boolean shadowed = method.getParameters().stream().anyMatch(parameter -> parameter.getSimpleName().contentEquals("delegate"));
    return shadowed ? "this.delegate" : "delegate";
  }

  /**
   * The arguments as a fallback handler gets them, one each: a varargs array is passed as one
   * {@code Object}, so that {@code handleFallback(failure, Object...)} does not spread it.
   */
  private static String handlerArguments(ExecutableElement method) {
    List<String> names = new ArrayList<>();
    method.getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    if (method.isVarArgs()) {
      names.set(names.size() - 1, "(Object) " + names.get(names.size() - 1));
    }
    return String.join(", ", names);
  }

  private static String argumentList(ExecutableElement method) {
    List<String> names = new ArrayList<>();
    method.getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    return String.join(", ", names);
  }
}

package io.github.posa4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Name>ActiveObject} for a valid {@code @ActiveObject} servant: {@code start}
 * methods, one future-returning method per servant method, the lifecycle methods, and one nested
 * method-request class per servant method, which holds the arguments and makes the call.
 */
final class ActiveObjectGenerator {
  private static final String ACTIVE = "io.github.posa4j.active";
  private static final String ACTIVE_INTERNAL = "io.github.posa4j.active.internal";
  private static final ClassName SCHEDULER = ClassName.get(ACTIVE_INTERNAL, "ActiveObjectScheduler");
  private static final ClassName OPTIONS = ClassName.get(ACTIVE, "ActiveObjectOptions");
  private static final ClassName METHOD_REQUEST = ClassName.get(ACTIVE_INTERNAL, "MethodRequest");
  private static final ClassName COMPLETABLE_FUTURE = ClassName.get(CompletableFuture.class);

  private final Elements elements;
  private final Types types;
  private final ActiveObjectModel model;
  private final TypeElement servant;
  private final DeclaredType servantType;
  private final TypeName servantName;
  private final ClassName activeObjectClass;
  private final List<TypeVariableName> typeVariables = new ArrayList<>();
  private final List<ExecutableElement> methods;

  ActiveObjectGenerator(ProcessingEnvironment environment, ActiveObjectModel model) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
    this.model = model;
    this.servant = model.servant();
    this.servantType = (DeclaredType) servant.asType();
    this.servantName = TypeName.get(servantType);
    this.methods = model.methods();
    servant.getTypeParameters().forEach(parameter -> typeVariables.add(TypeVariableName.get(parameter)));
    this.activeObjectClass = model.activeObjectClass();
  }

  JavaFile javaFile() {
    TypeName schedulerType = ParameterizedTypeName.get(SCHEDULER, servantName);
    TypeSpec.Builder activeObject = GeneratedFiles.classGeneratedFrom(servant, activeObjectClass, elements)
        .addJavadoc(javadoc())
        .addModifiers(isPublic(servant) ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL} : new Modifier[] {Modifier.FINAL})
        .addTypeVariables(typeVariables)
        .addSuperinterface(AutoCloseable.class)
        .addField(schedulerType, "scheduler", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(schedulerType, "scheduler")
            .addStatement("this.scheduler = scheduler")
            .build())
        .addMethod(MethodSpec.methodBuilder("start")
            .addJavadoc("Starts an active object serving {@code servant}, with the default options: a dedicated\n"
                + "thread, and a queue of 65,536 requests that makes callers wait when full. Do not call\n"
                + "{@code servant} directly afterwards.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariables(typeVariables)
            .returns(selfType())
            .addParameter(servantName, "servant")
            .addStatement("return start(servant, $T.defaults())", OPTIONS)
            .build())
        .addMethod(MethodSpec.methodBuilder("start")
            .addJavadoc("Starts an active object serving {@code servant}: its queue, overflow policy, name and\n"
                + "thread(s) as {@code options} say. Do not call {@code servant} directly afterwards.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariables(typeVariables)
            .returns(selfType())
            .addParameter(servantName, "servant")
            .addParameter(OPTIONS, "options")
            .addStatement("return new $T($T.start(servant, options, $S))",
                selfType(), SCHEDULER, activeObjectClass.simpleName())
            .build());

    Map<String, Integer> overloads = new HashMap<>();
    Set<String> nestedNames = new HashSet<>();
    List<TypeSpec> requests = new ArrayList<>();
    for (ExecutableElement method : methods) {
      String constant = GeneratedNames.constantName(method, overloads);
      ClassName request = activeObjectClass.nestedClass(
          GeneratedNames.fresh(GeneratedNames.nestedTypeName(constant, "Request"), nestedNames));
      activeObject.addMethod(asyncMethod(method, request));
      requests.add(requestClass(method, request));
    }
    activeObject.addMethod(MethodSpec.methodBuilder("pendingRequests")
            .addJavadoc("How many requests are queued, those waiting for a guard included, not counting the one\n"
                + "running.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return scheduler.pendingRequests()")
            .build())
        .addMethod(MethodSpec.methodBuilder("close")
            .addJavadoc("Stops accepting calls, runs the queued requests and returns when the last has finished;\n"
                + "later calls return a future failed with a {@code RejectedExecutionException}. Requests\n"
                + "still waiting for a guard that nothing can make true are cancelled.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addStatement("scheduler.close()")
            .build())
        .addMethod(MethodSpec.methodBuilder("shutdownNow")
            .addJavadoc("Stops accepting calls and cancels the queued requests, whose futures complete with a\n"
                + "{@code CancellationException}; the running request finishes first.\n\n"
                + "@return how many queued requests were cancelled\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return scheduler.shutdownNow()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + scheduler + $S", activeObjectClass.simpleName() + "[", "]")
            .build());
    activeObject.addTypes(requests);
    return GeneratedFiles.javaFile(activeObjectClass, activeObject.build());
  }

  private CodeBlock javadoc() {
    return CodeBlock.builder()
        .add("The active object of {@link $T}, generated from its {@code @ActiveObject} annotation.\n\n",
            ClassName.get(servant))
        .add("<p>Each method queues a method request and returns its future at once. The scheduler runs\n")
        .add("the requests on the servant one at a time, in the order they arrived, each happening-before\n")
        .add("the next; a request whose guard is false waits without holding up the others. A failure of\n")
        .add("the servant completes only that request's future, checked exceptions included.\n")
        .build();
  }

  private static boolean isPublic(TypeElement type) {
    for (Element element = type; element instanceof TypeElement; element = element.getEnclosingElement()) {
      if (!element.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private TypeName selfType() {
    return GeneratedNames.parameterized(activeObjectClass, typeVariables);
  }

  /** What the future of a call completes with: the boxed result, {@code Void}, or a stage's value. */
  private TypeName resultType(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return ClassName.get(Void.class);
    }
    TypeMirror staged = stageValue(returnType);
    return TypeName.get(staged != null ? staged : returnType).box();
  }

  /** {@code T} when {@code type} is a {@code CompletionStage<T>} or a subtype; otherwise {@code null}. */
  private TypeMirror stageValue(TypeMirror type) {
    TypeElement stage = elements.getTypeElement("java.util.concurrent.CompletionStage");
    if (type.getKind() != TypeKind.DECLARED || !types.isAssignable(types.erasure(type), types.erasure(stage.asType()))) {
      return null;
    }
    for (TypeMirror candidate = type; candidate != null; ) {
      if (types.isSameType(types.erasure(candidate), types.erasure(stage.asType()))) {
        List<? extends TypeMirror> arguments = ((DeclaredType) candidate).getTypeArguments();
        return arguments.isEmpty() ? elements.getTypeElement("java.lang.Object").asType() : valueOf(arguments.get(0));
      }
      candidate = supertypeTowards(candidate, stage);
    }
    return elements.getTypeElement("java.lang.Object").asType();
  }

  private TypeMirror supertypeTowards(TypeMirror type, TypeElement target) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (types.isAssignable(types.erasure(supertype), types.erasure(target.asType()))) {
        return supertype;
      }
    }
    return null;
  }

  /** {@code ? extends T} reads as {@code T}; {@code ?} and {@code ? super T} as {@code Object}. */
  private TypeMirror valueOf(TypeMirror argument) {
    if (argument.getKind() != TypeKind.WILDCARD) {
      return argument;
    }
    TypeMirror bound = ((WildcardType) argument).getExtendsBound();
    return bound != null ? bound : elements.getTypeElement("java.lang.Object").asType();
  }

  private MethodSpec asyncMethod(ExecutableElement method, ClassName request) {
    ExecutableType resolved = (ExecutableType) types.asMemberOf(servantType, method);
    List<String> names = parameterNames(method);
    MethodSpec.Builder async = MethodSpec.methodBuilder(method.getSimpleName().toString())
        .addJavadoc(callDescription(method, "Queues a call of")
            .add(";\nthe future completes with its outcome.\n").build())
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, resultType(resolved.getReturnType())))
        .varargs(method.isVarArgs());
    if (method.isVarArgs() && GeneratedNames.hasGenericVarargs(method, resolved)) {
      // Only stores the array for the servant's own varargs method, which is where any heap pollution lies.
      async.addAnnotation(SafeVarargs.class)
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "varargs").build())
          .addModifiers(Modifier.FINAL);
    }
    method.getTypeParameters().forEach(parameter -> async.addTypeVariable(TypeVariableName.get(parameter)));
    for (int i = 0; i < names.size(); i++) {
      async.addParameter(TypeName.get(resolved.getParameterTypes().get(i)), names.get(i));
    }
    async.addStatement("return $L.submit(new $T($L))", names.contains("scheduler") ? "this.scheduler" : "scheduler",
        GeneratedNames.parameterized(request, GeneratedNames.withMethodTypeVariables(typeVariables, method)), String.join(", ", names));
    return async.build();
  }

  private TypeSpec requestClass(ExecutableElement method, ClassName request) {
    ExecutableType resolved = (ExecutableType) types.asMemberOf(servantType, method);
    List<String> names = parameterNames(method);
    Set<String> taken = new HashSet<>(names);
    String servantParameter = GeneratedNames.fresh("servant", taken);
    String methodName = method.getSimpleName().toString();
    TypeMirror returnType = resolved.getReturnType();
    TypeName result = resultType(returnType);

    TypeSpec.Builder type = TypeSpec.classBuilder(request)
        .addJavadoc(callDescription(method, "A queued call of").add(".\n").build())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(GeneratedNames.withMethodTypeVariables(typeVariables, method))
        .superclass(ParameterizedTypeName.get(METHOD_REQUEST, servantName, result));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (int i = 0; i < names.size(); i++) {
      TypeName parameterType = TypeName.get(resolved.getParameterTypes().get(i));
      type.addField(parameterType, names.get(i), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(parameterType, names.get(i)).addStatement("this.$L = $L", names.get(i), names.get(i));
    }
    if (!names.isEmpty()) {
      type.addMethod(constructor.build());
    }

    model.guard(method).ifPresent(guard -> type.addMethod(MethodSpec.methodBuilder("guard")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(boolean.class)
        .addParameter(servantName, servantParameter)
        .addStatement("return $L.$L()", servantParameter, guard)
        .build()));

    String call = servantParameter + "." + methodName + "(" + String.join(", ", names) + ")";
    MethodSpec.Builder execute = MethodSpec.methodBuilder("execute")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(servantName, servantParameter);
    resolved.getThrownTypes().forEach(thrown -> execute.addException(TypeName.get(thrown)));
    if (returnType.getKind() == TypeKind.VOID) {
      execute.addStatement("$L", call).addStatement("complete(null)");
    } else if (stageValue(returnType) != null) {
      execute.addStatement("completeWith($L)", call);
    } else {
      execute.addStatement("complete($L)", call);
    }
    type.addMethod(execute.build());
    return type.build();
  }

  /** "{@code prefix} {@link Servant#method}", and when guarded ", which runs once {@code guard()} is true". */
  private CodeBlock.Builder callDescription(ExecutableElement method, String prefix) {
    CodeBlock.Builder description = CodeBlock.builder()
        .add("$L {@link $T#$L}", prefix, ClassName.get(servant), method.getSimpleName());
    model.guard(method).ifPresent(guard -> description.add(", which runs once {@code $L()} is true", guard));
    return description;
  }

  private static List<String> parameterNames(ExecutableElement method) {
    List<String> names = new ArrayList<>();
    method.getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    return names;
  }
}

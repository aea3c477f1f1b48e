package io.github.posa4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Name>Proxy} for a valid {@code @Proxy} interface: a final class with
 * {@code lazy(Supplier)} and {@code intercept(target, Interceptor...)}, one
 * {@code MethodDescriptor} constant and one forwarding method per interface method.
 */
final class ProxyGenerator {
  private static final ClassName INTERCEPTOR = ClassName.get("io.github.posa4j.proxy", "Interceptor");
  private static final ClassName INTERCEPTOR_CHAIN = ClassName.get("io.github.posa4j.proxy", "InterceptorChain");
  private static final ClassName METHOD_DESCRIPTOR = ClassName.get("io.github.posa4j.proxy", "MethodDescriptor");
  private static final ClassName METHOD_INVOCATION = ClassName.get("io.github.posa4j.proxy", "MethodInvocation");

  private final Elements elements;
  private final Types types;
  private final TypeElement api;
  private final DeclaredType apiType;
  private final TypeName apiName;
  private final ClassName proxyClass;
  private final List<TypeVariableName> typeVariables = new ArrayList<>();
  private final List<ExecutableElement> methods;

  ProxyGenerator(ProcessingEnvironment environment, ProxyModel model) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
    this.api = model.api();
    this.apiType = (DeclaredType) api.asType();
    api.getTypeParameters().forEach(parameter -> typeVariables.add(TypeVariableName.get(parameter)));
    this.apiName = TypeName.get(apiType);
    this.proxyClass = model.proxyClass();
    this.methods = model.methods();
  }

  JavaFile javaFile() {
    TypeName factoryType = ParameterizedTypeName.get(ClassName.get(Supplier.class), WildcardTypeName.subtypeOf(apiName));

    TypeSpec.Builder proxy = GeneratedFiles.classGeneratedFrom(api, proxyClass, elements)
        .addJavadoc(javadoc())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .addSuperinterface(apiName)
        .avoidClashesWithNestedClasses(api)
        .addField(FieldSpec.builder(factoryType, "factory", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(INTERCEPTOR_CHAIN, "chain", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("The interceptors; {@code null} when there are none, so that calls go straight to the target.\n")
            .build())
        .addField(FieldSpec.builder(apiName, "target", Modifier.PRIVATE, Modifier.VOLATILE).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(apiName, "target")
            .addParameter(factoryType, "factory")
            .addParameter(INTERCEPTOR_CHAIN, "chain")
            .addStatement("this.target = target")
            .addStatement("this.factory = factory")
            .addStatement("this.chain = chain")
            .build())
        .addMethod(MethodSpec.methodBuilder("lazy")
            .addJavadoc("A virtual proxy: {@code factory} creates the target on the first call, once, even when\n"
                + "threads race; if it throws, the caller gets its exception and the next call tries again.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariables(typeVariables)
            .returns(apiName)
            .addParameter(factoryType, "factory")
            .addStatement("$T.requireNonNull(factory, $S)", Objects.class, "factory")
            .addStatement("return new $T(null, factory, null)", diamond())
            .build())
        .addMethod(MethodSpec.methodBuilder("intercept")
            .addJavadoc("A proxy that runs every call through {@code interceptors}, the first given outermost,\n"
                + "to {@code target}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariables(typeVariables)
            .returns(apiName)
            .addParameter(apiName, "target")
            .addParameter(ArrayTypeName.of(INTERCEPTOR), "interceptors")
            .varargs(true)
            .addStatement("$T.requireNonNull(target, $S)", Objects.class, "target")
            .beginControlFlow("if (interceptors.length == 0)")
            .addStatement("return new $T(target)", GeneratedNames.parameterized(directClass(), typeVariables))
            .endControlFlow()
            .addStatement("return new $T(target, null, $T.of(interceptors))", diamond(), INTERCEPTOR_CHAIN)
            .build())
        .addMethod(targetMethod())
        .addMethod(createTargetMethod())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addJavadoc("Describes the proxy without creating a lazy target; {@code equals} and {@code hashCode}\n"
                + "are those of {@code Object}: a proxy equals only itself.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("$T current = target", apiName)
            .addStatement("return $S + (current == null ? $S : current) + $S",
                proxyClass.simpleName() + "(", "not created yet", ")")
            .build());

    proxy.addType(directType());
    Map<String, Integer> overloads = new HashMap<>();
    Set<String> nestedNames = new HashSet<>(Set.of("Direct"));
    for (ExecutableElement method : methods) {
      String constant = GeneratedNames.constantName(method, overloads);
      proxy.addField(descriptor(method, constant));
      ClassName invocation = proxyClass.nestedClass(
          GeneratedNames.fresh(GeneratedNames.nestedTypeName(constant, "Call"), nestedNames));
      proxy.addMethod(forwarding(method, constant, invocation));
      proxy.addType(invocationClass(method, constant, invocation));
    }
    return GeneratedFiles.javaFile(proxyClass, proxy.build());
  }

  private ClassName directClass() {
    return proxyClass.nestedClass("Direct");
  }

  /**
   * What {@code intercept(target)} without interceptors returns: plain delegation, exactly what
   * one would write by hand, so that a proxy without interceptors costs nothing extra.
   */
  private TypeSpec directType() {
    TypeSpec.Builder direct = TypeSpec.classBuilder(directClass())
        .addJavadoc("A proxy without interceptors: every call goes straight to the target.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .addSuperinterface(apiName)
        .addField(apiName, "target", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(apiName, "target")
            .addStatement("this.target = target")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + target + $S", proxyClass.simpleName() + "(", ")")
            .build());
    for (ExecutableElement method : methods) {
      MethodSpec.Builder forward = MethodSpec.overriding(method, apiType, types);
      List<String> names = new ArrayList<>();
      method.getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
      String call = "target." + method.getSimpleName() + "(" + String.join(", ", names) + ")";
      ExecutableType resolved = (ExecutableType) types.asMemberOf(apiType, method);
      if (resolved.getReturnType().getKind() == TypeKind.VOID) {
        forward.addStatement("$L", call);
      } else {
        forward.addStatement("return $L", call);
      }
      direct.addMethod(forward.build());
    }
    return direct.build();
  }

  private TypeName diamond() {
    return typeVariables.isEmpty() ? proxyClass : ParameterizedTypeName.get(proxyClass, typeVariables.toArray(new TypeName[0]));
  }

  private CodeBlock javadoc() {
    return CodeBlock.builder()
        .add("A static proxy of {@link $T}, generated from its {@code @Proxy} annotation.\n\n", ClassName.get(api))
        .add("<p>{@link #lazy} makes a virtual proxy, {@link #intercept} a chain of interceptors around a\n")
        .add("target. Calls go through generated code, without reflection; exceptions reach the caller as\n")
        .add("with {@code java.lang.reflect.Proxy}. Default methods are forwarded to the target, so that its\n")
        .add("overrides run.\n")
        .build();
  }

  /** The target, created on first use for a lazy proxy; small, so that it inlines. */
  private MethodSpec targetMethod() {
    return MethodSpec.methodBuilder("target")
        .addModifiers(Modifier.PRIVATE)
        .returns(apiName)
        .addStatement("$T current = target", apiName)
        .addStatement("return current != null ? current : createTarget()")
        .build();
  }

  private MethodSpec createTargetMethod() {
    return MethodSpec.methodBuilder("createTarget")
        .addModifiers(Modifier.PRIVATE, Modifier.SYNCHRONIZED)
        .returns(apiName)
        .addStatement("$T current = target", apiName)
        .beginControlFlow("if (current == null)")
        .addStatement("current = $T.requireNonNull(factory.get(), $S)", Objects.class,
            "the factory given to " + proxyClass.simpleName() + ".lazy returned null")
        .addStatement("target = current")
        .endControlFlow()
        .addStatement("return current")
        .build();
  }

  private FieldSpec descriptor(ExecutableElement method, String constant) {
    CodeBlock.Builder parameterTypes = CodeBlock.builder();
    for (VariableElement parameter : method.getParameters()) {
      if (!parameterTypes.isEmpty()) {
        parameterTypes.add(", ");
      }
      parameterTypes.add("$T.class", TypeName.get(types.erasure(parameter.asType())));
    }
    CodeBlock.Builder exceptionTypes = CodeBlock.builder();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!exceptionTypes.isEmpty()) {
        exceptionTypes.add(", ");
      }
      exceptionTypes.add("$T.class", TypeName.get(types.erasure(thrown)));
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    return FieldSpec.builder(METHOD_DESCRIPTOR, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($T.class, $S, $T.class,\n$>$>$T.of($L), $T.of($L))$<$<", METHOD_DESCRIPTOR,
            ClassName.get(owner), method.getSimpleName().toString(),
            TypeName.get(types.erasure(method.getReturnType())),
            List.class, parameterTypes.build(), List.class, exceptionTypes.build())
        .build();
  }

  private MethodSpec forwarding(ExecutableElement method, String constant, ClassName invocation) {
    ExecutableType resolved = (ExecutableType) types.asMemberOf(apiType, method);
    MethodSpec.Builder forward = MethodSpec.overriding(method, apiType, types);
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      names.add(parameter.getSimpleName().toString());
    }
    taken.addAll(names);
    String target = GeneratedNames.fresh("target", taken);
    String e = GeneratedNames.fresh("e", taken);

    TypeMirror returnType = resolved.getReturnType();
    boolean isVoid = returnType.getKind() == TypeKind.VOID;
    if (GeneratedNames.isUncheckedCast(returnType)) {
      forward.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    String arguments = String.join(", ", names);
    String methodName = method.getSimpleName().toString();
    CodeBlock run = CodeBlock.of("new $T(chain, 0, $L$L).run()",
        GeneratedNames.parameterized(invocation, GeneratedNames.withMethodTypeVariables(typeVariables, method)), target, arguments.isEmpty() ? "" : ", " + arguments);

    forward.addStatement("$T $L = target()", apiName, target);
    forward.beginControlFlow("if (chain == null)");
    if (isVoid) {
      forward.addStatement("$L.$L($L)", target, methodName, arguments).addStatement("return");
    } else {
      forward.addStatement("return $L.$L($L)", target, methodName, arguments);
    }
    forward.endControlFlow();
    forward.beginControlFlow("try");
    if (isVoid) {
      forward.addStatement("$L", run);
    } else {
      forward.addStatement("return ($T) $L", TypeName.get(returnType), run);
    }
    forward.nextControlFlow("catch ($T $L)", Throwable.class, e);
    forward.addStatement("throw $T.rethrow($L, $L)", INTERCEPTOR_CHAIN, e, constant);
    forward.endControlFlow();
    return forward.build();
  }

  /** One call of {@code method} on its way through the interceptors, arguments in typed fields. */
  private TypeSpec invocationClass(ExecutableElement method, String constant, ClassName invocation) {
    ExecutableType resolved = (ExecutableType) types.asMemberOf(apiType, method);
    List<TypeVariableName> variables = GeneratedNames.withMethodTypeVariables(typeVariables, method);
    List<String> names = new ArrayList<>();
    method.getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    Set<String> taken = new HashSet<>(names);
    String target = GeneratedNames.fresh("target", taken);
    String chain = GeneratedNames.fresh("chain", taken);
    String position = GeneratedNames.fresh("position", taken);
    String a = GeneratedNames.fresh("arguments", taken);
    String arguments = String.join(", ", names);
    String methodName = method.getSimpleName().toString();
    boolean isVoid = resolved.getReturnType().getKind() == TypeKind.VOID;

    TypeSpec.Builder type = TypeSpec.classBuilder(invocation)
        .addJavadoc("A call of {@code $L} on its way through the interceptors.\n", methodName)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(variables)
        .superclass(METHOD_INVOCATION)
        .addField(apiName, target, Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(INTERCEPTOR_CHAIN, chain)
        .addParameter(int.class, position)
        .addParameter(apiName, target)
        .addStatement("super($L, $L)", chain, position)
        .addStatement("this.$L = $L", target, target);
    CodeBlock.Builder casts = CodeBlock.builder();
    boolean uncheckedCasts = false;
    for (int i = 0; i < names.size(); i++) {
      TypeMirror parameterType = resolved.getParameterTypes().get(i);
      TypeName parameterName = TypeName.get(parameterType);
      type.addField(parameterName, names.get(i), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(parameterName, names.get(i)).addStatement("this.$L = $L", names.get(i), names.get(i));
      casts.add(i == 0 ? "($T) $L[$L]" : ", ($T) $L[$L]", parameterName, a, i);
      uncheckedCasts |= GeneratedNames.isUncheckedCast(parameterType);
    }
    type.addMethod(constructor.build());
    type.addMethod(MethodSpec.methodBuilder("method").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(METHOD_DESCRIPTOR).addStatement("return $L", constant).build());
    type.addMethod(MethodSpec.methodBuilder("target").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(Object.class).addStatement("return $L", target).build());
    type.addMethod(MethodSpec.methodBuilder("argumentArray").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(Object[].class).addStatement("return new Object[] {$L}", arguments).build());
    MethodSpec.Builder direct = MethodSpec.methodBuilder("invokeTarget").addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED).returns(Object.class).addException(Throwable.class);
    MethodSpec.Builder fromArray = MethodSpec.methodBuilder("invokeTarget").addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED).returns(Object.class).addException(Throwable.class)
        .addParameter(Object[].class, a);
    if (uncheckedCasts) {
      fromArray.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    if (isVoid) {
      direct.addStatement("$L.$L($L)", target, methodName, arguments).addStatement("return null");
      fromArray.addStatement("$L.$L($L)", target, methodName, casts.build()).addStatement("return null");
    } else {
      direct.addStatement("return $L.$L($L)", target, methodName, arguments);
      fromArray.addStatement("return $L.$L($L)", target, methodName, casts.build());
    }
    type.addMethod(direct.build());
    type.addMethod(fromArray.build());
    type.addMethod(MethodSpec.methodBuilder("at").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(METHOD_INVOCATION)
        .addParameter(INTERCEPTOR_CHAIN, chain)
        .addParameter(int.class, position)
        .addStatement("return new $T($L, $L, $L$L)", GeneratedNames.parameterized(invocation, variables), chain, position, target,
            arguments.isEmpty() ? "" : ", " + arguments)
        .build());
    return type.build();
  }
}

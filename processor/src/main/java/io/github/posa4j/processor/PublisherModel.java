package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Types;

/**
 * A {@code @Publisher} interface as {@link PublisherStep} validates it and
 * {@link PublisherGenerator} implements it.
 *
 * @param api the annotated interface
 * @param publisherClass the generated {@code <Name>Publisher}
 * @param methods every method the publisher implements or inherits: abstract and default ones
 * @param events the abstract methods, each once even when two superinterfaces declare it; not
 *     the {@code close()} of {@link AutoCloseable} or {@link java.io.Closeable}, which the
 *     publisher's own {@code close()} implements
 * @param closeable whether the interface extends {@link AutoCloseable}
 */
record PublisherModel(TypeElement api, ClassName publisherClass, List<ExecutableElement> methods,
    List<ExecutableElement> events, boolean closeable) {
  static final String SUFFIX = "Publisher";

  static PublisherModel of(ProcessingEnvironment environment, TypeElement api) {
    Types types = environment.getTypeUtils();
    DeclaredType apiType = (DeclaredType) api.asType();
    List<ExecutableElement> methods = InterfaceMethods.forwardable(environment.getElementUtils(), types, api);
    List<ExecutableElement> events = new ArrayList<>();
    for (ExecutableElement method : methods) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)
          && !isCloseOfACloseable(method)
          && events.stream().noneMatch(event -> sameSignature(types, apiType, event, method))) {
        events.add(method);
      }
    }
    boolean closeable = types.isAssignable(types.erasure(api.asType()),
        environment.getElementUtils().getTypeElement("java.lang.AutoCloseable").asType());
    return new PublisherModel(api, GeneratedNames.beside(api, "", SUFFIX), methods, events, closeable);
  }

  /** {@code orderPlaced} becomes {@code OrderPlaced}. */
  static String capitalised(ExecutableElement event) {
    String name = event.getSimpleName().toString();
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** The functional interface generated for {@code event}: {@code OrderPlacedListener}. */
  static String listenerName(ExecutableElement event) {
    return capitalised(event) + "Listener";
  }

  private static boolean isCloseOfACloseable(ExecutableElement method) {
    String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
    return method.getSimpleName().contentEquals("close") && method.getParameters().isEmpty()
        && (owner.equals("java.lang.AutoCloseable") || owner.equals("java.io.Closeable"));
  }

  private static boolean sameSignature(Types types, DeclaredType apiType, ExecutableElement a, ExecutableElement b) {
    return a.getSimpleName().equals(b.getSimpleName())
        && types.isSubsignature((ExecutableType) types.asMemberOf(apiType, a), (ExecutableType) types.asMemberOf(apiType, b));
  }
}

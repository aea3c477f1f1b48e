package io.github.posa4j.processor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Which return types make a resilience-protected method asynchronous: any {@code CompletionStage},
 * of which the decorator can return exactly {@code CompletionStage} and {@code CompletableFuture}.
 */
final class CompletionStages {
  private CompletionStages() {}

  /** Whether {@code type} is a {@code CompletionStage}, of any kind. */
  static boolean isCompletionStage(ProcessingEnvironment environment, TypeMirror type) {
    Types types = environment.getTypeUtils();
    TypeMirror stage = types.erasure(environment.getElementUtils().getTypeElement(CompletionStage.class.getName()).asType());
    return type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), stage);
  }

  /** Whether a decorator can return {@code type}: {@code CompletionStage} or {@code CompletableFuture}. */
  static boolean isSupported(ProcessingEnvironment environment, TypeMirror type) {
    String erased = environment.getTypeUtils().erasure(type).toString();
    return erased.equals(CompletionStage.class.getName()) || erased.equals(CompletableFuture.class.getName());
  }
}

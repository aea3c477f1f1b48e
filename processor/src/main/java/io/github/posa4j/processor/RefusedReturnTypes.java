package io.github.posa4j.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Return types the resilience policies cannot judge. The policies judge the outcome of a call: the
 * value or exception it returns, or how a returned {@code CompletionStage} completes. A lazy type
 * (Reactor, Mutiny, RxJava, a reactive-streams publisher) only describes work that runs once
 * subscribed to, and a {@code Future} that is not a {@code CompletionStage} tells its outcome only
 * to a caller blocking in {@code get()}: around either, the policies would see only the call that
 * hands it out. They are recognised by name, theirs or a supertype's, so that none of these
 * libraries is a dependency.
 */
final class RefusedReturnTypes {
  static final String FUTURE = "java.util.concurrent.Future";

  private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  private static final List<String> LAZY = List.of(
      "reactor.core.publisher.Mono",
      "reactor.core.publisher.Flux",
      "io.smallrye.mutiny.Uni",
      "io.smallrye.mutiny.Multi",
      "io.reactivex.rxjava3.core.Single",
      "io.reactivex.rxjava3.core.Maybe",
      "io.reactivex.rxjava3.core.Completable",
      "io.reactivex.rxjava3.core.Observable",
      "io.reactivex.rxjava3.core.Flowable",
      "io.reactivex.Single",
      "io.reactivex.Maybe",
      "io.reactivex.Completable",
      "io.reactivex.Observable",
      "io.reactivex.Flowable",
      "java.util.concurrent.Flow.Publisher",
      "org.reactivestreams.Publisher");

  private RefusedReturnTypes() {}

  /**
   * The refused type that {@code returnType} is or extends, nearest first: {@code Mono} for a
   * {@code Mono} rather than the publisher it implements. Empty for anything a policy can judge,
   * {@code CompletionStage} and its subtypes included.
   */
  static Optional<String> of(Types types, TypeMirror returnType) {
    List<String> names = typeAndSupertypes(types, returnType);
    if (names.contains(COMPLETION_STAGE)) {
      return Optional.empty();
    }
    Optional<String> lazy = names.stream().filter(LAZY::contains).findFirst();
    return lazy.isPresent() ? lazy : names.stream().filter(FUTURE::equals).findFirst();
  }

  /** The canonical names of {@code type} and of all its supertypes, breadth first. */
  private static List<String> typeAndSupertypes(Types types, TypeMirror type) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Queue<TypeMirror> pending = new ArrayDeque<>(List.of(type));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.remove();
      if (next.getKind() != TypeKind.DECLARED) {
        continue;
      }
      String name = ((TypeElement) ((DeclaredType) next).asElement()).getQualifiedName().toString();
      if (seen.add(name)) {
        names.add(name);
        pending.addAll(types.directSupertypes(next));
      }
    }
    return names;
  }
}

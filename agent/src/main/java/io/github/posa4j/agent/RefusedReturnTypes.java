package io.github.posa4j.agent;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Return types whose outcome the resilience policies cannot see: lazy reactive types, whose call
 * returns before anything runs, and a {@code Future} that is not a {@code CompletionStage}, whose
 * outcome only a blocking wait reveals. Known by name, so that no such library is needed; the
 * processor refuses the same types at compile time.
 */
final class RefusedReturnTypes {
  /** Each refused type and the library it belongs to. */
  private static final Map<String, String> LAZY = Map.ofEntries(
      Map.entry("reactor.core.publisher.Mono", "Reactor"),
      Map.entry("reactor.core.publisher.Flux", "Reactor"),
      Map.entry("io.smallrye.mutiny.Uni", "Mutiny"),
      Map.entry("io.smallrye.mutiny.Multi", "Mutiny"),
      Map.entry("io.reactivex.rxjava3.core.Single", "RxJava"),
      Map.entry("io.reactivex.rxjava3.core.Maybe", "RxJava"),
      Map.entry("io.reactivex.rxjava3.core.Completable", "RxJava"),
      Map.entry("io.reactivex.rxjava3.core.Observable", "RxJava"),
      Map.entry("io.reactivex.rxjava3.core.Flowable", "RxJava"),
      Map.entry("io.reactivex.Single", "RxJava"),
      Map.entry("io.reactivex.Maybe", "RxJava"),
      Map.entry("io.reactivex.Completable", "RxJava"),
      Map.entry("io.reactivex.Observable", "RxJava"),
      Map.entry("io.reactivex.Flowable", "RxJava"),
      Map.entry("org.reactivestreams.Publisher", "Reactive Streams"),
      Map.entry("java.util.concurrent.Flow$Publisher", "java.util.concurrent.Flow"));
  private static final String FUTURE = "java.util.concurrent.Future";
  private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

  private RefusedReturnTypes() {}

  /**
   * Why a method returning {@code returned} cannot be woven, or null when it can. Supertypes that
   * cannot be resolved are skipped: the type's own name still counts.
   */
  static String reason(TypeDescription returned) {
    if (returned.isPrimitive() || returned.isArray()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>(); // the type first: Mono, not the Publisher it implements
    collectNames(returned, names);
    if (names.contains(COMPLETION_STAGE)) {
      return null; // judged by how it completes, whatever else it is
    }
    for (String name : names) {
      String library = LAZY.get(name);
      if (library != null) {
        return "returns " + returned.getName() + ", a lazy " + library + " type: the call returns before any work"
            + " runs, so the policies would see only its assembly, never its outcome; return a CompletionStage (for"
            + " example the type's toFuture() or toCompletionStage()) or the plain value instead";
      }
    }
    if (names.contains(FUTURE)) {
      return "returns " + returned.getName() + ", a Future that is not a CompletionStage: only a blocking get()"
          + " reveals its outcome, after the call; return CompletionStage or CompletableFuture, or the plain value"
          + " instead";
    }
    return null;
  }

  /** Adds the names of {@code type} and of every supertype that can be resolved. */
  private static void collectNames(TypeDefinition type, Set<String> names) {
    if (type == null || !names.add(type.asErasure().getName())) {
      return;
    }
    try {
      collectNames(type.getSuperClass(), names);
      for (TypeDefinition implemented : type.getInterfaces()) {
        collectNames(implemented, names);
      }
    } catch (RuntimeException unresolvable) {
      // A supertype the class loader cannot find: judge by the names already seen.
    }
  }
}

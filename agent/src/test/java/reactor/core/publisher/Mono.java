package reactor.core.publisher;

/** A stand-in for Reactor's {@code Mono}, known to the agent by name only. */
public final class Mono<T> {
  private final T value;

  private Mono(T value) {
    this.value = value;
  }

  /** A mono of {@code value}. */
  public static <T> Mono<T> just(T value) {
    return new Mono<>(value);
  }

  /** The value. */
  public T block() {
    return value;
  }
}

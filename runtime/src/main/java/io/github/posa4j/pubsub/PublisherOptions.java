package io.github.posa4j.pubsub;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * What a generated publisher does beyond delivering events: its name, where subscribers' errors go,
 * and the executor of asynchronous subscribers that do not name one. Immutable; one instance may
 * serve any number of publishers.
 *
 * <pre>{@code
 * OrderEventsPublisher orders = OrderEventsPublisher.create(PublisherOptions.builder()
 *     .name("orders")
 *     .errorHandler(failure -> deadLetters.add(failure))
 *     .executor(notificationPool)
 *     .build());
 * }</pre>
 */
public final class PublisherOptions {
  private static final PublisherOptions DEFAULTS = new Builder().build();

  private final String name;
  private final SubscriberErrorHandler errorHandler;
  private final Executor executor;

  private PublisherOptions(Builder builder) {
    this.name = builder.name;
    this.errorHandler = builder.errorHandler;
    this.executor = builder.executor;
  }

  /**
   * The interface's name as the publisher's name, {@linkplain SubscriberErrorHandler#logging()
   * logged} subscriber errors, and {@link ForkJoinPool#commonPool()} for asynchronous subscribers.
   */
  public static PublisherOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the {@linkplain #defaults() defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The name given to the builder, or {@code null} to use the interface's. */
  public String name() {
    return name;
  }

  /** Where failed deliveries go. */
  public SubscriberErrorHandler errorHandler() {
    return errorHandler;
  }

  /** The executor of asynchronous subscribers whose {@link Delivery} names none. */
  public Executor executor() {
    return executor;
  }

  @Override
  public String toString() {
    return "PublisherOptions[name=" + name + ", errorHandler=" + errorHandler + ", executor=" + executor + "]";
  }

  /** Builds {@link PublisherOptions}. */
  public static final class Builder {
    private String name;
    private SubscriberErrorHandler errorHandler = SubscriberErrorHandler.logging();
    private Executor executor = ForkJoinPool.commonPool();

    private Builder() {}

    /** The publisher's name in error reports and {@code toString()}; default: the interface's simple name. */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("the publisher name is blank; give a name or leave it unset");
      }
      this.name = name;
      return this;
    }

    /** Where subscribers' errors and refused events go; default: {@link SubscriberErrorHandler#logging()}. */
    public Builder errorHandler(SubscriberErrorHandler errorHandler) {
      this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
      return this;
    }

    /**
     * The executor of asynchronous subscribers whose {@link Delivery} names none; default:
     * {@link ForkJoinPool#commonPool()}. The publisher never shuts it down.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public PublisherOptions build() {
      return new PublisherOptions(this);
    }
  }
}

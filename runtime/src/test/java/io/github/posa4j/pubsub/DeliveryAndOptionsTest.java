package io.github.posa4j.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.pubsub.internal.EventDispatcher;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The value types of the publisher runtime: their defaults and their refusal of bad input. */
class DeliveryAndOptionsTest {

  @Test
  void syncAndAsyncDefaults() {
    assertThat(Delivery.sync().isAsync()).isFalse();
    assertThat(Delivery.sync().capacity()).isZero();
    assertThat(Delivery.async().isAsync()).isTrue();
    assertThat(Delivery.async().capacity()).isEqualTo(Delivery.DEFAULT_CAPACITY).isEqualTo(1_024);
    assertThat(Delivery.async().overflow()).isEqualTo(QueueOverflow.BLOCK);
    assertThat(Delivery.async().executor()).isNull();
    Executor direct = Runnable::run;
    assertThat(Delivery.async(direct).executor()).isSameAs(direct);
    assertThat(Delivery.async(direct, 3, QueueOverflow.DROP_OLDEST).toString())
        .isEqualTo("Delivery.async(" + direct + ", 3, DROP_OLDEST)");
  }

  @Test
  void aQueueMustHoldAnEvent() {
    assertThatThrownBy(() -> Delivery.async(0, QueueOverflow.FAIL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity is 0; an asynchronous subscriber's queue must hold at least 1 event");
    assertThatThrownBy(() -> Delivery.async(Runnable::run, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("overflow");
  }

  @Test
  void optionsDefaultsAndValidation() {
    PublisherOptions defaults = PublisherOptions.defaults();
    assertThat(defaults.name()).isNull();
    assertThat(defaults.executor()).isSameAs(ForkJoinPool.commonPool());
    assertThat(defaults.errorHandler()).isNotNull();
    assertThatThrownBy(() -> PublisherOptions.builder().name(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the publisher name is blank; give a name or leave it unset");
    assertThatThrownBy(() -> PublisherOptions.builder().errorHandler(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("errorHandler");
  }

  @Test
  void aFailureNamesPublisherEventSubscriberAndErrorButNotTheArguments() {
    DeliveryFailure failure = new DeliveryFailure("orders", "orderPlaced", new Object[] {"order-1", null}, "audit",
        new IllegalStateException("disk full"));

    assertThat(failure.arguments()).containsExactly("order-1", null);
    assertThatThrownBy(() -> failure.arguments().add("more")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(failure).hasToString(
        "subscriber audit of orders failed on event orderPlaced: java.lang.IllegalStateException: disk full");
  }

  @Test
  void aDispatcherTakesItsNameFromTheOptionsOrTheInterface() {
    assertThat(new EventDispatcher<Runnable>("Events", PublisherOptions.defaults(), () -> {}).name()).isEqualTo("Events");
    assertThat(new EventDispatcher<Runnable>("Events", PublisherOptions.builder().name("bus").build(), () -> {}))
        .hasToString("bus, 0 subscriptions");
  }
}

package io.github.posa4j.processor.fixtures;

import io.github.posa4j.pubsub.Delivery;
import io.github.posa4j.pubsub.PublisherOptions;
import io.github.posa4j.pubsub.Subscription;
import io.github.posa4j.pubsub.internal.EventDispatcher;
import io.github.posa4j.pubsub.internal.EventQueue;
import io.github.posa4j.pubsub.internal.QueuedEvent;
import io.github.posa4j.pubsub.internal.Registration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Publishes the events of {@link Orders} to its subscribers; generated from its {@code @Publisher}
 * annotation.
 *
 * <p>Each event method delivers its call to every subscriber and listener, in registration order:
 * synchronous ones on the calling thread before it returns, asynchronous ones through their own
 * queues. A subscriber that throws does not stop the others, and the caller never sees its error,
 * which goes to the error handler of the {@code PublisherOptions}. Subscribing and unsubscribing
 * are safe at any time, also during a delivery. Calls go through generated code, without reflection.
 */
@Generated("io.github.posa4j.processor.Posa4jProcessor")
public final class OrdersPublisher implements Orders, AutoCloseable {
  private final EventDispatcher<Orders> dispatcher;

  private OrdersPublisher(PublisherOptions options) {
    this.dispatcher = new EventDispatcher<>("Orders", options, new Ignoring());
  }

  /**
   * A publisher without subscribers, with the default options: errors of subscribers are logged,
   * and asynchronous subscribers that name no executor run on the common fork-join pool.
   */
  public static OrdersPublisher create() {
    return new OrdersPublisher(PublisherOptions.defaults());
  }

  /**
   * A publisher without subscribers, with the given name, error handler and default executor.
   */
  public static OrdersPublisher create(PublisherOptions options) {
    return new OrdersPublisher(options);
  }

  /**
   * Subscribes {@code subscriber} to every event, delivered synchronously: on the publishing
   * thread, after the subscribers registered before it.
   */
  public Subscription subscribe(Orders subscriber) {
    return subscribe(subscriber, Delivery.sync());
  }

  /**
   * Subscribes {@code subscriber} to every event, delivered as {@code delivery} says.
   */
  public Subscription subscribe(Orders subscriber, Delivery delivery) {
    return dispatcher.subscribe(subscriber, subscriber, delivery, Queueing::new);
  }

  /**
   * Subscribes {@code listener} to {@code orderPlaced} events only, delivered synchronously.
   */
  public Subscription onOrderPlaced(OrderPlacedListener listener) {
    return onOrderPlaced(listener, Delivery.sync());
  }

  /**
   * Subscribes {@code listener} to {@code orderPlaced} events only, delivered as {@code delivery} says;
   * an asynchronous listener's queue holds its events only.
   */
  public Subscription onOrderPlaced(OrderPlacedListener listener, Delivery delivery) {
    return dispatcher.subscribe(listener, new OrderPlacedAdapter(listener), delivery,
            queue -> new OrderPlacedAdapter(new Queueing(queue)::orderPlaced));
  }

  /**
   * Subscribes {@code listener} to {@code orderCancelled} events only, delivered synchronously.
   */
  public Subscription onOrderCancelled(OrderCancelledListener listener) {
    return onOrderCancelled(listener, Delivery.sync());
  }

  /**
   * Subscribes {@code listener} to {@code orderCancelled} events only, delivered as {@code delivery} says;
   * an asynchronous listener's queue holds its events only.
   */
  public Subscription onOrderCancelled(OrderCancelledListener listener, Delivery delivery) {
    return dispatcher.subscribe(listener, new OrderCancelledAdapter(listener), delivery,
            queue -> new OrderCancelledAdapter(new Queueing(queue)::orderCancelled));
  }

  @Override
  public void orderPlaced(String orderId, List<String> items) {
    for (Registration<Orders> registration : dispatcher.registrations()) {
      try {
        registration.target().orderPlaced(orderId, items);
      } catch (Throwable e) {
        dispatcher.failed(registration, "orderPlaced", e, new Object[] {orderId, items});
      }
    }
  }

  @Override
  public void orderCancelled(String orderId, String reason) {
    for (Registration<Orders> registration : dispatcher.registrations()) {
      try {
        registration.target().orderCancelled(orderId, reason);
      } catch (Throwable e) {
        dispatcher.failed(registration, "orderCancelled", e, new Object[] {orderId, reason});
      }
    }
  }

  /**
   * Stops publishing: waits until every asynchronous subscriber has received the events queued
   * for it, then removes every subscriber. Publishing or subscribing afterwards throws
   * {@link IllegalStateException}. Idempotent. Called from an asynchronous subscriber it does not
   * wait (a sibling queue may need that very thread); interrupted, it stops waiting.
   */
  @Override
  public void close() {
    dispatcher.close();
  }

  @Override
  public String toString() {
    return "OrdersPublisher[" + dispatcher + "]";
  }

  /**
   * Receives {@code orderPlaced} events; subscribe one with {@link #onOrderPlaced}.
   */
  @FunctionalInterface
  public interface OrderPlacedListener {
    void orderPlaced(String orderId, List<String> items);
  }

  /**
   * Receives {@code orderCancelled} events; subscribe one with {@link #onOrderCancelled}.
   */
  @FunctionalInterface
  public interface OrderCancelledListener {
    void orderCancelled(String orderId, String reason);
  }

  /**
   * Adapts {@link OrderPlacedListener} to a subscriber that ignores the other events.
   */
  private static final class OrderPlacedAdapter implements Orders {
    private final OrderPlacedListener listener;

    OrderPlacedAdapter(OrderPlacedListener listener) {
      this.listener = listener;
    }

    @Override
    public void orderPlaced(String orderId, List<String> items) {
      listener.orderPlaced(orderId, items);
    }

    @Override
    public void orderCancelled(String orderId, String reason) {
    }
  }

  /**
   * Adapts {@link OrderCancelledListener} to a subscriber that ignores the other events.
   */
  private static final class OrderCancelledAdapter implements Orders {
    private final OrderCancelledListener listener;

    OrderCancelledAdapter(OrderCancelledListener listener) {
      this.listener = listener;
    }

    @Override
    public void orderPlaced(String orderId, List<String> items) {
    }

    @Override
    public void orderCancelled(String orderId, String reason) {
      listener.orderCancelled(orderId, reason);
    }
  }

  /**
   * Queues each event for an asynchronous subscriber.
   */
  private static final class Queueing implements Orders {
    private final EventQueue<Orders> queue;

    Queueing(EventQueue<Orders> queue) {
      this.queue = queue;
    }

    @Override
    public void orderPlaced(String orderId, List<String> items) {
      queue.offer(new OrderPlacedEvent(orderId, items));
    }

    @Override
    public void orderCancelled(String orderId, String reason) {
      queue.offer(new OrderCancelledEvent(orderId, reason));
    }
  }

  /**
   * What a closed subscription delivers to: every event is ignored.
   */
  private static final class Ignoring implements Orders {
    @Override
    public void orderPlaced(String orderId, List<String> items) {
    }

    @Override
    public void orderCancelled(String orderId, String reason) {
    }
  }

  /**
   * One {@code orderPlaced} event waiting in an asynchronous subscriber's queue.
   */
  private static final class OrderPlacedEvent extends QueuedEvent<Orders> {
    private final String orderId;

    private final List<String> items;

    OrderPlacedEvent(String orderId, List<String> items) {
      this.orderId = orderId;
      this.items = items;
    }

    @Override
    protected void deliverTo(Orders subscriber) {
      subscriber.orderPlaced(orderId, items);
    }

    @Override
    protected String event() {
      return "orderPlaced";
    }

    @Override
    protected Object[] arguments() {
      return new Object[] {orderId, items};
    }
  }

  /**
   * One {@code orderCancelled} event waiting in an asynchronous subscriber's queue.
   */
  private static final class OrderCancelledEvent extends QueuedEvent<Orders> {
    private final String orderId;

    private final String reason;

    OrderCancelledEvent(String orderId, String reason) {
      this.orderId = orderId;
      this.reason = reason;
    }

    @Override
    protected void deliverTo(Orders subscriber) {
      subscriber.orderCancelled(orderId, reason);
    }

    @Override
    protected String event() {
      return "orderCancelled";
    }

    @Override
    protected Object[] arguments() {
      return new Object[] {orderId, reason};
    }
  }
}

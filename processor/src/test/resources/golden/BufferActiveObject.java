package io.github.posa4j.processor.fixtures;

import io.github.posa4j.active.ActiveObjectOptions;
import io.github.posa4j.active.internal.ActiveObjectScheduler;
import io.github.posa4j.active.internal.MethodRequest;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The active object of {@link Buffer}, generated from its {@code @ActiveObject} annotation.
 *
 * <p>Each method queues a method request and returns its future at once. The scheduler runs
 * the requests on the servant one at a time, in the order they arrived, each happening-before
 * the next; a request whose guard is false waits without holding up the others. A failure of
 * the servant completes only that request's future, checked exceptions included.
 */
@Generated("io.github.posa4j.processor.Posa4jProcessor")
public final class BufferActiveObject<T> implements AutoCloseable {
  private final ActiveObjectScheduler<Buffer<T>> scheduler;

  private BufferActiveObject(ActiveObjectScheduler<Buffer<T>> scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Starts an active object serving {@code servant}, with the default options: a dedicated
   * thread, and a queue of 65,536 requests that makes callers wait when full. Do not call
   * {@code servant} directly afterwards.
   */
  public static <T> BufferActiveObject<T> start(Buffer<T> servant) {
    return start(servant, ActiveObjectOptions.defaults());
  }

  /**
   * Starts an active object serving {@code servant}: its queue, overflow policy, name and
   * thread(s) as {@code options} say. Do not call {@code servant} directly afterwards.
   */
  public static <T> BufferActiveObject<T> start(Buffer<T> servant, ActiveObjectOptions options) {
    return new BufferActiveObject<T>(ActiveObjectScheduler.start(servant, options, "BufferActiveObject"));
  }

  /**
   * Queues a call of {@link Buffer#put}, which runs once {@code hasRoom()} is true;
   * the future completes with its outcome.
   */
  public CompletableFuture<Void> put(T item) {
    return scheduler.submit(new PutRequest<T>(item));
  }

  /**
   * Queues a call of {@link Buffer#take}, which runs once {@code hasItems()} is true;
   * the future completes with its outcome.
   */
  public CompletableFuture<T> take() {
    return scheduler.submit(new TakeRequest<T>());
  }

  /**
   * Queues a call of {@link Buffer#size};
   * the future completes with its outcome.
   */
  public CompletableFuture<Integer> size() {
    return scheduler.submit(new SizeRequest<T>());
  }

  /**
   * How many requests are queued, those waiting for a guard included, not counting the one
   * running.
   */
  public int pendingRequests() {
    return scheduler.pendingRequests();
  }

  /**
   * Stops accepting calls, runs the queued requests and returns when the last has finished;
   * later calls return a future failed with a {@code RejectedExecutionException}. Requests
   * still waiting for a guard that nothing can make true are cancelled.
   */
  @Override
  public void close() {
    scheduler.close();
  }

  /**
   * Stops accepting calls and cancels the queued requests, whose futures complete with a
   * {@code CancellationException}; the running request finishes first.
   *
   * @return how many queued requests were cancelled
   */
  public int shutdownNow() {
    return scheduler.shutdownNow();
  }

  @Override
  public String toString() {
    return "BufferActiveObject[" + scheduler + "]";
  }

  /**
   * A queued call of {@link Buffer#put}, which runs once {@code hasRoom()} is true.
   */
  private static final class PutRequest<T> extends MethodRequest<Buffer<T>, Void> {
    private final T item;

    PutRequest(T item) {
      this.item = item;
    }

    @Override
    protected boolean guard(Buffer<T> servant) {
      return servant.hasRoom();
    }

    @Override
    protected void execute(Buffer<T> servant) {
      servant.put(item);
      complete(null);
    }
  }

  /**
   * A queued call of {@link Buffer#take}, which runs once {@code hasItems()} is true.
   */
  private static final class TakeRequest<T> extends MethodRequest<Buffer<T>, T> {
    @Override
    protected boolean guard(Buffer<T> servant) {
      return servant.hasItems();
    }

    @Override
    protected void execute(Buffer<T> servant) {
      complete(servant.take());
    }
  }

  /**
   * A queued call of {@link Buffer#size}.
   */
  private static final class SizeRequest<T> extends MethodRequest<Buffer<T>, Integer> {
    @Override
    protected void execute(Buffer<T> servant) {
      complete(servant.size());
    }
  }
}

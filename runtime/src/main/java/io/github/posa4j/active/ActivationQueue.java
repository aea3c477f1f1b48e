package io.github.posa4j.active;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * The queued requests of one active object (the Activation List of POSA2). Callers push onto a
 * lock-free stack; the one consumer takes the whole stack at once and reverses it into the
 * {@code ready} list, so that requests leave in the order they arrived. Requests whose guard was
 * false wait in the {@code waiting} list, oldest first, and are examined again only after the
 * servant has run a request, since nothing else can change its state.
 *
 * <p>Everything but {@link #push} and {@link #hasIncoming} belongs to the consumer, one thread at
 * a time.
 */
final class ActivationQueue<S> {
  private static final VarHandle INCOMING;

  static {
    try {
      INCOMING = MethodHandles.lookup().findVarHandle(ActivationQueue.class, "incoming", MethodRequest.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Requests pushed since the consumer last looked, newest first. */
  @SuppressWarnings("unused") // through INCOMING
  private volatile MethodRequest<S, ?> incoming;

  private MethodRequest<S, ?> ready;
  private MethodRequest<S, ?> waitingHead;
  private MethodRequest<S, ?> waitingTail;
  private int waitingCount;
  private boolean servantChanged;

  /** Adds a request; any thread. */
  void push(MethodRequest<S, ?> request) {
    MethodRequest<S, ?> head;
    do {
      head = incoming;
      request.next = head;
    } while (!INCOMING.weakCompareAndSet(this, head, request));
  }

  /** Whether requests were pushed that the consumer has not taken yet; any thread. */
  boolean hasIncoming() {
    return incoming != null;
  }

  /** Tells the queue that the servant ran a request, so that waiting guards are worth a look. */
  void servantChanged() {
    servantChanged = waitingHead != null;
  }

  int waitingCount() {
    return waitingCount;
  }

  /**
   * The oldest request that may run now, removed from the queue; or a request that is already
   * complete (withdrawn by its caller, or failed by its guard), also removed, for the scheduler to
   * count out; or {@code null} when nothing may run.
   */
  MethodRequest<S, ?> next(S servant) {
    if (servantChanged) {
      servantChanged = false;
      MethodRequest<S, ?> admitted = removeFirstAdmittedWaiting(servant);
      if (admitted != null) {
        return admitted;
      }
    }
    for (;;) {
      MethodRequest<S, ?> request = ready;
      if (request == null) {
        request = takeIncoming();
        if (request == null) {
          return null;
        }
      }
      ready = request.next;
      request.next = null;
      if (request.isDone() || admits(request, servant)) {
        return request;
      }
      addWaiting(request);
    }
  }

  /** Removes every request, oldest first, handing each to {@code action}. */
  void removeAll(Consumer<MethodRequest<S, ?>> action) {
    MethodRequest<S, ?> request = waitingHead;
    waitingHead = waitingTail = null;
    waitingCount = 0;
    removeEach(request, action);
    request = ready;
    ready = null;
    removeEach(request, action);
    removeEach(takeIncoming(), action);
  }

  private static <S> void removeEach(MethodRequest<S, ?> request, Consumer<MethodRequest<S, ?>> action) {
    while (request != null) {
      MethodRequest<S, ?> next = request.next;
      request.next = null;
      action.accept(request);
      request = next;
    }
  }

  /** Takes what was pushed, oldest first; {@code null} if nothing was. */
  private MethodRequest<S, ?> takeIncoming() {
    if (incoming == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    MethodRequest<S, ?> newestFirst = (MethodRequest<S, ?>) INCOMING.getAndSet(this, null);
    MethodRequest<S, ?> oldestFirst = null;
    while (newestFirst != null) {
      MethodRequest<S, ?> next = newestFirst.next;
      newestFirst.next = oldestFirst;
      oldestFirst = newestFirst;
      newestFirst = next;
    }
    return oldestFirst;
  }

  private MethodRequest<S, ?> removeFirstAdmittedWaiting(S servant) {
    MethodRequest<S, ?> previous = null;
    for (MethodRequest<S, ?> request = waitingHead; request != null; request = request.next) {
      if (request.isDone() || admits(request, servant)) {
        if (previous == null) {
          waitingHead = request.next;
        } else {
          previous.next = request.next;
        }
        if (waitingTail == request) {
          waitingTail = previous;
        }
        request.next = null;
        waitingCount--;
        return request;
      }
      previous = request;
    }
    return null;
  }

  private void addWaiting(MethodRequest<S, ?> request) {
    if (waitingTail == null) {
      waitingHead = request;
    } else {
      waitingTail.next = request;
    }
    waitingTail = request;
    waitingCount++;
  }

  /** The request's guard; a guard that throws fails its request, which then leaves the queue. */
  private static <S> boolean admits(MethodRequest<S, ?> request, S servant) {
    try {
      return request.guard(servant);
    } catch (Throwable failure) {
      request.completeExceptionally(failure);
      return true;
    }
  }
}

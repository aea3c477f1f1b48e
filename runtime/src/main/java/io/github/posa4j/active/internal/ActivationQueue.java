package io.github.posa4j.active.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The queued requests of one active object (the Activation List of POSA2). Callers push onto a
 * lock-free stack; the one consumer takes the whole stack at once and reverses it into the
 * {@code ready} list, so that requests leave in the order they arrived. Requests whose guard was
 * false wait, grouped by {@linkplain MethodRequest#guardKey() guard key}, and are examined again
 * only after the servant has run a request, since nothing else can change its state; then only
 * the oldest of each group is examined, so that a thousand waiting requests of one method cost
 * one guard call, not a thousand.
 *
 * <p>It belongs to the consumer, one thread at a time; callers push onto {@link CallerSide}.
 */
final class ActivationQueue<S> {
  /** Where callers push requests. */
  private final CallerSide<S> source;
  private MethodRequest<S, ?> ready;
  /** Requests whose guard was false, by guard key, in the order the keys first waited. */
  private List<WaitingGroup<S>> waiting;
  private int waitingCount;
  private int waitingSequence;
  private boolean servantChanged;

  ActivationQueue(CallerSide<S> source) {
    this.source = source;
  }

  /** Waiting requests with one guard key, oldest first: only the oldest needs its guard examined. */
  private static final class WaitingGroup<S> {
    final Object key;
    MethodRequest<S, ?> head;
    MethodRequest<S, ?> tail;

    WaitingGroup(Object key) {
      this.key = key;
    }
  }

  /** Tells the queue that the servant ran a request, so that waiting guards are worth a look. */
  void servantChanged() {
    servantChanged = waitingCount != 0;
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
      MethodRequest<S, ?> admitted = removeOldestAdmittedWaiting(servant);
      if (admitted != null) {
        return admitted;
      }
    }
    for (;;) {
      MethodRequest<S, ?> request = ready;
      if (request == null) {
        request = source.takeIncoming();
        if (request == null) {
          return null;
        }
      }
      ready = request.next;
      request.next = null;
      if (request.isDone()) {
        return request;
      }
      // Older requests with the same guard wait, so the guard is false: wait behind them.
      WaitingGroup<S> group = waitingCount == 0 ? null : groupOf(request.guardKey());
      if (group == null && admits(request, servant)) {
        return request;
      }
      addWaiting(group != null ? group : newGroup(request.guardKey()), request);
    }
  }

  /** Removes every request, waiting ones first, handing each to {@code action}. */
  void removeAll(Consumer<MethodRequest<S, ?>> action) {
    if (waiting != null) {
      for (WaitingGroup<S> group : waiting) {
        MethodRequest<S, ?> request = group.head;
        group.head = group.tail = null;
        removeEach(request, action);
      }
      waiting.clear();
    }
    waitingCount = 0;
    MethodRequest<S, ?> request = ready;
    ready = null;
    removeEach(request, action);
    removeEach(source.takeIncoming(), action);
  }

  private static <S> void removeEach(MethodRequest<S, ?> request, Consumer<MethodRequest<S, ?>> action) {
    while (request != null) {
      MethodRequest<S, ?> next = request.next;
      request.next = null;
      action.accept(request);
      request = next;
    }
  }

  /** Of the groups whose oldest request may run (or is already complete), the oldest such request. */
  private MethodRequest<S, ?> removeOldestAdmittedWaiting(S servant) {
    WaitingGroup<S> oldest = null;
    for (WaitingGroup<S> group : waiting) {
      MethodRequest<S, ?> head = group.head;
      if ((oldest == null || head.waitingSince - oldest.head.waitingSince < 0)
          && (head.isDone() || admits(head, servant))) {
        oldest = group;
      }
    }
    if (oldest == null) {
      return null;
    }
    MethodRequest<S, ?> request = oldest.head;
    oldest.head = request.next;
    request.next = null;
    if (oldest.head == null) {
      oldest.tail = null;
      waiting.remove(oldest);
    }
    waitingCount--;
    return request;
  }

  private WaitingGroup<S> groupOf(Object key) {
    if (waiting == null) {
      return null;
    }
    for (WaitingGroup<S> group : waiting) {
      if (group.key.equals(key)) {
        return group;
      }
    }
    return null;
  }

  private WaitingGroup<S> newGroup(Object key) {
    WaitingGroup<S> group = new WaitingGroup<>(key);
    if (waiting == null) {
      waiting = new ArrayList<>(4);
    }
    waiting.add(group);
    return group;
  }

  private void addWaiting(WaitingGroup<S> group, MethodRequest<S, ?> request) {
    request.waitingSince = waitingSequence++;
    if (group.tail == null) {
      group.head = request;
    } else {
      group.tail.next = request;
    }
    group.tail = request;
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

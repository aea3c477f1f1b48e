package io.github.posa4j.active.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The fields of a scheduler that callers write on every call, kept apart from those the
 * consumer writes on every request (see {@link CallerSidePadding}): on a multi-core machine a
 * cache line written from two cores moves between them at every write, which costs more than the
 * rest of a call.
 */
abstract class CallerSide<S> {
  static final VarHandle INCOMING;
  static final VarHandle CONTROL;
  static final VarHandle WAKE_STATE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      INCOMING = lookup.findVarHandle(CallerSide.class, "incoming", MethodRequest.class);
      CONTROL = lookup.findVarHandle(CallerSide.class, "control", int.class);
      WAKE_STATE = lookup.findVarHandle(CallerSide.class, "wakeState", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Requests pushed since the consumer last looked, newest first. */
  volatile MethodRequest<S, ?> incoming;

  /**
   * Requests ever accepted (modulo 2<sup>29</sup>) and the lifecycle bits, changed together so
   * that no request slips past a close.
   */
  volatile int control;

  /** A recent, possibly older, reading of the consumer's count of departed requests. */
  int departedSeen;

  /**
   * The consumer's wake-up state, which callers read on every call: whether the dedicated thread
   * sleeps ({@link ThreadScheduler}), or whether a turn is scheduled ({@link ExecutorScheduler}).
   */
  volatile int wakeState;

  final int capacity;

  CallerSide(int capacity) {
    this.capacity = capacity;
  }

  /** Adds a request; any thread. */
  final void push(MethodRequest<S, ?> request) {
    MethodRequest<S, ?> head;
    do {
      head = incoming;
      request.next = head;
    } while (!INCOMING.weakCompareAndSet(this, head, request));
  }

  /** Whether requests were pushed that the consumer has not taken yet; any thread. */
  final boolean hasIncoming() {
    return incoming != null;
  }

  /** Takes what was pushed, oldest first; {@code null} if nothing was. Consumer only. */
  final MethodRequest<S, ?> takeIncoming() {
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
}

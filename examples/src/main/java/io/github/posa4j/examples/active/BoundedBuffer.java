package io.github.posa4j.examples.active;

import io.github.posa4j.annotation.ActiveObject;
import io.github.posa4j.annotation.Guard;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bounded buffer written as plain single-threaded code. Its active object,
 * {@code BoundedBufferActiveObject}, makes it safe for any number of producers and consumers:
 * {@code put} waits while the buffer is full and {@code take} while it is empty, without holding
 * up the other calls.
 */
@ActiveObject
public class BoundedBuffer<T> {
  private final Deque<T> items = new ArrayDeque<>();
  private final int capacity;

  /** A buffer of at most {@code capacity} items. */
  public BoundedBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** Adds an item at the end; runs only when there is room. */
  @Guard("isNotFull")
  public void put(T item) {
    items.addLast(item);
  }

  /** Removes the first item; runs only when there is one. */
  @Guard("isNotEmpty")
  public T take() {
    return items.removeFirst();
  }

  /** How many items the buffer holds. */
  public int size() {
    return items.size();
  }

  boolean isNotFull() {
    return items.size() < capacity;
  }

  boolean isNotEmpty() {
    return !items.isEmpty();
  }
}

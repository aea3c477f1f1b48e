package io.github.posa4j.active.internal;

/**
 * 64 bytes between the fields callers write ({@link CallerSide}) and those the consumer writes
 * ({@link ActiveObjectScheduler}), so that they never share a cache line. The JVM lays out a
 * superclass's fields before its subclass's, which makes this dependable.
 */
@SuppressWarnings("unused")
abstract class CallerSidePadding<S> extends CallerSide<S> {
  private long p1;
  private long p2;
  private long p3;
  private long p4;
  private long p5;
  private long p6;
  private long p7;
  private long p8;

  CallerSidePadding(int capacity) {
    super(capacity);
  }
}

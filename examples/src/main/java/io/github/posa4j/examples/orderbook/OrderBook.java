package io.github.posa4j.examples.orderbook;

import io.github.posa4j.annotation.CommandProcessor;
import io.github.posa4j.annotation.ReadOnly;
import io.github.posa4j.annotation.Undo;
import io.github.posa4j.command.Snapshottable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's order book, written as plain single-threaded code; the generated
 * {@code OrderBookCommands} runs its commands one at a time, journals them, and can undo
 * {@link #place} and {@link #ship} through their inverses.
 *
 * <p>Every command checks its arguments and the book before it changes anything, so a command that
 * throws leaves the book as it was (and is not journaled). Commands are deterministic: the time of
 * an order comes in as a parameter, so that replaying the journal rebuilds the same book.
 */
@CommandProcessor
public class OrderBook implements Snapshottable<OrderBook.State> {
  /** Where an order is. */
  public enum Status { OPEN, SHIPPED }

  /**
   * What a customer ordered.
   *
   * @param orderId the order's id, unique in the book
   * @param customer who ordered
   * @param isbn the book ordered
   * @param quantity how many copies, at least one
   * @param price the price of one copy, not negative
   */
  public record OrderLine(String orderId, String customer, String isbn, int quantity, BigDecimal price) {
    /** {@code quantity} copies at {@code price}. */
    public BigDecimal amount() {
      return price.multiply(BigDecimal.valueOf(quantity));
    }
  }

  /**
   * An order in the book.
   *
   * @param line what was ordered
   * @param placedAt when it was placed
   * @param status whether it has been shipped
   */
  public record Entry(OrderLine line, Instant placedAt, Status status) {}

  /**
   * The whole book, as a snapshot holds it.
   *
   * @param entries the orders, in the order they were placed
   */
  public record State(List<Entry> entries) {}

  /** The orders by id, in the order they were placed. */
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** An empty book. */
  public OrderBook() {}

  /** The book {@code state} holds; recovery starts from a snapshot with it. */
  public OrderBook(State state) {
    for (Entry entry : state.entries()) {
      entries.put(entry.line().orderId(), entry);
    }
  }

  /**
   * Places an order and returns how many orders the book holds now. Undone by {@link #withdraw}.
   *
   * @throws IllegalArgumentException if the line is incomplete, or its id is in the book already
   */
  @Undo("withdraw")
  public int place(OrderLine line, Instant at) {
    if (line == null || line.orderId() == null || line.customer() == null || line.isbn() == null
        || line.price() == null || at == null) {
      throw new IllegalArgumentException("an order needs an id, a customer, an ISBN, a price and a time: " + line);
    }
    if (line.quantity() < 1) {
      throw new IllegalArgumentException(line.orderId() + ": " + line.quantity() + " is not a number of copies");
    }
    if (line.price().signum() < 0) {
      throw new IllegalArgumentException(line.orderId() + ": price " + line.price() + " is negative");
    }
    if (entries.containsKey(line.orderId())) {
      throw new IllegalArgumentException(line.orderId() + " is in the book already");
    }
    entries.put(line.orderId(), new Entry(line, at, Status.OPEN));
    return entries.size();
  }

  /** The inverse of {@link #place}: takes the order out of the book again. */
  void withdraw(OrderLine line, Instant at) {
    entries.remove(line.orderId());
  }

  /**
   * Marks an open order shipped. Undone by {@link #unship}.
   *
   * @throws IllegalArgumentException if there is no such order
   * @throws IllegalStateException if it has been shipped already
   */
  @Undo("unship")
  public void ship(String orderId) {
    Entry entry = find(orderId);
    if (entry.status() != Status.OPEN) {
      throw new IllegalStateException(orderId + " has been shipped already");
    }
    entries.put(orderId, new Entry(entry.line(), entry.placedAt(), Status.SHIPPED));
  }

  /** The inverse of {@link #ship}: the order is open again. */
  void unship(String orderId) {
    Entry entry = entries.get(orderId);
    entries.put(orderId, new Entry(entry.line(), entry.placedAt(), Status.OPEN));
  }

  /**
   * Takes an open order out of the book for good. It has no inverse, so running it clears the undo
   * history: nothing before it can be undone.
   *
   * @throws IllegalArgumentException if there is no such order
   * @throws IllegalStateException if it has been shipped
   */
  public void cancel(String orderId) {
    Entry entry = find(orderId);
    if (entry.status() != Status.OPEN) {
      throw new IllegalStateException(orderId + " has been shipped: too late to cancel it");
    }
    entries.remove(orderId);
  }

  /** The lines of the orders, in the order they were placed. */
  @ReadOnly
  public List<OrderLine> lines() {
    List<OrderLine> lines = new ArrayList<>(entries.size());
    for (Entry entry : entries.values()) {
      lines.add(entry.line());
    }
    return List.copyOf(lines);
  }

  /** How many orders the book holds. */
  @ReadOnly
  public int count() {
    return entries.size();
  }

  /** The amount of every order in the book, shipped or not. */
  @ReadOnly
  public BigDecimal total() {
    BigDecimal total = BigDecimal.ZERO;
    for (Entry entry : entries.values()) {
      total = total.add(entry.line().amount());
    }
    return total;
  }

  /**
   * Where the order {@code orderId} is.
   *
   * @throws IllegalArgumentException if there is no such order
   */
  @ReadOnly
  public Status status(String orderId) {
    return find(orderId).status();
  }

  @Override
  public State snapshot() {
    return new State(List.copyOf(entries.values()));
  }

  private Entry find(String orderId) {
    Entry entry = entries.get(orderId);
    if (entry == null) {
      throw new IllegalArgumentException("no order " + orderId + " in the book");
    }
    return entry;
  }
}

package io.github.posa4j.examples.shop;

import io.github.posa4j.annotation.ActiveObject;
import io.github.posa4j.annotation.Guard;
import java.util.HashSet;
import java.util.Set;

/**
 * The stock of one product, written as plain single-threaded code. Its active object,
 * {@code InventoryActiveObject}, runs every call on one thread, one at a time, and holds a
 * reservation in its queue while the product is sold out, until a restock or a released unit lets
 * it through, without holding up the calls behind it.
 */
@ActiveObject
public class Inventory {
  private final String sku;
  private final Set<String> reservedFor = new HashSet<>();
  private int available;

  /** {@code units} units of {@code sku} in stock. */
  public Inventory(String sku, int units) {
    this.sku = sku;
    this.available = units;
  }

  /**
   * Sets one unit aside for {@code orderId}; runs only when a unit is available. Answers how many
   * units are left.
   *
   * @throws IllegalStateException if the product is sold out, which the guard never lets happen
   */
  @Guard("inStock")
  public int reserve(String orderId) {
    if (available <= 0) {
      throw new IllegalStateException("oversold " + sku + ": reserving for " + orderId + " with " + available + " left");
    }
    available--;
    reservedFor.add(orderId);
    return available;
  }

  /** Puts back the unit reserved for {@code orderId}, if there is one. */
  public void release(String orderId) {
    if (reservedFor.remove(orderId)) {
      available++;
    }
  }

  /** Adds {@code units} delivered units to the stock. */
  public void restock(int units) {
    available += units;
  }

  /** How many units are available now. */
  public int available() {
    return available;
  }

  boolean inStock() {
    return available > 0;
  }
}

package io.github.posa4j.benchmarks.agent;

import java.util.HashMap;
import java.util.Map;

/**
 * The "legacy" service of {@link SmallApp}: five methods without any posa4j annotation, which
 * {@code benchmarks/startup-keys.properties} protects through the agent, one to four policies each.
 */
public class SmallShop {
  private final Map<String, Integer> stock = new HashMap<>();

  /** A shop with a few items in stock. */
  public SmallShop() {
    stock.put("apple", 10);
    stock.put("pear", 5);
    stock.put("plum", 7);
  }

  /** The unit price of an item, in cents. */
  public int price(String item) {
    return 40 + item.length() * 5;
  }

  /** Takes {@code count} items out of stock; false if there are not enough. */
  public boolean reserve(String item, int count) {
    int left = stock.getOrDefault(item, 0);
    if (left < count) {
      return false;
    }
    stock.put(item, left - count);
    return true;
  }

  /** The amount charged for an order line, in cents. */
  public long charge(String item, int count) {
    return (long) price(item) * count;
  }

  /** A shipping label. */
  public String ship(String item, int count) {
    return count + " x " + item;
  }

  /** How many items are left in stock. */
  public int inStock() {
    int total = 0;
    for (int left : stock.values()) {
      total += left;
    }
    return total;
  }
}

package io.github.posa4j.benchmarks.agent;

/**
 * The small application whose start-to-exit time {@link StartupTime} measures: it calls each of
 * the five methods of {@link SmallShop} a few times, prints one line and exits. It knows nothing
 * of posa4j and runs from a class path of its own two classes.
 */
public final class SmallApp {
  private SmallApp() {}

  /** Places three orders and prints the total charged, the labels and the stock left. */
  public static void main(String[] args) {
    SmallShop shop = new SmallShop();
    String[][] orders = {{"apple", "3"}, {"pear", "2"}, {"plum", "9"}};
    long total = 0;
    StringBuilder labels = new StringBuilder();
    for (String[] order : orders) {
      String item = order[0];
      int count = Integer.parseInt(order[1]);
      if (shop.reserve(item, count)) {
        total += shop.charge(item, count);
        labels.append(shop.ship(item, count)).append("; ");
      }
    }
    System.out.println("charged " + total + " cents for " + labels + shop.inStock() + " left");
  }
}

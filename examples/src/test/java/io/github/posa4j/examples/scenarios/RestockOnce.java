package io.github.posa4j.examples.scenarios;

/** Calls {@link Warehouse#restock} once on a plain {@code Warehouse}: retried only if something wove it. */
public final class RestockOnce {
  private RestockOnce() {}

  public static void main(String[] args) {
    restockOnce("restock", new Warehouse());
  }

  /** Calls {@code warehouse.restock("tea")} once and prints the outcome and how often the body ran, after {@code label}. */
  static void restockOnce(String label, Warehouse warehouse) {
    String outcome;
    try {
      outcome = "returned " + warehouse.restock("tea");
    } catch (RuntimeException e) {
      outcome = e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
    }
    System.out.println(label + ": " + outcome + ", runs " + warehouse.runs.get());
  }
}

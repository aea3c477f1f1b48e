package io.github.posa4j.examples.scenarios;

/** Calls {@link Warehouse#restock} once on a plain {@code Warehouse}: retried only if something wove it. */
public final class RestockOnce {
  private RestockOnce() {}

  public static void main(String[] args) {
    Warehouse warehouse = new Warehouse();
    String outcome;
    try {
      outcome = "returned " + warehouse.restock("tea");
    } catch (RuntimeException e) {
      outcome = e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
    }
    System.out.println("restock: " + outcome + ", runs " + warehouse.runs.get());
  }
}

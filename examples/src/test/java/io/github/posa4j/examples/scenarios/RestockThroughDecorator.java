package io.github.posa4j.examples.scenarios;

/** Calls {@link Warehouse#restock} once through the generated {@code ResilientWarehouse}: retried by the decorator alone. */
public final class RestockThroughDecorator {
  private RestockThroughDecorator() {}

  public static void main(String[] args) {
    Warehouse warehouse = new ResilientWarehouse();
    String outcome;
    try {
      outcome = "returned " + warehouse.restock("tea");
    } catch (RuntimeException e) {
      outcome = e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
    }
    System.out.println("restock through the decorator: " + outcome + ", runs " + warehouse.runs.get());
  }
}

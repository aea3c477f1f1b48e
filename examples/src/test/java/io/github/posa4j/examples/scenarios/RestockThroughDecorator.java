package io.github.posa4j.examples.scenarios;

/** Calls {@link Warehouse#restock} once through the generated {@code ResilientWarehouse}: retried by the decorator alone. */
public final class RestockThroughDecorator {
  private RestockThroughDecorator() {}

  public static void main(String[] args) {
    RestockOnce.restockOnce("restock through the decorator", new ResilientWarehouse());
  }
}

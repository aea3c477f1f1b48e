package io.github.posa4j.examples.catalog;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real catalogue, standing for one that is expensive to create (think of loading a warehouse
 * database): it announces its construction, so the demo can show when a lazy proxy creates it.
 */
public final class WarehouseCatalogue implements Catalogue {
  private final Map<String, Product> products = new ConcurrentHashMap<>();

  /** Loads the stock, and says so on {@code out}. */
  public WarehouseCatalogue(PrintStream out) {
    out.println("   [WarehouseCatalogue] expensive construction: loading the warehouse stock");
    for (Product product : List.of(
        new Product("BK-042", "The Hitchhiker's Guide", 4_200),
        new Product("MG-007", "Spy Gadget Monthly", 799),
        new Product("PN-100", "Fountain Pen", 12_500))) {
      products.put(product.sku(), product);
    }
  }

  @Override
  public Product find(String sku) {
    return products.get(sku);
  }

  @Override
  public void update(Product product) {
    products.put(product.sku(), product);
  }

  @Override
  public String toString() {
    return "WarehouseCatalogue(" + products.size() + " products)";
  }
}

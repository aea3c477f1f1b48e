package com.acme.shop;

import java.util.function.Supplier;

/** Implements a generic interface: javac adds a bridge method {@code Object get()} next to {@code String get()}. */
public class StockSupplier implements Supplier<String> {
  int calls;

  @Override
  public String get() {
    if (++calls == 1) {
      throw new IllegalStateException("stock count running");
    }
    return "stock after " + calls + " calls";
  }
}

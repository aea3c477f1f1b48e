package com.acme.shop;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Calls every method of {@link ShapesShop} once and prints what it returned and how often its body ran. */
public final class ShapesShopMain {
  private ShapesShopMain() {}

  public static void main(String[] args) throws Exception {
    ShapesShop shop = new ShapesShop();
    System.out.println("scale: " + shop.scale(2.5, 4f, 'u', false, 3L) + ", runs " + ShapesShop.calls("scale"));
    System.out.println("total: " + shop.total(new long[] {1L << 40, 2}, 3, 4) + ", runs " + ShapesShop.calls("total"));
    System.out.println("label: " + ShapesShop.label((byte) 7, (short) 300) + ", runs " + ShapesShop.calls("label"));
    System.out.println("locked: " + shop.locked() + ", runs " + ShapesShop.calls("locked"));
    System.out.println("largest: " + shop.largest(List.of("pear", "apple", "quince")) + ", runs " + ShapesShop.calls("largest"));
    shop.touch();
    System.out.println("touch: runs " + ShapesShop.calls("touch"));
    System.out.println("grid: " + Arrays.toString(shop.grid(3)) + ", runs " + ShapesShop.calls("grid"));
    System.out.println("stamp: " + ShapesShop.stamp("box").toCompletableFuture().get(10, TimeUnit.SECONDS)
        + ", runs " + ShapesShop.calls("stamp"));
    System.out.println("ratio: " + shop.ratio(3.0, 4L));
    ShapesShop.drop('x');
    System.out.println("drop: fallback ran " + ShapesShop.calls("dropLater:x") + " time(s)");
  }
}

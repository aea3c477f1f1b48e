package com.acme.shop;

import static com.acme.shop.AnnotatedShopMain.outcome;

import com.acme.ops.RetransformingAgent;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Calls {@link LegacyShop#order}, has another agent retransform {@link LegacyShop}, and calls it
 * again; prints the class's declared fields and methods before and after, one a line.
 */
public final class RetransformedShopMain {
  private RetransformedShopMain() {}

  public static void main(String[] args) throws Exception {
    LegacyShop shop = new LegacyShop();
    System.out.println("before: " + outcome(() -> shop.order("tea")) + " after " + shop.attempts.get() + " attempts");
    printShape("before", LegacyShop.class);

    System.out.println("retransformations seen by the other agent: " + RetransformingAgent.retransform(LegacyShop.class));

    shop.attempts.set(0);
    System.out.println("after: " + outcome(() -> shop.order("tea")) + " after " + shop.attempts.get() + " attempts");
    printShape("after", LegacyShop.class);
  }

  private static void printShape(String when, Class<?> type) {
    fields(type).forEach(field -> System.out.println(when + " field: " + field));
    methods(type).forEach(method -> System.out.println(when + " method: " + method));
  }

  /** The declared fields of {@code type}, with their modifiers and types, sorted. */
  public static List<String> fields(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields()).map(Field::toGenericString).sorted().toList();
  }

  /** The declared methods of {@code type}, with their modifiers and signatures, sorted. */
  public static List<String> methods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).map(Method::toGenericString).sorted().toList();
  }
}

package io.github.posa4j.examples.orders;

/** An order as the events carry it. */
public record Order(String id, String customerEmail, long totalCents) {}

package com.acme.shop;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** Overrides the woven {@link Parcels#send}: a retry must run the woven body again, not this override. */
public class ExpressParcels extends Parcels {
  final AtomicInteger overrides = new AtomicInteger();

  @Override
  public CompletionStage<String> send(String parcel) {
    overrides.incrementAndGet();
    return super.send(parcel).thenApply(sent -> "express " + sent);
  }
}

package com.acme.shop;

import io.github.posa4j.annotation.CircuitBreaker;

/** A breaker an operator watches and forces open through JMX. */
public class MonitoredShop {

  @CircuitBreaker(requestVolumeThreshold = 4)
  public String quote(String item) {
    return "quote for " + item;
  }
}

package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The circuit breaker of one method changed state: {@code io.github.posa4j.CircuitBreakerStateChange}. */
@Name("io.github.posa4j.CircuitBreakerStateChange")
@Label("Circuit Breaker State Change")
@Description("The circuit breaker of a method moved from one state to another")
@Category({"posa4j", "Resilience"})
final class CircuitBreakerStateChangeEvent extends Event {
  @Label("Method")
  @Description("The policy key of the method, such as com.acme.Pay/charge(java.lang.String,long)")
  String method;

  @Label("From")
  @Description("The state before: CLOSED, OPEN, HALF_OPEN, or a state forced by an operator")
  String from;

  @Label("To")
  @Description("The state after")
  String to;
}

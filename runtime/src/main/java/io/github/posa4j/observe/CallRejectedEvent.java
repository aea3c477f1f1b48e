package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A call was rejected by an open circuit breaker or a full bulkhead: {@code io.github.posa4j.CallRejected}. */
@Name("io.github.posa4j.CallRejected")
@Label("Call Rejected")
@Description("A call of a method failed fast: its circuit breaker was open or its bulkhead was full")
@Category({"posa4j", "Resilience"})
final class CallRejectedEvent extends Event {
  @Label("Method")
  @Description("The policy key of the method")
  String method;

  @Label("Policy")
  @Description("The policy that rejected the call: CircuitBreaker or Bulkhead")
  String policy;

  @Label("Message")
  @Description("The message of the exception the caller got")
  String message;
}

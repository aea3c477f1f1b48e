package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A call of a method failed and its fallback answers instead: {@code io.github.posa4j.Fallback}. */
@Name("io.github.posa4j.Fallback")
@Label("Fallback")
@Description("A call of a method failed, after any retries, and its fallback answers instead")
@Category({"posa4j", "Resilience"})
final class FallbackEvent extends Event {
  @Label("Method")
  @Description("The policy key of the method")
  String method;

  @Label("Failure Class")
  @Description("The class of the exception the call failed with")
  String failureClass;

  @Label("Failure Message")
  @Description("The message of that exception")
  String failureMessage;
}

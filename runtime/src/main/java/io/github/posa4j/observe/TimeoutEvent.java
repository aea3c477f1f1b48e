package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** An attempt of a method ran past its timeout: {@code io.github.posa4j.Timeout}. */
@Name("io.github.posa4j.Timeout")
@Label("Timeout")
@Description("An attempt of a method ran past its timeout")
@Category({"posa4j", "Resilience"})
final class TimeoutEvent extends Event {
  @Label("Method")
  @Description("The policy key of the method")
  String method;

  @Label("Message")
  @Description("The message of the TimeoutExceededException, which gives the timeout")
  String message;
}

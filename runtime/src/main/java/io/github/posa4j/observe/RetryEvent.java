package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** A failed attempt of a method is retried: {@code io.github.posa4j.Retry}. */
@Name("io.github.posa4j.Retry")
@Label("Retry")
@Description("An attempt of a method failed and is retried after a delay")
@Category({"posa4j", "Resilience"})
final class RetryEvent extends Event {
  @Label("Method")
  @Description("The policy key of the method")
  String method;

  @Label("Retry")
  @Description("Which retry this is: 1 for the first")
  int retry;

  @Label("Failure Class")
  @Description("The class of the exception the attempt failed with")
  String failureClass;

  @Label("Failure Message")
  @Description("The message of that exception")
  String failureMessage;

  @Label("Delay")
  @Description("The pause before the retry")
  @Timespan(Timespan.NANOSECONDS)
  long delay;
}

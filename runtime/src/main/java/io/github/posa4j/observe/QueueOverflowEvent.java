package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * An event was published while an asynchronous subscriber's queue was full:
 * {@code io.github.posa4j.QueueOverflow}. When the publisher waited for room
 * ({@code QueueOverflow.BLOCK}), the event lasts as long as the wait.
 */
@Name("io.github.posa4j.QueueOverflow")
@Label("Subscriber Queue Overflow")
@Description("An asynchronous subscriber's queue was full when an event was published to it")
@Category({"posa4j", "Publisher-Subscriber"})
final class QueueOverflowEvent extends Event {
  @Label("Publisher")
  @Description("The publisher's name")
  String publisher;

  @Label("Subscriber")
  @Description("The subscriber as it was registered (its toString())")
  String subscriber;

  @Label("Event")
  @Description("The event method published, such as orderPlaced")
  String event;

  @Label("Policy")
  @Description("The subscription's QueueOverflow policy: BLOCK, DROP_NEWEST, DROP_OLDEST or FAIL")
  String policy;

  @Label("Outcome")
  @Description("dropped: an event was discarded (the new one, or under DROP_OLDEST the oldest waiting one);"
      + " refused: the event went to the error handler; waited: the publisher waited for room")
  String outcome;

  @Label("Capacity")
  @Description("The capacity of the subscriber's queue")
  int capacity;
}

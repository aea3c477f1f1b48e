package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * An event did not reach a subscriber, and the failure went to the publisher's error handler:
 * {@code io.github.posa4j.SubscriberError}.
 */
@Name("io.github.posa4j.SubscriberError")
@Label("Subscriber Error")
@Description("A subscriber threw on an event, or its full queue refused it, or its executor would not run it;"
    + " the publisher's error handler got the failure")
@Category({"posa4j", "Publisher-Subscriber"})
final class SubscriberErrorEvent extends Event {
  @Label("Publisher")
  @Description("The publisher's name")
  String publisher;

  @Label("Event")
  @Description("The event method, such as orderPlaced")
  String event;

  @Label("Subscriber")
  @Description("The subscriber as it was registered (its toString())")
  String subscriber;

  @Label("Error Class")
  @Description("The class of the error: what the subscriber threw, an EventQueueFullException, or what the executor threw")
  String errorClass;

  @Label("Error Message")
  @Description("The message of that error")
  String errorMessage;
}

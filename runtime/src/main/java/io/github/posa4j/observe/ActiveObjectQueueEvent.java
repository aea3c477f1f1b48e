package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * How many requests wait in the queue of one active object, sampled every second by default:
 * {@code io.github.posa4j.ActiveObjectQueue}. See {@link ActiveObjectRecorder} for which active
 * objects are sampled.
 */
@Name("io.github.posa4j.ActiveObjectQueue")
@Label("Active Object Queue")
@Description("The requests queued in an active object, waiting ones included, not the running one")
@Category({"posa4j", "Active Object"})
@Period("1 s")
@StackTrace(false)
final class ActiveObjectQueueEvent extends Event {
  @Label("Active Object")
  @Description("The name of the active object")
  String activeObject;

  @Label("Pending Requests")
  @Description("The requests queued, waiting for a guard included, not counting the one running")
  int pendingRequests;
}

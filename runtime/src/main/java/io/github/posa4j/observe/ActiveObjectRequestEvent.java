package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * An active object ran one method request; the event's duration is the servant method's:
 * {@code io.github.posa4j.ActiveObjectRequest}. Requests shorter than the threshold (1 ms unless
 * the recording's settings say otherwise) are left out, since a busy active object runs millions
 * of them a second. No stack trace: it would always show the scheduler's loop.
 */
@Name("io.github.posa4j.ActiveObjectRequest")
@Label("Active Object Request")
@Description("An active object ran one method request on its servant")
@Category({"posa4j", "Active Object"})
@Threshold("1 ms")
@StackTrace(false)
final class ActiveObjectRequestEvent extends Event {
  @Label("Active Object")
  @Description("The name of the active object")
  String activeObject;

  @Label("Request Type")
  @Description("The simple name of the method request's class, such as DepositRequest")
  String requestType;

  @Label("Failed")
  @Description("Whether the servant method threw, or the request's future had failed when it returned")
  boolean failed;
}

package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A leadership of this process ended: {@code io.github.posa4j.LeaderRevoked}. */
@Name("io.github.posa4j.LeaderRevoked")
@Label("Leader Revoked")
@Description("A leadership of this process ended: its deadline passed, another member took over, or it resigned")
@Category({"posa4j", "Leader Election"})
@StackTrace(false)
final class LeaderRevokedEvent extends jdk.jfr.Event {
  @Label("Election")
  String election;

  @Label("Member")
  String member;

  @Label("Epoch")
  @Description("The fencing token of the leadership that ended")
  long epoch;

  @Label("Reason")
  String reason;
}

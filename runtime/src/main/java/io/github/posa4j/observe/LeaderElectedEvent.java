package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** This process began to lead an election: {@code io.github.posa4j.LeaderElected}. */
@Name("io.github.posa4j.LeaderElected")
@Label("Leader Elected")
@Description("This process began to lead a leader election")
@Category({"posa4j", "Leader Election"})
@StackTrace(false)
final class LeaderElectedEvent extends jdk.jfr.Event {
  @Label("Election")
  String election;

  @Label("Member")
  @Description("This process's member id in the election")
  String member;

  @Label("Epoch")
  @Description("The fencing token of the leadership that began")
  long epoch;
}

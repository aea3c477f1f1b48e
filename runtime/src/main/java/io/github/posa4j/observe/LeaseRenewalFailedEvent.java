package io.github.posa4j.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Asking an election's store for the lease failed: {@code io.github.posa4j.LeaseRenewalFailed}. */
@Name("io.github.posa4j.LeaseRenewalFailed")
@Label("Lease Renewal Failed")
@Description("Asking the election's store for the lease failed; a leader leads on only until its deadline")
@Category({"posa4j", "Leader Election"})
@StackTrace(false)
final class LeaseRenewalFailedEvent extends jdk.jfr.Event {
  @Label("Election")
  String election;

  @Label("Member")
  String member;

  @Label("Leader")
  @Description("Whether this process still led when the renewal failed")
  boolean leader;

  @Label("Failure Class")
  String failureClass;

  @Label("Failure Message")
  String failureMessage;
}

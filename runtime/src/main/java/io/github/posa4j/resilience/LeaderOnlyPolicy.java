package io.github.posa4j.resilience;

import io.github.posa4j.annotation.LeaderOnly;
import java.util.Objects;

/** The settings of {@link LeaderOnly}: the election whose leader alone runs the method. */
public final class LeaderOnlyPolicy implements Policy {
  private final String election;

  private LeaderOnlyPolicy(String election) {
    this.election = election;
  }

  /** Calls run only while this process leads the election named {@code election}. */
  public static LeaderOnlyPolicy of(String election) {
    return new LeaderOnlyPolicy(Objects.requireNonNull(election, "election"));
  }

  /** The policy of {@code annotation}. */
  public static LeaderOnlyPolicy of(LeaderOnly annotation) {
    return of(annotation.value());
  }

  /** The name of the election. */
  public String election() {
    return election;
  }

  void validate(String method) {
    InvalidPolicyException.check(!election.isBlank(), "LeaderOnly.value", "\"" + election + "\"", method,
        "must name an election, e.g. \"billing\"");
  }

  @Override
  public String toString() {
    return "LeaderOnly(" + election + ")";
  }
}

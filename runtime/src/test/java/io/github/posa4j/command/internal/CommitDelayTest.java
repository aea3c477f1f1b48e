package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit delay of a {@code SYNC} journal: a turn waits a little for the callers the last turn
 * acknowledged, and never otherwise. The test's thread plays the processor's thread.
 */
class CommitDelayTest {
  @TempDir
  Path directory;

  private CommandEngine<Tally> open(Durability durability) {
    return CommandEngine.open(Tally.SCHEMA, Tally::new,
        CommandOptions.builder().journal(directory).durability(durability).build(), "CommitDelayTest");
  }

  @Test
  void aSyncTurnWaitsForAsManyRequestsAsTheLastTurnAcknowledged() {
    CommandEngine<Tally> engine = open(Durability.SYNC);
    try {
      engine.run(new Tally.Add(1));
      assertThat(engine.waitForMoreNanos()).as("no turn was acknowledged yet").isZero();
      engine.run(new Tally.Add(2));
      engine.run(new Tally.Add(3));
      engine.turnEnded(); // acknowledges 3, after one sync

      Tally.Add first = new Tally.Add(4);
      engine.run(first);
      long wait = engine.waitForMoreNanos();
      assertThat(wait).as("1 of the 3 callers sent again").isPositive().isLessThanOrEqualTo(1_000_000);
      assertThat(engine.waitForMoreNanos()).as("one deadline for the whole turn").isLessThanOrEqualTo(wait);
      assertThat(first).as("not acknowledged before its sync").isNotDone();

      engine.run(new Tally.Add(5));
      engine.run(new Tally.Add(6));
      assertThat(engine.waitForMoreNanos()).as("all 3 are back").isZero();
      engine.turnEnded();
      assertThat(first.join()).isEqualTo(1 + 2 + 3 + 4);
    } finally {
      engine.terminated();
    }
  }

  @Test
  void aTurnWaitsNoLongerThanHalfAnAverageSync() throws Exception {
    CommandEngine<Tally> engine = open(Durability.SYNC);
    try {
      engine.run(new Tally.Add(1));
      engine.run(new Tally.Add(1));
      engine.turnEnded();
      engine.run(new Tally.Add(1));
      long wait = engine.waitForMoreNanos();
      Thread.sleep(Math.max(1, wait / 1_000_000 + 1));
      assertThat(engine.waitForMoreNanos()).as("the deadline passed").isNotPositive();
    } finally {
      engine.terminated();
    }
  }

  @Test
  void anAsyncJournalNeverWaits() {
    CommandEngine<Tally> engine = open(Durability.ASYNC);
    try {
      engine.run(new Tally.Add(1));
      engine.run(new Tally.Add(2));
      engine.turnEnded();
      engine.run(new Tally.Add(3));
      assertThat(engine.waitForMoreNanos()).isZero();
    } finally {
      engine.terminated();
    }
  }
}

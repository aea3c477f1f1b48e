package io.github.posa4j.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a bulkhead hands a freed slot to its waiting calls, with calls that say whether they still
 * want it. Through {@link FaultTolerance#callAsync} a call gives up its place as soon as its caller
 * cancels it, so a call declining the slot it is offered happens there only in a race; here it is
 * played out one step at a time.
 */
class BulkheadStateTest {

  /** A call that takes the slot offered to it, or declines it, and counts what happened. */
  private static final class Call implements BulkheadState.Waiter {
    private final boolean wantsSlot;
    int offers;
    int runs;

    Call(boolean wantsSlot) {
      this.wantsSlot = wantsSlot;
    }

    @Override
    public boolean claim() {
      offers++;
      return wantsSlot;
    }

    @Override
    public void run() {
      runs++;
    }

    @Override
    public void runLater() {
      run();
    }
  }

  /** One slot, {@code places} places, and calls that wait start on the releasing thread. */
  private static BulkheadState bulkhead(int places) {
    return new BulkheadState(BulkheadPolicy.of(1, places), "com.acme.Reports/render", Runnable::run);
  }

  @Test
  void aFreedSlotGoesToTheOldestWaitingCallThatStillWantsIt() {
    BulkheadState bulkhead = bulkhead(3);
    Call running = new Call(true);
    Call gaveUp = new Call(false);
    Call wants = new Call(true);
    Call behind = new Call(true);
    assertThat(bulkhead.acquireOrQueue(running)).isTrue();
    assertThat(bulkhead.acquireOrQueue(gaveUp)).isTrue();
    assertThat(bulkhead.acquireOrQueue(wants)).isTrue();
    assertThat(bulkhead.acquireOrQueue(behind)).isTrue();
    assertThat(bulkhead.waiting()).isEqualTo(3);

    bulkhead.release();

    assertThat(gaveUp.offers).as("offered the slot first, as the oldest").isEqualTo(1);
    assertThat(gaveUp.runs).isZero();
    assertThat(wants.runs).as("took the slot the older call declined").isEqualTo(1);
    assertThat(behind.offers).isZero();
    assertThat(bulkhead.inUse()).isEqualTo(1);
    assertThat(bulkhead.waiting()).as("the call that gave up left the queue with it").isEqualTo(1);
  }

  @Test
  void aFreedSlotThatNoWaitingCallWantsIsFreeAgain() {
    BulkheadState bulkhead = bulkhead(2);
    Call running = new Call(true);
    bulkhead.acquireOrQueue(running);
    Call[] gaveUp = {new Call(false), new Call(false)};
    for (Call call : gaveUp) {
      bulkhead.acquireOrQueue(call);
    }

    bulkhead.release();

    assertThat(gaveUp).allSatisfy(call -> {
      assertThat(call.offers).isEqualTo(1);
      assertThat(call.runs).isZero();
    });
    assertThat(bulkhead.inUse()).isZero();
    assertThat(bulkhead.waiting()).isZero();
    Call next = new Call(true);
    assertThat(bulkhead.acquireOrQueue(next)).isTrue();
    assertThat(next.runs).as("ran at once, on the calling thread").isEqualTo(1);
    assertThat(bulkhead.inUse()).isEqualTo(1);
  }

  @Test
  void aFullBulkheadTurnsACallAwayAndCountsNothingForIt() {
    BulkheadState bulkhead = bulkhead(1);
    bulkhead.acquireOrQueue(new Call(true));
    bulkhead.acquireOrQueue(new Call(true));
    Call turnedAway = new Call(true);

    assertThat(bulkhead.acquireOrQueue(turnedAway)).isFalse();

    assertThat(turnedAway.offers).isZero();
    assertThat(bulkhead.inUse()).isEqualTo(1);
    assertThat(bulkhead.waiting()).isEqualTo(1);
  }

  @Test
  void aCallThatGaveUpWhileWaitingLeavesItsPlaceToTheNextCall() {
    BulkheadState bulkhead = bulkhead(1);
    bulkhead.acquireOrQueue(new Call(true));
    Call gaveUp = new Call(true);
    bulkhead.acquireOrQueue(gaveUp);

    bulkhead.leftQueue(gaveUp);
    bulkhead.leftQueue(gaveUp); // a second time changes nothing

    assertThat(bulkhead.waiting()).isZero();
    Call next = new Call(true);
    assertThat(bulkhead.acquireOrQueue(next)).isTrue();
    assertThat(bulkhead.waiting()).isEqualTo(1);
    bulkhead.release();
    assertThat(next.runs).isEqualTo(1);
    assertThat(gaveUp.runs).isZero();
  }
}

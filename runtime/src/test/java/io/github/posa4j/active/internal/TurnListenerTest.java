package io.github.posa4j.active.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.active.ActiveObjectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A servant that listens to turns hears of each one's end, at least every few thousand requests. */
class TurnListenerTest {

  /** Counts the requests it ran, and writes down how many each turn ran. */
  static class Listening implements TurnListener {
    final List<Integer> turns = new ArrayList<>();
    int ranInTurn;

    @Override
    public void turnEnded() {
      turns.add(ranInTurn);
      ranInTurn = 0;
    }
  }

  static final class Count extends MethodRequest<Listening, Void> {
    @Override
    protected void execute(Listening servant) {
      servant.ranInTurn++;
      complete(null);
    }
  }

  @Test
  void aQueueThatNeverEmptiesStillEndsTurns() throws Exception {
    Listening servant = new Listening();
    ActiveObjectScheduler<Listening> scheduler = ActiveObjectScheduler.start(servant,
        ActiveObjectOptions.builder().capacity(20_000).build(), "Listening");
    CountDownLatch hold = new CountDownLatch(1);
    scheduler.submit(new MethodRequest<Listening, Void>() {
      @Override
      protected void execute(Listening listening) throws InterruptedException {
        hold.await(10, TimeUnit.SECONDS);
        listening.ranInTurn++;
        complete(null);
      }
    }).thenRun(() -> { });
    int queued = 2 * ActiveObjectScheduler.LISTENED_TURN + 100;
    CompletableFuture<Void> last = null;
    for (int i = 0; i < queued; i++) {
      last = scheduler.submit(new Count());
    }
    hold.countDown();
    last.get(10, TimeUnit.SECONDS);
    scheduler.close();

    assertThat(servant.turns).as("turns after the one that held the queue")
        .endsWith(ActiveObjectScheduler.LISTENED_TURN, ActiveObjectScheduler.LISTENED_TURN, 101);
    assertThat(servant.turns.stream().mapToInt(Integer::intValue).sum()).isEqualTo(queued + 1);
  }

  /** Asks the consumer to wait up to a minute whenever the queue runs empty, until told not to. */
  static final class Waiting extends Listening {
    final CountDownLatch waiting = new CountDownLatch(1);
    final AtomicInteger asked = new AtomicInteger();
    volatile boolean wait = true;

    @Override
    public long waitForMoreNanos() {
      asked.incrementAndGet();
      long answer = wait ? TimeUnit.MINUTES.toNanos(1) : 0; // read before the test can change it
      waiting.countDown();
      return answer;
    }
  }

  static final class CountWaiting extends MethodRequest<Waiting, Void> {
    @Override
    protected void execute(Waiting servant) {
      servant.ranInTurn++;
      complete(null);
    }
  }

  @Test
  void aRequestThatArrivesWhileTheTurnWaitsJoinsIt() throws Exception {
    Waiting servant = new Waiting();
    ActiveObjectScheduler<Waiting> scheduler = ActiveObjectScheduler.start(servant,
        ActiveObjectOptions.defaults(), "Waiting");
    scheduler.submit(new CountWaiting());
    assertThat(servant.waiting.await(10, TimeUnit.SECONDS)).as("the queue ran empty and the turn waited").isTrue();
    servant.wait = false;
    scheduler.submit(new CountWaiting()).get(10, TimeUnit.SECONDS);
    scheduler.close();

    assertThat(servant.turns).as("both requests in the first turn").first().isEqualTo(2);
    assertThat(servant.asked).as("asked after the first request and again after the second").hasValue(2);
  }

  @Test
  void closingEndsAWaitAtOnce() throws Exception {
    Waiting servant = new Waiting();
    ActiveObjectScheduler<Waiting> scheduler = ActiveObjectScheduler.start(servant,
        ActiveObjectOptions.defaults(), "Waiting");
    CompletableFuture<Void> first = scheduler.submit(new CountWaiting());
    assertThat(servant.waiting.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(scheduler::close);

    closed.get(10, TimeUnit.SECONDS); // not the minute the listener asked for
    assertThat(first).isDone();
    assertThat(servant.turns).containsExactly(1);
  }
}

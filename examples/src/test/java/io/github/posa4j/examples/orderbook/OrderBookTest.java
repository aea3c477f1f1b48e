package io.github.posa4j.examples.orderbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.command.JournalException;
import io.github.posa4j.examples.orderbook.OrderBook.OrderLine;
import io.github.posa4j.examples.orderbook.OrderBook.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order book behind its generated {@code OrderBookCommands}, journaled in a temporary directory:
 * undo and redo, macros, read-only answers, refused commands, snapshots and restarts, and a writer
 * killed with SIGKILL in the middle of a stream of orders.
 */
class OrderBookTest {
  private static final Instant T0 = Instant.parse("2025-03-14T09:00:00Z");

  @TempDir
  Path directory;

  private OrderBookCommands book;

  @BeforeEach
  void open() {
    book = OrderBookCommands.open(OrderBook::new, options());
  }

  @AfterEach
  void close() {
    book.close();
  }

  @Test
  void placeIsUndoneAndRedone() throws Exception {
    assertThat(answer(book.place(line(1, 2, "10.00"), T0))).isEqualTo(1);
    assertThat(answer(book.place(line(2, 1, "5.50"), T0.plusSeconds(1)))).isEqualTo(2);

    assertThat(answer(book.undo())).isTrue();
    assertThat(ids()).containsExactly("order-1");
    assertThat(answer(book.undo())).isTrue();
    assertThat(ids()).isEmpty();
    assertThat(answer(book.undo())).isFalse();

    assertThat(answer(book.redo())).isTrue();
    assertThat(answer(book.redo())).isTrue();
    assertThat(answer(book.redo())).isFalse();
    assertThat(ids()).containsExactly("order-1", "order-2");
    assertThat(answer(book.total())).isEqualByComparingTo("25.50");
  }

  @Test
  void shipIsUndoneAndANewCommandClearsWhatThereIsToRedo() throws Exception {
    book.place(line(1, 1, "10.00"), T0);
    book.ship("order-1");
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.SHIPPED);

    assertThat(answer(book.undo())).isTrue();
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.OPEN);
    book.place(line(2, 1, "10.00"), T0);
    assertThat(answer(book.redo())).as("the place cleared the redo history").isFalse();
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.OPEN);
  }

  @Test
  void cancelHasNoInverseAndClearsTheUndoHistory() throws Exception {
    book.place(line(1, 1, "10.00"), T0);
    book.place(line(2, 1, "10.00"), T0);
    book.cancel("order-1");
    assertThat(answer(book.undo())).isFalse();
    assertThat(ids()).containsExactly("order-2");
  }

  @Test
  void aMacroIsOneUndoStep() throws Exception {
    answer(book.macro(batch -> {
      batch.place(line(1, 1, "10.00"), T0);
      batch.place(line(2, 1, "10.00"), T0);
      batch.ship("order-1");
    }));
    assertThat(ids()).containsExactly("order-1", "order-2");
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.SHIPPED);

    assertThat(answer(book.undo())).isTrue();
    assertThat(ids()).isEmpty();
    assertThat(answer(book.redo())).isTrue();
    assertThat(ids()).containsExactly("order-1", "order-2");
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.SHIPPED);
  }

  @Test
  void aMacroWhoseLastPlaceIsInvalidRollsBackTheOthers() throws Exception {
    book.place(line(1, 1, "10.00"), T0);
    CompletableFuture<Void> macro = book.macro(batch -> {
      batch.place(line(2, 1, "10.00"), T0);
      batch.place(line(3, 1, "10.00"), T0);
      batch.place(line(4, 0, "10.00"), T0);
    });
    assertThatThrownBy(() -> answer(macro)).cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order-4: 0 is not a number of copies");
    assertThat(ids()).containsExactly("order-1");

    reopen();
    assertThat(ids()).as("nothing of the failed macro was journaled").containsExactly("order-1");
    assertThat(answer(book.undo())).as("the undo history holds order-1's place, and nothing after it").isTrue();
    assertThat(ids()).isEmpty();
  }

  @Test
  void aMacroHoldingCancelIsRefusedBeforeItRuns() throws Exception {
    book.place(line(1, 1, "10.00"), T0);
    CompletableFuture<Void> macro = book.macro(batch -> {
      batch.place(line(2, 1, "10.00"), T0);
      batch.cancel("order-1");
    });
    assertThatThrownBy(() -> answer(macro)).isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cancel, has no @Undo");
    assertThat(ids()).containsExactly("order-1");
  }

  @Test
  void readOnlyMethodsAnswerInOrderWithTheCommands() throws Exception {
    book.place(line(1, 2, "39.90"), T0);
    book.place(line(2, 3, "12.00"), T0);
    book.ship("order-2");

    assertThat(answer(book.count())).isEqualTo(2);
    assertThat(answer(book.total())).isEqualByComparingTo("115.80");
    assertThat(answer(book.lines())).containsExactly(line(1, 2, "39.90"), line(2, 3, "12.00"));
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.OPEN);
    assertThat(answer(book.status("order-2"))).isEqualTo(Status.SHIPPED);
    assertThatThrownBy(() -> answer(book.status("order-3"))).cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no order order-3 in the book");
    assertThat(answer(book.undo())).as("queries leave no undo step: the ship is undone").isTrue();
    assertThat(answer(book.status("order-2"))).isEqualTo(Status.OPEN);
  }

  @Test
  void aRefusedCommandLeavesTheBookUnchangedAndIsNotJournaled() throws Exception {
    book.place(line(1, 1, "10.00"), T0);
    book.ship("order-1");

    assertRefused(book.place(line(1, 5, "1.00"), T0), IllegalArgumentException.class,
        "order-1 is in the book already");
    assertRefused(book.place(line(2, -1, "1.00"), T0), IllegalArgumentException.class,
        "order-2: -1 is not a number of copies");
    assertRefused(book.place(line(3, 1, "-1.00"), T0), IllegalArgumentException.class,
        "order-3: price -1.00 is negative");
    assertRefused(book.place(new OrderLine("order-4", null, "isbn", 1, BigDecimal.ONE), T0),
        IllegalArgumentException.class, "an order needs an id, a customer, an ISBN, a price and a time: "
            + new OrderLine("order-4", null, "isbn", 1, BigDecimal.ONE));
    assertRefused(book.ship("order-1"), IllegalStateException.class, "order-1 has been shipped already");
    assertRefused(book.ship("order-9"), IllegalArgumentException.class, "no order order-9 in the book");
    assertRefused(book.cancel("order-1"), IllegalStateException.class,
        "order-1 has been shipped: too late to cancel it");

    assertThat(answer(book.lines())).containsExactly(line(1, 1, "10.00"));
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.SHIPPED);

    reopen();
    assertThat(answer(book.lines())).as("only the place and the ship were journaled")
        .containsExactly(line(1, 1, "10.00"));
    assertRefused(book.status("order-2"), IllegalArgumentException.class, "no order order-2 in the book");
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.SHIPPED);
    assertThat(answer(book.undo())).isTrue();
    assertThat(answer(book.status("order-1"))).as("the newest undo step is the ship").isEqualTo(Status.OPEN);
  }

  @Test
  void aSnapshotThenARestartGivesBackTheSameBookAndHistory() throws Exception {
    book.place(line(1, 2, "39.90"), T0);
    book.place(line(2, 1, "24.50"), T0.plusSeconds(60));
    book.ship("order-1");
    answer(book.snapshot());
    book.place(line(3, 3, "12.00"), T0.plusSeconds(120));
    List<OrderLine> before = answer(book.lines());
    BigDecimal total = answer(book.total());

    reopen();
    assertThat(answer(book.lines())).isEqualTo(before);
    assertThat(answer(book.total())).isEqualTo(total);
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.SHIPPED);
    assertThat(answer(book.status("order-3"))).isEqualTo(Status.OPEN);

    // the undo history crosses the snapshot and the restart: place(order-3), ship(order-1), place(order-2)
    assertThat(answer(book.undo())).isTrue();
    assertThat(answer(book.undo())).isTrue();
    assertThat(answer(book.status("order-1"))).isEqualTo(Status.OPEN);
    assertThat(answer(book.undo())).isTrue();
    assertThat(ids()).containsExactly("order-1");
  }

  @Test
  void theReceiverRebuiltFromItsSnapshotIsTheSame() {
    OrderBook receiver = new OrderBook();
    receiver.place(line(1, 2, "39.90"), T0);
    receiver.place(line(2, 1, "24.50"), T0);
    receiver.ship("order-2");

    OrderBook copy = new OrderBook(receiver.snapshot());
    assertThat(copy.snapshot()).isEqualTo(receiver.snapshot());
    assertThat(copy.lines()).isEqualTo(receiver.lines());
    assertThat(copy.total()).isEqualByComparingTo("104.30");
  }

  @Test
  void aSecondProcessorCannotOpenTheSameJournal() {
    assertThatThrownBy(() -> OrderBookCommands.open(OrderBook::new, options()))
        .isInstanceOf(JournalException.class).hasMessageContaining("already open in this JVM");
  }

  @Test
  void theDemoTellsItsStory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      OrderBookDemo.run(out, directory.resolve("demo"));
    }
    String story = bytes.toString(StandardCharsets.UTF_8);

    assertThat(story)
        .contains("their futures answered the count after each: [1, 2, 3]; count() = 3, total() = 140.30")
        .contains("ship(order-1): SHIPPED; undo() -> true: OPEN; redo() -> true: SHIPPED")
        .contains("place(order-2) again -> refused: IllegalArgumentException: order-2 is in the book already")
        .contains("the two places before it were undone: count() = 3")
        .contains("place(order-4), place(order-5) -> count() = 5; one undo() -> true, count() = 3; redo() -> true,"
            + " count() = 5")
        .contains("clears the history: count() = 4; undo() -> false")
        .contains("   5 orders [order-1, order-2, order-4, order-5, order-6], total() = 191.30; the undo history came"
            + " back too: undo() -> true, 4 orders [order-1, order-2, order-4, order-5]");
  }

  @ParameterizedTest(name = "killed after {0} acknowledgements")
  @ValueSource(ints = {1, 250, CrashStory.MOST_ACKS})
  void everyOrderAcknowledgedBeforeAKillNineIsRecoveredExactlyOnce(int killAfter) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CrashReport report;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      report = CrashStory.run(out, killAfter);
    }
    String story = bytes.toString(StandardCharsets.UTF_8);

    assertThat(report.killedAfter()).as(story).isEqualTo(killAfter);
    assertThat(report.exitCode()).as("killed by SIGKILL, not ended by itself: %s", story).isEqualTo(128 + 9);
    assertThat(report.acknowledged()).as(story).isGreaterThanOrEqualTo(killAfter)
        .isLessThan(OrderBookWriter.MAX_ORDERS);
    assertThat(report.missing()).as(story).isEmpty();
    assertThat(report.duplicates()).as(story).isZero();
    assertThat(report.prefix()).as(story).isTrue();
    assertThat(report.recovered()).as(story).isGreaterThanOrEqualTo(report.acknowledged());
    assertThat(report.undoneAfterRestart()).as(story).isTrue();
    assertThat(report.durable()).as(story).isTrue();
    assertThat(report.row().get(1)).as(story).endsWith("recovered (every acknowledged one, no gaps, none twice);"
        + " undo after restart ok");
  }

  private CommandOptions options() {
    return CommandOptions.builder().journal(directory.resolve("journal")).durability(Durability.SYNC).build();
  }

  private void reopen() {
    book.close();
    book = OrderBookCommands.open(OrderBook::new, options());
  }

  private List<String> ids() throws Exception {
    return answer(book.lines()).stream().map(OrderLine::orderId).toList();
  }

  private static OrderLine line(int number, int quantity, String price) {
    return new OrderLine("order-" + number, "customer-" + number, "978-0471958697", quantity, new BigDecimal(price));
  }

  private static void assertRefused(CompletableFuture<?> future, Class<? extends Throwable> type, String message) {
    assertThatThrownBy(() -> answer(future)).isInstanceOf(ExecutionException.class).cause().isInstanceOf(type)
        .hasMessage(message);
  }

  private static <T> T answer(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }
}

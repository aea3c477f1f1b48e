package io.github.posa4j.examples.orderbook;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.examples.orderbook.OrderBook.OrderLine;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code @CommandProcessor} demo: the shop's {@link OrderBook} behind its generated
 * {@code OrderBookCommands}, with a journal in a temporary directory. Orders are placed, shipped,
 * undone and redone; a refused command changes nothing; a macro is one step, all or nothing; a
 * command without an inverse clears the undo history; and after a snapshot and a restart the book
 * and its undo history are back.
 *
 * <p>Run it from the repository root:
 *
 * <pre>
 * mvn -B -pl examples -am package -DskipTests
 * java -cp examples/target/classes:runtime/target/posa4j-runtime-0.1.0-SNAPSHOT.jar:annotations/target/posa4j-annotations-0.1.0-SNAPSHOT.jar \
 *     io.github.posa4j.examples.orderbook.OrderBookDemo
 * </pre>
 */
public final class OrderBookDemo {
  private static final Instant OPENING = Instant.parse("2025-03-14T09:00:00Z");

  private OrderBookDemo() {}

  /** Tells the story on {@code System.out}, with a journal in a temporary directory deleted afterwards. */
  public static void main(String[] args) throws IOException {
    Path directory = JournalDirectory.create("posa4j-orderbook-demo");
    try {
      run(System.out, directory);
    } finally {
      JournalDirectory.delete(directory);
    }
  }

  /** Tells the story on {@code out}, journaling in {@code directory}, which should be empty. */
  public static void run(PrintStream out, Path directory) {
    CommandOptions options = CommandOptions.builder().journal(directory).durability(Durability.SYNC).build();
    out.println("1. Commands, journaled in " + directory + " (SYNC: a future completes once its record is on disk)");
    try (OrderBookCommands book = OrderBookCommands.open(OrderBook::new, options)) {
      // Three customers order at once: the futures complete in order, after one shared sync or a few.
      List<CompletableFuture<Integer>> placed = List.of(
          book.place(line(1, "ada", 2, "39.90"), at(1)),
          book.place(line(2, "brian", 1, "24.50"), at(2)),
          book.place(line(3, "chen", 3, "12.00"), at(3)));
      out.println("   3 orders placed without waiting; their futures answered the count after each: " + placed.stream()
          .map(CompletableFuture::join).toList() + "; count() = " + book.count().join() + ", total() = "
          + book.total().join());
      book.ship("order-1");
      out.println("   ship(order-1): " + book.status("order-1").join() + "; undo() -> " + book.undo().join() + ": "
          + book.status("order-1").join() + "; redo() -> " + book.redo().join() + ": " + book.status("order-1").join());
      out.println("   place(order-2) again -> " + describe(book.place(line(2, "dora", 1, "9.99"), at(4))));
      out.println("   ship(order-9) -> " + describe(book.ship("order-9")) + "; neither changed the book nor was"
          + " journaled: count() = " + book.count().join());

      out.println("2. Macros: one journal record and one undo step, all or nothing");
      CompletableFuture<Void> refused = book.macro(batch -> {
        batch.place(line(4, "eve", 1, "15.00"), at(5));
        batch.place(line(5, "femi", 2, "15.00"), at(6));
        batch.ship("order-6");
      });
      out.println("   place(order-4), place(order-5), ship(order-6) -> " + describe(refused));
      out.println("   the two places before it were undone: count() = " + book.count().join());
      book.macro(batch -> {
        batch.place(line(4, "eve", 1, "15.00"), at(5));
        batch.place(line(5, "femi", 2, "15.00"), at(6));
      });
      out.println("   place(order-4), place(order-5) -> count() = " + book.count().join() + "; one undo() -> "
          + book.undo().join() + ", count() = " + book.count().join() + "; redo() -> " + book.redo().join()
          + ", count() = " + book.count().join());
      book.cancel("order-3");
      out.println("   cancel(order-3), which has no @Undo, clears the history: count() = " + book.count().join()
          + "; undo() -> " + book.undo().join());

      out.println("3. A snapshot, one more order, and a restart");
      book.snapshot().join();
      book.place(line(6, "gus", 1, "42.00"), at(7)).join();
      out.println("   snapshot(), then place(order-6): " + lines(book.lines().join()) + ", total() = "
          + book.total().join());
    }
    out.println("   close(); open(...) again on the same directory: recovery reads the snapshot, then replays"
        + " the one command after it");
    try (OrderBookCommands book = OrderBookCommands.open(OrderBook::new, options)) {
      out.println("   " + lines(book.lines().join()) + ", total() = " + book.total().join() + "; the undo history"
          + " came back too: undo() -> " + book.undo().join() + ", " + lines(book.lines().join()));
    }
  }

  private static OrderLine line(int number, String customer, int quantity, String price) {
    return new OrderLine("order-" + number, customer, "978-0471958697", quantity, new BigDecimal(price));
  }

  private static Instant at(int minute) {
    return OPENING.plusSeconds(60L * minute);
  }

  private static String lines(List<OrderLine> lines) {
    return lines.size() + " orders " + lines.stream().map(OrderLine::orderId).toList();
  }

  private static String describe(CompletableFuture<?> future) {
    try {
      return "answered " + future.join();
    } catch (CompletionException e) {
      return "refused: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
    }
  }
}

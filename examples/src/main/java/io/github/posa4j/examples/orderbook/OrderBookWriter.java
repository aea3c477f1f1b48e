package io.github.posa4j.examples.orderbook;

import io.github.posa4j.command.CommandOptions;
import io.github.posa4j.command.Durability;
import io.github.posa4j.examples.orderbook.OrderBook.OrderLine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The process that {@link CrashStory} kills: it places a stream of orders {@code order-00001},
 * {@code order-00002}, ... on an {@code OrderBookCommands} with a {@link Durability#SYNC SYNC}
 * journal, up to {@value #IN_FLIGHT} in flight, and prints {@code ack <id>} as each future completes,
 * that is once the order is in the book <em>and</em> its journal record is on disk. Each line goes to
 * standard output in one write, unbuffered, so whatever it printed before it was killed is whole.
 *
 * <p>Orders come in bursts of {@value #BURST} every 2 ms, like customers rather than a benchmark, so
 * that some are always in flight; left alone it places {@value #MAX_ORDERS} orders, closes the book
 * and exits.
 *
 * <pre>
 * java -cp ... io.github.posa4j.examples.orderbook.OrderBookWriter &lt;journal directory&gt;
 * </pre>
 */
public final class OrderBookWriter {
  /** How an acknowledgement line starts; the order's id follows. */
  public static final String ACK = "ack ";

  /** How many orders may be placed and not yet acknowledged. */
  public static final int IN_FLIGHT = 64;

  /** How many orders it places if nobody kills it. */
  public static final int MAX_ORDERS = 20_000;

  /** How many orders it places at once, before a pause of 2 ms. */
  public static final int BURST = 16;

  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final Instant OPENING = Instant.parse("2025-03-14T09:00:00Z");
  private static final List<String> ISBNS = List.of("978-0471958697", "978-0471606956", "978-0470059029");
  private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

  private OrderBookWriter() {}

  /** The journal options of the writer, and of whoever reopens its journal. */
  public static CommandOptions options(Path directory) {
    return CommandOptions.builder().journal(directory).durability(Durability.SYNC).segmentSize(1 << 20)
        .name("order-book-writer").build();
  }

  /** The id of the {@code number}th order, from 1. */
  public static String orderId(int number) {
    return String.format("order-%05d", number);
  }

  /** The {@code number}th order the writer places, from 1: the same on every run. */
  public static OrderLine line(int number) {
    return new OrderLine(orderId(number), "customer-" + (number % 97), ISBNS.get(number % ISBNS.size()),
        1 + number % 3, new BigDecimal("12.50").add(BigDecimal.valueOf(number % 5)));
  }

  /** When the {@code number}th order is placed: times are parameters, so that replay is deterministic. */
  public static Instant placedAt(int number) {
    return OPENING.plusMillis(250L * number);
  }

  /** Places orders in the journal directory {@code args[0]} until it is killed or has placed them all. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      print("usage: java " + OrderBookWriter.class.getName() + " <journal directory>");
      System.exit(2);
    }
    Path directory = Path.of(args[0]);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    try (OrderBookCommands book = OrderBookCommands.open(OrderBook::new, options(directory))) {
      print("writer: pid " + ProcessHandle.current().pid() + ", placing orders in bursts of " + BURST + ", up to "
          + IN_FLIGHT + " in flight; one ack per order in the book and on disk");
      for (int number = 1; number <= MAX_ORDERS; number++) {
        if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
          print("writer: no order was acknowledged for 30 s; giving up");
          System.exit(1);
        }
        String id = orderId(number);
        book.place(line(number), placedAt(number)).whenComplete((count, failure) -> {
          if (failure == null) {
            print(ACK + id);
          } else {
            print("writer: " + id + " failed: " + failure);
            Runtime.getRuntime().halt(1); // not exit(), which could wait for the processor thread running this
          }
          inFlight.release();
        });
        if (number % BURST == 0) {
          LockSupport.parkNanos(PAUSE_NANOS);
        }
      }
    }
    print("writer: placed all " + MAX_ORDERS + " orders and closed the book; nobody killed it");
  }

  /** Writes {@code line} to standard output in one write, so that a kill never leaves half of it. */
  private static synchronized void print(String line) {
    try {
      STDOUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      Runtime.getRuntime().halt(3); // the parent is gone: nobody reads the acknowledgements any more
    }
  }
}

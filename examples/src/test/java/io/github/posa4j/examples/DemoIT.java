package io.github.posa4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.annotation.ActiveObject;
import io.github.posa4j.examples.agent.JavaProcess;
import io.github.posa4j.examples.orderbook.CrashStory;
import io.github.posa4j.examples.orderbook.OrderBookWriter;
import io.github.posa4j.net.Reactor;
import io.github.posa4j.resilience.FaultTolerance;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's first command runs this main class: the whole demo, in a child JVM as
 * {@code demo.sh} starts it, with the packaged agent for its second part; it runs once, and each
 * test reads its output.
 */
class DemoIT {
  private static final Pattern ORDER_BOOK_ROW = Pattern.compile(" *@CommandProcessor order book +\\| (\\d+)"
      + " acknowledged before kill -9, (\\d+) recovered \\(every acknowledged one, no gaps, none twice\\);"
      + " undo after restart ok");
  private static final Pattern REOPENED = Pattern.compile("   reopened in this JVM: (\\d+) orders, order-00001 to"
      + " order-(\\d{5}), as sent, in order, no gaps, none twice; every acknowledged order is there");

  private static JavaProcess.Output run;

  @BeforeAll
  static void runTheDemo() throws Exception {
    String classPath = String.join(File.pathSeparator, JavaProcess.property("posa4j.examples.classes"),
        locationOf(FaultTolerance.class), locationOf(ActiveObject.class), locationOf(Reactor.class),
        locationOf(Class.forName("org.postgresql.Driver")));
    run = JavaProcess.run(List.of(
        "-D" + Demo.AGENT_PROPERTY + "=" + JavaProcess.AGENT_JAR,
        "-D" + Demo.CONFIG_PROPERTY + "=" + JavaProcess.property("posa4j.examples.legacy-properties")),
        classPath, Demo.class.getName());
  }

  @Test
  void theDemoTellsTheWholeStoryAndEndsWithItsSummary() {
    String output = String.join("\n", run.lines());

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(run.lines()).as(output)
        .contains("Part 1: an order service on launch day, written with posa4j's annotations (examples/.../shop)")
        .anyMatch(line -> line.contains("breaker CLOSED -> OPEN"))
        .anyMatch(line -> line.endsWith("| 12 of 12 accounted for: 7 paid, 3 invoiced, 1 cancelled (payment),"
            + " 1 cancelled (sold out)"))
        .anyMatch(line -> line.matches(".*@ActiveObject inventory +\\| 6 reservations granted at once, 6 waited at"
            + " the guard: 5 granted later, 1 cancelled at close; fewest copies left: 0"));
    // Without the agent the glitches reach customers and nothing falls back; with it, some payments are queued.
    assertThat(run.lines()).as(output)
        .anyMatch(line -> line.matches(" *legacy app, as it is +\\| \\d+ charges: \\d+ ok, [1-9]\\d* failed, 0 queued by"
            + " the fallback; .*"))
        .anyMatch(line -> line.startsWith("   | [posa4j] woven io.github.posa4j.examples.legacy.LegacyPaymentClient/charge"))
        .anyMatch(line -> line.matches(" *legacy app, with the agent +\\| \\d+ charges: \\d+ ok, \\d+ failed, [1-9]\\d*"
            + " queued by the fallback; .*"));
  }

  @Test
  void theOrderBooksWriterIsKilledAndEveryAcknowledgedOrderComesBack() {
    List<String> lines = run.lines();
    String output = String.join("\n", lines);

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(lines).as(output)
        .anyMatch(line -> line.startsWith("Part 3: the shop's order book, a @CommandProcessor with a SYNC journal,"
            + " killed with kill -9"))
        .anyMatch(line -> line.matches("   after \\d+ acks: kill -9 \\d+ \\(exit code 137, SIGKILL\\);"
            + " \\d+ acknowledged in all.*"))
        .anyMatch(line -> line.matches("   undo\\(\\) after the restart -> true: order-\\d{5} withdrawn,"
            + " \\d+ orders left"));
    Matcher row = find(ORDER_BOOK_ROW, lines);
    int acknowledged = Integer.parseInt(row.group(1));
    int recovered = Integer.parseInt(row.group(2));
    assertThat(acknowledged).as(output).isBetween(CrashStory.FEWEST_ACKS, OrderBookWriter.MAX_ORDERS - 1);
    assertThat(recovered).as(output).isGreaterThanOrEqualTo(acknowledged);
    // no gaps: the book holds order-00001 to order-<recovered>
    Matcher reopened = find(REOPENED, lines);
    assertThat(Integer.parseInt(reopened.group(1))).as(output).isEqualTo(recovered);
    assertThat(Integer.parseInt(reopened.group(2))).as(output).isEqualTo(recovered);
  }

  @Test
  void oneOfThreeProcessesBillsAndAPausedLeadersLateWriteIsTurnedAway() {
    List<String> lines = run.lines();
    String output = String.join("\n", lines);

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(lines).as(output)
        .anyMatch(line -> line.startsWith("Part 4: the shop's billing run, made by exactly one of three processes"))
        .anyMatch(line -> line.matches("   node-\\d leads and bills under epoch \\d+"))
        .anyMatch(line -> line.matches("   kill -9 node-\\d: node-\\d bills under epoch \\d+ \\d+ ms later.*"))
        .anyMatch(line -> line.matches("   SIGCONT node-\\d: its run goes on with epoch (\\d+); the table turns the write"
            + " away \\(epoch \\d+ < \\d+\\)"))
        .anyMatch(line -> line.matches(" *@LeaderOnly billing, 3 processes +\\| next leader billed \\d+ ms after kill -9"
            + " \\(lease 1,000 ms\\); paused leader's late write refused by its epoch; \\d+ runs billed"));
  }

  @Test
  void theChatRoomServesItsMembersOnBothTransportsAndDisconnectsTheOneThatNeverReads() {
    List<String> lines = run.lines();
    String output = String.join("\n", lines);

    assertThat(run.exitCode()).as(output).isZero();
    assertThat(lines).as(output)
        .anyMatch(line -> line.startsWith("Part 5: the shop's staff chat room"))
        .anyMatch(line -> line.matches(" *chat room on the Reactor +\\| 5000 lines heard in order by 2 members; the one that"
            + " never read was disconnected; \\d+ lines relayed"))
        .anyMatch(line -> line.matches(" *chat room on the Proactor +\\| 5000 lines heard in order by 2 members; the one"
            + " that never read was disconnected; \\d+ lines relayed"));
  }

  private static Matcher find(Pattern pattern, List<String> lines) {
    return lines.stream().map(pattern::matcher).filter(Matcher::matches).findFirst()
        .orElseThrow(() -> new AssertionError("no line matches " + pattern + " in\n" + String.join("\n", lines)));
  }

  private static String locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}

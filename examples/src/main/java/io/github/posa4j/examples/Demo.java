package io.github.posa4j.examples;

import io.github.posa4j.examples.billing.BillingReport;
import io.github.posa4j.examples.billing.BillingStory;
import io.github.posa4j.examples.chat.ChatReport;
import io.github.posa4j.examples.chat.ChatStory;
import io.github.posa4j.examples.legacy.LegacyAppRunner;
import io.github.posa4j.examples.legacy.LegacyPaymentsApp.Summary;
import io.github.posa4j.examples.orderbook.CrashReport;
import io.github.posa4j.examples.orderbook.CrashStory;
import io.github.posa4j.examples.shop.ShopReport;
import io.github.posa4j.examples.shop.ShopStory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo behind the README's first command ({@code ./demo.sh}): an order service that uses every
 * pattern of posa4j ({@link ShopStory}), then a legacy app that was never compiled with posa4j, run
 * as it is and then under the agent, then the shop's order book, a {@code @CommandProcessor} whose
 * writer is killed with {@code kill -9} in the middle of a stream of orders ({@link CrashStory}), the
 * shop's billing run made by exactly one of three processes ({@link BillingStory}: a leader killed,
 * another paused past its lease and fenced off by its epoch), the shop's staff chat room on the
 * Reactor and on the Proactor ({@link ChatStory}: a member that never reads is disconnected, the
 * others hear every line), and a summary table of what happened.
 *
 * <p>The agent's part needs {@code agent/target/posa4j-agent.jar} and
 * {@code examples/legacy.properties}, found from the working directory (the repository root) or
 * given by the system properties {@value #AGENT_PROPERTY} and {@value #CONFIG_PROPERTY}. Without the
 * jar the demo says so and leaves that part out; without Debian's PostgreSQL package it leaves the
 * billing part out. It exits with 0, or with 1 if the legacy app did not run to its end, or the
 * order book's writer could not be run up to its kill or its journal lost an acknowledged order, or
 * the billing part or the chat room went wrong.
 */
public final class Demo {
  /** The system property naming the agent jar. */
  public static final String AGENT_PROPERTY = "posa4j.demo.agent";

  /** The system property naming the legacy app's configuration file. */
  public static final String CONFIG_PROPERTY = "posa4j.demo.legacy-config";

  private Demo() {}

  /** Tells the whole story on {@code System.out}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path agent = Path.of(System.getProperty(AGENT_PROPERTY, "agent/target/posa4j-agent.jar"));
    Path config = Path.of(System.getProperty(CONFIG_PROPERTY, "examples/legacy.properties"));
    try {
      run(System.out, agent, config);
    } catch (IllegalStateException childFailed) {
      System.out.println("The demo stopped: " + childFailed.getMessage());
      System.exit(1);
    }
  }

  /**
   * Tells the story on {@code out}, running the legacy app under {@code agent} with {@code config}.
   *
   * @throws IllegalStateException if the legacy app does not run to its end, or the order book's writer
   *     could not be run up to its kill, or its journal did not give back every acknowledged order, or
   *     the billing processes did not fail over, or a paused leader's late write was accepted
   */
  public static void run(PrintStream out, Path agent, Path config) throws IOException, InterruptedException {
    long start = System.nanoTime();
    out.println("posa4j demo");
    out.println();
    out.println("Part 1: an order service on launch day, written with posa4j's annotations (examples/.../shop)");
    out.println();
    ShopReport shop = ShopStory.run(out);
    List<List<String>> rows = new ArrayList<>(shop.rows());

    out.println();
    out.println("Part 2: a legacy payments app, compiled without posa4j, run as it is and then under the agent");
    LegacyAppRunner legacy = new LegacyAppRunner(out);
    out.println();
    out.println("   as it is: every glitch of the payment server reaches a customer, every slow answer is waited for");
    rows.add(List.of("legacy app, as it is", describe(legacy.runAsItIs())));
    if (Files.isRegularFile(agent)) {
      out.println();
      out.println("   the same bytes under -javaagent, with the policies of " + config + " (no annotations, no recompiling)");
      rows.add(List.of("legacy app, with the agent", describe(legacy.runWithAgent(agent, config))));
    } else {
      out.println();
      out.println("   no agent at " + agent.toAbsolutePath() + ": that run is left out. Build it with"
          + " `mvn -B -pl agent -am package -DskipTests`, or name it with -D" + AGENT_PROPERTY + "=<jar>");
    }

    out.println();
    out.println("Part 3: the shop's order book, a @CommandProcessor with a SYNC journal, killed with kill -9 in the"
        + " middle of a stream of orders (examples/.../orderbook)");
    CrashReport crash = CrashStory.run(out);
    rows.add(crash.row());

    out.println();
    out.println("Part 4: the shop's billing run, made by exactly one of three processes: a @LeaderOnly method, a leader"
        + " killed with kill -9 and another paused with SIGSTOP past its lease (examples/.../billing)");
    BillingReport billing;
    try {
      billing = BillingStory.run(out);
    } catch (SQLException e) {
      throw new IllegalStateException("the billing part could not use its database: " + e, e);
    }
    rows.add(billing.row());

    out.println();
    out.println("Part 5: the shop's staff chat room, a server on posa4j-net's Reactor and then on its Proactor, with"
        + " a member that never reads (examples/.../chat)");
    ChatReport[] chat;
    try {
      chat = ChatStory.run(out);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the chat room failed: " + e, e);
    }
    for (ChatReport report : chat) {
      rows.add(report.row());
    }

    out.println();
    out.println("Summary (" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s)");
    printTable(out, rows);
    if (!crash.durable() || !crash.undoneAfterRestart()) {
      throw new IllegalStateException("the order book's journal did not give back what it acknowledged: " + crash);
    }
    if (billing.ran() && !billing.staleWriteRefused()) {
      throw new IllegalStateException("the paused leader's late billing write was accepted: " + billing);
    }
    for (ChatReport report : chat) {
      if (!report.heardInOrder() || !report.laggardDisconnected()) {
        throw new IllegalStateException("the chat room on the " + report.transport() + " went wrong: " + report);
      }
    }
  }

  private static String describe(Summary run) {
    return run.charges() + " charges: " + run.ok() + " ok, " + run.failed() + " failed, " + run.fallback()
        + " queued by the fallback; " + run.serverRequests() + " server requests; " + run.elapsedMillis() + " ms";
  }

  private static void printTable(PrintStream out, List<List<String>> rows) {
    int width = rows.stream().mapToInt(row -> row.get(0).length()).max().orElse(0);
    for (List<String> row : rows) {
      out.println("   " + row.get(0) + " ".repeat(width - row.get(0).length()) + " | " + row.get(1));
    }
  }
}

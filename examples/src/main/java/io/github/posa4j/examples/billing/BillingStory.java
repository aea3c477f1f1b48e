package io.github.posa4j.examples.billing;

import io.github.posa4j.annotation.LeaderOnly;
import io.github.posa4j.leader.LeaderElection;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The fourth part of the demo: the shop's billing run, made by exactly one of three processes.
 * Three {@link BillingNode}s (child JVMs) join the election {@code billing} on a throwaway
 * PostgreSQL server with a lease of one second; the leader bills, the others stand by. This JVM
 * kills the leader with {@code kill -9} and times how long until another bills. Then it makes the
 * new leader hold its epoch in the middle of a run, stops its JVM with {@code SIGSTOP} for more
 * than a lease, lets a third process take over and bill, and resumes the paused one with
 * {@code SIGCONT}: its late write carries the old epoch, and the table turns it away.
 *
 * <p>Every wait is bounded ({@value #PATIENCE_SECONDS} s); the children are killed and the server
 * deleted at the end. Without Debian's PostgreSQL package the part is left out, and says so.
 */
public final class BillingStory {
  private static final long LEASE_MILLIS = 1_000;
  private static final long PATIENCE_SECONDS = 30;

  private final PrintStream out;
  private final List<Node> nodes = new ArrayList<>();

  private BillingStory(PrintStream out) {
    this.out = out;
  }

  /** Tells the story on {@code out}. */
  public static BillingReport run(PrintStream out) throws IOException, InterruptedException, SQLException {
    Optional<Path> postgres = LocalPostgres.installed();
    if (postgres.isEmpty()) {
      out.println("   PostgreSQL is not installed here (Debian: apt-get install postgresql): this part is left out");
      return BillingReport.leftOut();
    }
    try (LocalPostgres server = LocalPostgres.start(postgres.get())) {
      out.println("   a throwaway PostgreSQL server on " + server.url());
      BillingStory story = new BillingStory(out);
      try {
        return story.tell(server.url());
      } finally {
        story.nodes.forEach(node -> {
          node.signal("CONT");
          node.process.destroyForcibly();
        });
      }
    }
  }

  private BillingReport tell(String url) throws IOException, InterruptedException, SQLException {
    BillingJob.createTable(url);
    for (int i = 1; i <= 3; i++) {
      nodes.add(Node.start(url, "node-" + i));
    }
    out.println("   node-1, node-2 and node-3 join the election 'billing' (lease " + LEASE_MILLIS + " ms) and call"
        + " ResilientBillingJob.billNextRun() every 100 ms; it runs only on the leader (@LeaderOnly), the others"
        + " answer 'standby' (@Fallback)");
    Node first = awaitBilling(null, 0);
    out.println("   " + first.name + " leads and bills under epoch " + first.lastEpoch());

    long killed = System.nanoTime();
    first.process.destroyForcibly().waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
    first.dead = true;
    Node second = awaitBilling(first, killed);
    long failover = TimeUnit.NANOSECONDS.toMillis(second.firstBilledAfter(killed) - killed);
    out.println("   kill -9 " + first.name + ": " + second.name + " bills under epoch " + second.lastEpoch() + " "
        + failover + " ms later (at most a lease and a third of one, plus polling)");

    second.send("HOLD");
    long held = Long.parseLong(second.await(line -> line.startsWith("HOLDING ")).split(" ")[1]);
    second.signal("STOP");
    long stopped = System.nanoTime();
    out.println("   " + second.name + " holds epoch " + held + " in the middle of a run; SIGSTOP freezes its JVM");
    Node third = awaitBilling(second, stopped);
    out.println("   " + third.name + " leads after the lease ran out and bills under epoch " + third.lastEpoch());
    int beforeResuming = second.lines.size();
    second.signal("CONT");
    second.send("GO");
    String late = second.awaitFrom(beforeResuming, line -> line.startsWith("REFUSED ") || line.startsWith("BILLED "));
    boolean refused = late.startsWith("REFUSED ");
    out.println("   SIGCONT " + second.name + ": its run goes on with epoch " + held + "; the table "
        + (refused ? "turns the write away (epoch " + held + " < " + third.lastEpoch() + ")" : "ACCEPTED it"));
    second.awaitFrom(beforeResuming, line -> line.equals("STANDBY"));
    out.println("   " + second.name + " sees it no longer leads and stands by");

    long runs = runs(url);
    out.println("   runs billed in all: " + runs + ", the last by " + lastNode(url));
    return new BillingReport(true, failover, refused, runs);
  }

  /** Waits until a live node other than {@code other} bills after {@code since}; returns it. */
  private Node awaitBilling(Node other, long since) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      for (Node node : nodes) {
        if (node != other && !node.dead && node.firstBilledAfter(since) != 0) {
          return node;
        }
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no process billed within " + PATIENCE_SECONDS + " s: " + nodes);
  }

  private static long runs(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT runs FROM " + BillingJob.TABLE + " WHERE id = 1")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String lastNode(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT last_node FROM " + BillingJob.TABLE + " WHERE id = 1")) {
      row.next();
      return row.getString(1);
    }
  }

  /** A {@link BillingNode} in a child JVM, and the lines it printed. */
  private static final class Node {
    final String name;
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile boolean dead;

    private Node(String name, Process process) {
      this.name = name;
      this.process = process;
    }

    static Node start(String url, String name) throws IOException {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classPath(), "-Dposa4j.election.billing.url=" + url,
          "-Dposa4j.election.billing.lease=" + LEASE_MILLIS, "-Dposa4j.election.billing.member=" + name,
          BillingNode.class.getName(), url, name);
      Node node = new Node(name, new ProcessBuilder(command).redirectErrorStream(true).start());
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(node.process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            node.lines.add(line);
          }
        } catch (IOException e) {
          node.lines.add("READ FAILED " + e);
        }
      }, "billing-" + name);
      reader.setDaemon(true);
      reader.start();
      return node;
    }

    /** When it first billed after {@code since} ({@link System#nanoTime()}), or 0. */
    long firstBilledAfter(long since) {
      for (String line : lines) {
        if (line.startsWith("BILLED ")) {
          long at = Long.parseLong(line.split(" ")[2]);
          if (at - since > 0) {
            return at;
          }
        }
      }
      return 0;
    }

    long lastEpoch() {
      long epoch = 0;
      for (String line : lines) {
        if (line.startsWith("BILLED ")) {
          epoch = Long.parseLong(line.split(" ")[1]);
        }
      }
      return epoch;
    }

    void send(String command) throws IOException {
      OutputStream in = process.getOutputStream();
      in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    String await(Predicate<String> wanted) throws InterruptedException {
      return awaitFrom(0, wanted);
    }

    /** The first line from the {@code from}th on that {@code wanted} accepts. */
    String awaitFrom(int from, Predicate<String> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
      while (System.nanoTime() - deadline < 0) {
        for (int i = from; i < lines.size(); i++) {
          if (wanted.test(lines.get(i))) {
            return lines.get(i);
          }
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException(name + " printed nothing expected within " + PATIENCE_SECONDS + " s: " + lines);
    }

    void signal(String signal) {
      try {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new IllegalStateException("cannot send SIG" + signal + " to " + name, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public String toString() {
      return name + lines;
    }
  }

  /** The nodes' class path: these classes, the runtime's, the annotations' and the JDBC driver's. */
  private static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    List<Class<?>> types = new ArrayList<>(List.of(BillingNode.class, LeaderElection.class, LeaderOnly.class));
    try {
      types.add(Class.forName("org.postgresql.Driver"));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the PostgreSQL JDBC driver is not on the demo's class path", e);
    }
    for (Class<?> type : types) {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      try {
        if (source == null) {
          throw new URISyntaxException(type.getName(), "no code source");
        }
        entries.add(Path.of(source.getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}

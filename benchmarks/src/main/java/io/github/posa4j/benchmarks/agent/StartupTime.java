package io.github.posa4j.benchmarks.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-to-exit time of {@link SmallApp} in a fresh JVM, three ways: {@code plain} (no agent),
 * {@code agent-idle} ({@code -javaagent} without options: nothing to weave) and
 * {@code agent-5-methods} (the agent weaving the five methods of {@link SmallShop} from
 * {@code benchmarks/startup-keys.properties}). Not JMH: each sample is one child JVM, timed from
 * {@link ProcessBuilder#start()} to the end of {@link Process#waitFor()}. Each round runs the three
 * cases once, in an order that rotates from round to round, so that a drift of the machine touches
 * them alike; a few rounds first are not counted (file cache, disk). Every run is checked: exit
 * code 0, the application's line on standard output, and on standard error no {@code [posa4j]}
 * line, the agent's start line, or exactly five {@code woven} lines. Prints each case's median,
 * quartiles and extremes, and the median of the per-round differences to {@code plain}.
 *
 * <p>{@code --controls} adds two cases that separate the JVM's own cost of {@code -javaagent}
 * from posa4j's: {@code noop-agent}, an agent whose {@code premain} does nothing, and
 * {@code noop-transformer}, one that registers a transformer declining every class
 * ({@link NoOpAgent}, packed alone into a small jar).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.posa4j.benchmarks.agent.StartupTime \
 *     [--runs 20] [--warmup 3] [--java &lt;java home&gt;] [--agent agent/target/posa4j-agent.jar] \
 *     [--keys benchmarks/startup-keys.properties] [--controls] [--print-logs]
 * </pre>
 *
 * Paths default to the repository root as working directory; the child JVMs use the same
 * {@code java} as this one unless {@code --java} names another home. The application's class
 * path is a temporary directory holding only its two classes, as a legacy application compiled
 * without posa4j would have.
 */
public final class StartupTime {
  private static final String EXPECTED_OUTPUT = "charged 315 cents for 3 x apple; 2 x pear; 17 left";
  private static final Pattern STARTED = Pattern.compile("\\[posa4j\\].* started in (\\d+) ms");
  private static final Pattern WOVEN = Pattern.compile("\\[posa4j\\].*woven " + Pattern.quote(SmallShop.class.getName() + "/"));

  private StartupTime() {}

  /**
   * One way to start the application.
   *
   * @param wovenMethods how many methods posa4j's agent must report woven; -1: no posa4j agent
   */
  private record Case(String name, List<String> agentArguments, int wovenMethods) {}

  /** Runs the rounds and prints the table; exits with 1 if any run fails its check. */
  public static void main(String[] args) throws Exception {
    int runs = 20;
    int warmup = 3;
    String javaHome = System.getProperty("java.home");
    Path agent = Path.of("agent/target/posa4j-agent.jar");
    Path keys = Path.of("benchmarks/startup-keys.properties");
    boolean printLogs = false;
    boolean controls = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--java" -> javaHome = args[++i];
        case "--agent" -> agent = Path.of(args[++i]);
        case "--keys" -> keys = Path.of(args[++i]);
        case "--print-logs" -> printLogs = true;
        case "--controls" -> controls = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (--runs N, --warmup N, --java <home>, --agent <jar>, --keys <file>, --controls, --print-logs)");
      }
    }
    for (Path file : List.of(agent, keys)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file.toAbsolutePath() + " not found: build the agent"
            + " (mvn -pl agent -am package) and run from the repository root, or give --agent and --keys");
      }
    }
    String java = Path.of(javaHome, "bin", "java").toString();
    String agentOption = "-javaagent:" + agent.toAbsolutePath();
    Path classes = Files.createTempDirectory("posa4j-smallapp");
    Path out = classes.resolveSibling(classes.getFileName() + ".out");
    Path err = classes.resolveSibling(classes.getFileName() + ".err");
    Path noOpAgent = classes.resolveSibling(classes.getFileName() + "-noop-agent.jar");
    List<Case> cases = new ArrayList<>(List.of(
        new Case("plain", List.of(), -1),
        new Case("agent-idle", List.of(agentOption), 0),
        new Case("agent-5-methods", List.of(agentOption + "=config=" + keys.toAbsolutePath()), 5)));
    if (controls) {
      cases.add(new Case("noop-agent", List.of("-javaagent:" + noOpAgent), -1));
      cases.add(new Case("noop-transformer", List.of("-javaagent:" + noOpAgent + "=transformer"), -1));
    }
    try {
      copyClass(SmallApp.class, classes);
      copyClass(SmallShop.class, classes);
      if (controls) {
        writeNoOpAgent(noOpAgent);
      }
      System.out.println("java: " + java + " (" + version(java) + ")");
      System.out.println("rounds: " + warmup + " not counted, then " + runs + "; cases per round: " + cases.size());
      long[][] nanos = new long[cases.size()][runs];
      List<List<Long>> agentReported = new ArrayList<>();
      cases.forEach(c -> agentReported.add(new ArrayList<>()));
      for (int round = -warmup; round < runs; round++) {
        for (int k = 0; k < cases.size(); k++) {
          int index = Math.floorMod(round + k, cases.size());
          Case c = cases.get(index);
          List<String> command = new ArrayList<>();
          command.add(java);
          command.addAll(c.agentArguments());
          command.addAll(List.of("-cp", classes.toString(), SmallApp.class.getName()));
          long start = System.nanoTime();
          Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
          if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(c.name() + ": the application did not exit within 2 minutes");
          }
          long elapsed = System.nanoTime() - start;
          String stderr = Files.readString(err);
          check(c, process.exitValue(), Files.readString(out).strip(), stderr, command);
          if (printLogs && round == -warmup) {
            System.out.println("--- " + c.name() + ": " + String.join(" ", command) + "\n" + stderr.strip());
          }
          if (round >= 0) {
            nanos[index][round] = elapsed;
            Matcher started = STARTED.matcher(stderr);
            if (started.find()) {
              agentReported.get(index).add(Long.parseLong(started.group(1)));
            }
          }
        }
      }
      report(cases, nanos, agentReported);
    } finally {
      try (Stream<Path> files = Files.walk(classes)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      Files.deleteIfExists(noOpAgent);
    }
  }

  /** A jar holding {@link NoOpAgent} alone, with its {@code Premain-Class}. */
  private static void writeNoOpAgent(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", NoOpAgent.class.getName());
    manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (Class<?> type : List.of(NoOpAgent.class, NoOpAgent.Declining.class)) {
        String resource = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(resource));
        try (InputStream in = StartupTime.class.getClassLoader().getResourceAsStream(resource)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  /** Fails loudly unless the run did what its case says. */
  private static void check(Case c, int exit, String stdout, String stderr, List<String> command) {
    String problem = null;
    long woven = stderr.lines().filter(line -> WOVEN.matcher(line).find()).count();
    if (exit != 0) {
      problem = "exit code " + exit;
    } else if (!stdout.equals(EXPECTED_OUTPUT)) {
      problem = "unexpected output '" + stdout + "'";
    } else if (c.wovenMethods() < 0 && !stderr.isBlank()) {
      problem = "something was printed on standard error";
    } else if (c.wovenMethods() >= 0 && !STARTED.matcher(stderr).find()) {
      problem = "the agent did not report its start";
    } else if (c.wovenMethods() >= 0 && woven != c.wovenMethods()) {
      problem = woven + " methods woven instead of " + c.wovenMethods();
    }
    if (problem != null) {
      throw new IllegalStateException(c.name() + ": " + problem + "\ncommand: " + String.join(" ", command)
          + "\nstderr:\n" + stderr);
    }
  }

  private static void report(List<Case> cases, long[][] nanos, List<List<Long>> agentReported) {
    System.out.printf(Locale.ROOT, "%-16s %8s %8s %8s %8s %8s %16s %14s%n",
        "case", "p50 ms", "p25", "p75", "min", "max", "p50(case-plain)", "agent says ms");
    for (int c = 0; c < cases.size(); c++) {
      long[] differences = new long[nanos[c].length];
      for (int r = 0; r < differences.length; r++) {
        differences[r] = nanos[c][r] - nanos[0][r];
      }
      List<Long> said = agentReported.get(c);
      System.out.printf(Locale.ROOT, "%-16s %8.1f %8.1f %8.1f %8.1f %8.1f %16s %14s%n",
          cases.get(c).name(), ms(percentile(nanos[c], 50)), ms(percentile(nanos[c], 25)),
          ms(percentile(nanos[c], 75)), ms(percentile(nanos[c], 0)), ms(percentile(nanos[c], 100)),
          c == 0 ? "-" : String.format(Locale.ROOT, "%+.1f", ms(percentile(differences, 50))),
          said.isEmpty() ? "-" : "p50 " + percentile(said.stream().mapToLong(Long::longValue).toArray(), 50));
    }
  }

  /** The {@code p}th percentile, nearest rank below for quartiles, mean of the middle two for the median. */
  private static double percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    if (p == 50 && sorted.length % 2 == 0) {
      return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
    return sorted[(int) Math.round(p / 100.0 * (sorted.length - 1))];
  }

  private static double ms(double nanos) {
    return nanos / 1_000_000.0;
  }

  private static void copyClass(Class<?> type, Path root) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    Path target = root.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = StartupTime.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not on the class path");
      }
      Files.copy(in, target);
    }
  }

  private static String version(String java) {
    try {
      Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
      String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
      process.waitFor();
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}

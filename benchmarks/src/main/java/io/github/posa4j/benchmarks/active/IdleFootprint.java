package io.github.posa4j.benchmarks.active;

import io.github.posa4j.active.ActiveObjectOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The retained heap of idle active objects on a shared executor, by heap histogram: creates
 * {@value #COUNT} servants, takes a histogram of live objects ({@code jcmd <own pid>
 * GC.class_histogram}, which runs a full GC first), starts one idle active object per servant on
 * one shared executor, keeping them all in an array allocated beforehand, takes a second
 * histogram, and prints the difference per class and per active object. The difference is
 * exactly what the active objects keep alive beyond their servants (and the array that holds
 * them, allocated before the first histogram).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.posa4j.benchmarks.active.IdleFootprint
 * }</pre>
 *
 * <p>Needs {@code jcmd} on the {@code PATH} (or in {@code java.home/bin}).
 */
public final class IdleFootprint {
  static final int COUNT = 100_000;

  private IdleFootprint() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : COUNT;
    ExecutorService executor = Executors.newFixedThreadPool(2);
    ActiveObjectOptions sharedOptions = ActiveObjectOptions.builder().sharedExecutor(executor).build();
    // Warm up the classes and the static state (sequence counter, string concatenation) so that
    // the second histogram holds only per-object costs.
    CounterActiveObject.start(new Counter(), sharedOptions);

    Counter[] servants = new Counter[count];
    CounterActiveObject[] activeObjects = new CounterActiveObject[count];
    for (int i = 0; i < count; i++) {
      servants[i] = new Counter();
    }
    Map<String, long[]> before = histogram();
    for (int i = 0; i < count; i++) {
      activeObjects[i] = CounterActiveObject.start(servants[i], sharedOptions);
    }
    Map<String, long[]> after = histogram();

    List<String> rows = new ArrayList<>();
    long totalBytes = 0;
    long totalInstances = 0;
    for (Map.Entry<String, long[]> entry : after.entrySet()) {
      long[] was = before.getOrDefault(entry.getKey(), new long[2]);
      long instances = entry.getValue()[0] - was[0];
      long bytes = entry.getValue()[1] - was[1];
      if (bytes != 0) {
        totalBytes += bytes;
        totalInstances += instances;
        if (Math.abs(bytes) >= count / 10) {
          rows.add(String.format("%12d %14d %10.2f  %s", instances, bytes, (double) bytes / count, entry.getKey()));
        }
      }
    }
    for (Map.Entry<String, long[]> entry : before.entrySet()) {
      if (!after.containsKey(entry.getKey())) {
        totalBytes -= entry.getValue()[1];
        totalInstances -= entry.getValue()[0];
      }
    }
    rows.sort(null);
    System.out.printf("%d idle active objects on one shared executor (%s), %s%n", count,
        executor.getClass().getSimpleName(), Runtime.version());
    System.out.printf("%12s %14s %10s  %s%n", "+instances", "+bytes", "bytes/AO", "class (classes of >= 0.1 B/AO)");
    rows.forEach(System.out::println);
    System.out.printf("total: %+d instances, %+d bytes, %.2f instances and %.2f bytes per active object%n",
        totalInstances, totalBytes, (double) totalInstances / count, (double) totalBytes / count);

    if (activeObjects[count - 1].pendingRequests() != 0 || servants[0] == null) {
      throw new IllegalStateException("an idle active object has pending requests");
    }
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Live instances and bytes per class name, from {@code jcmd <pid> GC.class_histogram}. */
  private static Map<String, long[]> histogram() throws IOException, InterruptedException {
    String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of(jcmd))) {
      jcmd = "jcmd";
    }
    Process process = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
        .redirectErrorStream(true).start();
    Map<String, long[]> classes = new HashMap<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String[] fields = line.trim().split("\\s+");
        // "   1:    100000    6400000  some.Class (module)"
        if (fields.length >= 4 && fields[0].endsWith(":")) {
          classes.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
        }
      }
    }
    if (process.waitFor() != 0 || classes.isEmpty()) {
      throw new IllegalStateException("jcmd GC.class_histogram failed (exit " + process.exitValue() + ")");
    }
    return classes;
  }
}

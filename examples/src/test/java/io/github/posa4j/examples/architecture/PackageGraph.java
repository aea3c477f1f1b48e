package io.github.posa4j.examples.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which package depends on which, among the packages a filter keeps, and the cycles among them.
 * Built by hand ({@link #addDependency}) or from the class files of a directory or a jar
 * ({@link #addClasses}).
 */
final class PackageGraph {
  private final Predicate<String> kept;
  private final Map<String, Set<String>> dependencies = new TreeMap<>();

  /** A graph of the packages (dotted names) that {@code kept} accepts; dependencies on others are left out. */
  PackageGraph(Predicate<String> kept) {
    this.kept = kept;
  }

  /** Records that package {@code from} uses package {@code to}; a package's use of itself is no dependency. */
  void addDependency(String from, String to) {
    if (!kept.test(from)) {
      return;
    }
    dependencies.computeIfAbsent(from, p -> new TreeSet<>());
    if (!from.equals(to) && kept.test(to)) {
      dependencies.computeIfAbsent(to, p -> new TreeSet<>());
      dependencies.get(from).add(to);
    }
  }

  /** Adds the dependencies of every class file under {@code classes}, a directory or a jar. */
  void addClasses(Path classes) throws IOException {
    if (Files.isDirectory(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          addClass(Files.readAllBytes(file));
        }
      }
      return;
    }
    try (JarFile jar = new JarFile(classes.toFile())) {
      for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
        // Classes under META-INF/versions are variants of ones read already; module-info names modules, not packages.
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")
            && !entry.getName().endsWith("module-info.class")) {
          try (InputStream in = jar.getInputStream(entry)) {
            addClass(in.readAllBytes());
          }
        }
      }
    }
  }

  private void addClass(byte[] classFile) throws IOException {
    ClassFileReferences references = ClassFileReferences.read(classFile);
    String from = packageOf(references.className());
    addDependency(from, from);
    for (String referenced : references.referenced()) {
      addDependency(from, packageOf(referenced));
    }
  }

  /** The packages in the graph, each with those it depends on. */
  Map<String, Set<String>> dependencies() {
    return dependencies;
  }

  /**
   * One line per group of packages that depend on each other: a shortest cycle through the
   * alphabetically first of them ({@code a -> b -> a}), followed by the whole group when it holds
   * more packages than that cycle. Empty when the graph has no cycle.
   */
  List<String> cycles() {
    List<String> cycles = new ArrayList<>();
    for (Set<String> group : stronglyConnectedGroups()) {
      if (group.size() < 2) {
        continue;
      }
      List<String> cycle = shortestCycle(group.iterator().next(), group);
      String line = String.join(" -> ", cycle);
      if (cycle.size() - 1 < group.size()) {
        line += "   (all in one cycle: " + String.join(", ", group) + ")";
      }
      cycles.add(line);
    }
    return cycles;
  }

  /** Tarjan's algorithm: the strongly connected groups, each sorted, in the order they close. */
  private List<Set<String>> stronglyConnectedGroups() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> lowLink = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> groups = new ArrayList<>();
    for (String start : dependencies.keySet()) {
      if (!index.containsKey(start)) {
        connect(start, index, lowLink, stack, onStack, groups);
      }
    }
    return groups;
  }

  private void connect(String node, Map<String, Integer> index, Map<String, Integer> lowLink, Deque<String> stack,
      Set<String> onStack, List<Set<String>> groups) {
    index.put(node, index.size());
    lowLink.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (String next : dependencies.get(node)) {
      if (!index.containsKey(next)) {
        connect(next, index, lowLink, stack, onStack, groups);
        lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
      } else if (onStack.contains(next)) {
        lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
      }
    }
    if (lowLink.get(node).equals(index.get(node))) {
      Set<String> group = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        group.add(member);
      } while (!member.equals(node));
      groups.add(group);
    }
  }

  /** Breadth first from {@code start} back to it, within {@code group}: {@code start -> ... -> start}. */
  private List<String> shortestCycle(String start, Set<String> group) {
    Map<String, String> reachedFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String node = queue.poll();
      for (String next : dependencies.get(node)) {
        if (next.equals(start)) {
          List<String> cycle = new ArrayList<>(List.of(start));
          for (String back = node; !back.equals(start); back = reachedFrom.get(back)) {
            cycle.add(1, back);
          }
          cycle.add(start);
          return cycle;
        }
        if (group.contains(next) && !reachedFrom.containsKey(next)) {
          reachedFrom.put(next, node);
          queue.add(next);
        }
      }
    }
    throw new IllegalStateException(start + " is in no cycle of " + group);
  }

  private static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
  }

  /** Reads {@code classes} into a new graph of the packages {@code kept} accepts. */
  static PackageGraph of(Path classes, Predicate<String> kept) {
    PackageGraph graph = new PackageGraph(kept);
    try {
      graph.addClasses(classes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the classes of " + classes, e);
    }
    return graph;
  }
}

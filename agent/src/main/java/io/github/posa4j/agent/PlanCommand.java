package io.github.posa4j.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * {@code java -jar posa4j-agent.jar plan --config <file> <jar or classes dir>...}: what the agent
 * would weave into an application, read from its class files without running any of its code.
 * For each method it prints the policies with every attribute's effective value and where the
 * value comes from; then the keys that match nothing. Problems (a malformed key, a key naming a
 * method that cannot be woven, an invalid attribute) go to standard error as the agent would log
 * them. Exits 0 when every key is well formed and applies to a method that will be woven, 1
 * otherwise, and 2 for a usage error or unreadable input.
 */
final class PlanCommand {
  private PlanCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !args[0].equals("plan")) {
      err.println("usage: java -jar posa4j-agent.jar plan [--config <file>] <jar or classes dir>...");
      return 2;
    }
    Path config = null;
    List<Path> roots = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        config = Path.of(args[++i]);
      } else if (args[i].startsWith("--")) {
        err.println("[posa4j] unknown option " + args[i] + " (options: --config <file>)");
        return 2;
      } else {
        roots.add(Path.of(args[i]));
      }
    }
    if (roots.isEmpty()) {
      err.println("usage: java -jar posa4j-agent.jar plan [--config <file>] <jar or classes dir>...");
      return 2;
    }
    AgentLog log = new AgentLog(err, AgentLog.Level.WARN);
    AgentFile file = null;
    if (config != null) {
      try {
        file = AgentFile.read(config);
      } catch (IOException | IllegalArgumentException e) {
        err.println("[posa4j] config file " + config.toAbsolutePath() + " cannot be read (" + e + ")");
        return 2;
      }
    }
    KeyRules rules = KeyRules.of(file == null ? List.of() : file.keys(), log);
    try {
      Map<String, byte[]> classes = classFiles(roots);
      try (URLClassLoader loader = new URLClassLoader(urls(roots), PlanCommand.class.getClassLoader())) {
        AgentConfig configuration = new AgentConfig(file == null ? null : file.source());
        Planner planner = new Planner(rules, configuration, log);
        Explainer explainer = new Explainer(configuration.forLoader(loader));
        ClassFileLocator locator = new ClassFileLocator.Compound(
            new ClassFileLocator.Simple(classes), ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = TypePool.Default.of(locator);
        int methods = 0;
        int wovenClasses = 0;
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
          String name = entry.getKey();
          if (Posa4jTransformer.isIgnored(name)
              || !(rules.namesClass(name) || ConstantPool.mentionsPosa4jAnnotation(entry.getValue()))) {
            continue;
          }
          TypeDescription type = pool.describe(name).resolve();
          List<Planner.Planned> plannedMethods = planner.plan(type, pool, loader);
          wovenClasses += plannedMethods.isEmpty() ? 0 : 1;
          for (Planner.Planned planned : plannedMethods) {
            methods++;
            out.println(planned.plan().key() + (planned.plan().async() ? " (async)" : "")
                + "  [from " + planned.plan().source() + "]");
            explainer.explain(type, planned, loader).forEach(line -> out.println("    " + line));
          }
        }
        out.println(methods + " method" + (methods == 1 ? "" : "s") + " in " + wovenClasses + " class"
            + (wovenClasses == 1 ? "" : "es") + " would be woven; " + classes.size() + " classes read");
      }
    } catch (IOException e) {
      err.println("[posa4j] cannot read " + roots + " (" + e + ")");
      return 2;
    }
    List<KeyRules.MethodRule> unmatched = rules.unmatched();
    for (KeyRules.MethodRule rule : unmatched) {
      out.println("key " + rule.key() + " matches nothing: no class " + rule.className() + " in " + roots);
    }
    return rules.allApplied() ? 0 : 1;
  }

  private static URL[] urls(List<Path> roots) throws IOException {
    URL[] urls = new URL[roots.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = roots.get(i).toUri().toURL();
    }
    return urls;
  }

  /** Every class file under the roots, by binary name; the first root that has a class wins. */
  private static Map<String, byte[]> classFiles(List<Path> roots) throws IOException {
    Map<String, byte[]> classes = new TreeMap<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            classes.putIfAbsent(binaryName(relative), Files.readAllBytes(file));
          }
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
            if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
              try (InputStream in = jar.getInputStream(entry)) {
                classes.putIfAbsent(binaryName(entry.getName()), in.readAllBytes());
              }
            }
          }
        }
      }
    }
    classes.remove("module-info");
    classes.remove("package-info");
    classes.keySet().removeIf(name -> name.endsWith(".package-info") || name.endsWith("module-info"));
    return classes;
  }

  private static String binaryName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}

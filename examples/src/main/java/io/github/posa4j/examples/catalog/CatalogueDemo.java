package io.github.posa4j.examples.catalog;

import io.github.posa4j.proxy.AccessDeniedException;
import io.github.posa4j.proxy.AccessPolicy;
import io.github.posa4j.proxy.Interceptors;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code @Proxy} demo: a virtual proxy that creates an expensive {@link WarehouseCatalogue}
 * only on its first call, then a protection proxy with timing around it that lets {@code find}
 * through and refuses {@code update}.
 *
 * <p>Run it from the repository root:
 *
 * <pre>
 * mvn -B -pl examples -am package -DskipTests
 * java -cp examples/target/classes:runtime/target/posa4j-runtime-0.1.0-SNAPSHOT.jar:annotations/target/posa4j-annotations-0.1.0-SNAPSHOT.jar \
 *     io.github.posa4j.examples.catalog.CatalogueDemo
 * </pre>
 */
public final class CatalogueDemo {

  private CatalogueDemo() {}

  /** Tells the story on {@code System.out}. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Tells the story on {@code out}. */
  public static void run(PrintStream out) {
    out.println("1. Virtual proxy: CatalogueProxy.lazy(factory)");
    AtomicInteger factoryRuns = new AtomicInteger();
    Catalogue lazy = CatalogueProxy.lazy(() -> {
      factoryRuns.incrementAndGet();
      return new WarehouseCatalogue(out);
    });
    out.println("   proxy ready: " + lazy + "; factory runs so far: " + factoryRuns.get());

    out.println("   first call: find(\"BK-042\")");
    Product guide = lazy.find("BK-042");
    out.println("   -> " + guide + "; factory runs so far: " + factoryRuns.get());

    out.println("   second call: find(\"MG-007\")");
    Product magazine = lazy.find("MG-007");
    out.println("   -> " + magazine + "; factory runs so far: " + factoryRuns.get());

    out.println();
    out.println("2. Protection proxy with timing: CatalogueProxy.intercept(lazy,"
        + " protection(onlyMethodsNamed(\"find\")), timing(...))");
    Catalogue guarded = CatalogueProxy.intercept(lazy,
        Interceptors.protection(AccessPolicy.onlyMethodsNamed("find")),
        Interceptors.timing((method, nanos, failure) -> out.println("   [timing] " + method
            + " took " + nanos / 1_000 + " us" + (failure == null ? "" : ", threw " + failure))));

    out.println("   find(\"PN-100\")");
    Product pen = guarded.find("PN-100");
    out.println("   -> " + pen);

    Product cheaperGuide = new Product("BK-042", guide.name(), 3_900);
    out.println("   update(" + cheaperGuide + ")");
    try {
      guarded.update(cheaperGuide);
      out.println("   -> updated (the policy should have refused it!)");
    } catch (AccessDeniedException e) {
      out.println("   -> refused: AccessDeniedException: " + e.getMessage());
    }
    out.println("   the refusal happened in the outermost interceptor: no timing, and the price is"
        + " still " + lazy.find("BK-042").priceCents() + " cents");

    out.println();
    out.println("Done: the factory ran " + factoryRuns.get() + " time(s), on the first call.");
  }
}

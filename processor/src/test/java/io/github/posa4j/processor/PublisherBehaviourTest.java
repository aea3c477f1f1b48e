package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.concurrent.Callable;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A generated publisher of a generic interface with inherited, varargs, primitive and throwing
 * events, used as application code would use it: the scenario below is compiled with the fixture
 * (with {@code -Werror}, so the generated code compiles without warnings) and run.
 */
class PublisherBehaviourTest {

  private static final JavaFileObject SCENARIO = Compiler.source("io.github.posa4j.processor.fixtures.FeedScenario",
      "package io.github.posa4j.processor.fixtures;",
      "",
      "import io.github.posa4j.pubsub.*;",
      "import java.io.IOException;",
      "import java.util.*;",
      "import java.util.concurrent.Callable;",
      "",
      "public class FeedScenario implements Callable<List<String>> {",
      "  @Override",
      "  public List<String> call() {",
      "    List<String> seen = new ArrayList<>();",
      "    List<DeliveryFailure> failures = new ArrayList<>();",
      "    FeedPublisher<String> feed = FeedPublisher.create(",
      "        PublisherOptions.builder().name(\"feed\").errorHandler(failures::add).build());",
      "    feed.subscribe(new Feed<String>() {",
      "      public void opened(long at) { seen.add(\"all opened \" + at); }",
      "      public void published(String item, List<? extends String> related) { seen.add(\"all published \" + item + related); }",
      "      public void tagged(String... tags) { seen.add(\"all tagged \" + String.join(\",\", tags)); }",
      "      public void counted(int count) { seen.add(\"all counted \" + count); }",
      "    });",
      "    Subscription tags = feed.onTagged(tagged -> seen.add(\"listener tagged \" + tagged.length));",
      "    feed.onCounted(count -> {",
      "      if (count < 0) throw new IOException(\"negative count\");",
      "      seen.add(\"listener counted \" + count);",
      "    });",
      "    feed.onPublished((item, related) -> seen.add(\"async published \" + item), Delivery.async(Runnable::run));",
      "    feed.opened(7L);",
      "    feed.published(\"b\", List.of(\"a\"));",
      "    feed.tagged(\"x\", \"y\");",
      "    feed.counted(2);",
      "    feed.counted(-1);",
      "    tags.close();",
      "    feed.tagged(\"z\");",
      "    seen.add(feed.toString());",
      "    feed.close();",
      "    try {",
      "      feed.opened(8L);",
      "    } catch (IllegalStateException e) {",
      "      seen.add(e.getMessage());",
      "    }",
      "    for (DeliveryFailure failure : failures) {",
      "      seen.add(failure.publisher() + \" \" + failure.event() + failure.arguments() + \" \" + failure.error().getMessage());",
      "    }",
      "    return seen;",
      "  }",
      "}");

  @Test
  void aScenarioCompiledAgainstTheGeneratedPublisherSeesEveryEventInRegistrationOrder() throws Exception {
    List<String> seen = runScenario("io.github.posa4j.processor.fixtures.FeedScenario", ProxySources.fixture("Feed"), SCENARIO);

    assertThat(seen).containsExactly(
        "all opened 7",
        "all published b[a]",
        "async published b",
        "all tagged x,y",
        "listener tagged 2",
        "all counted 2",
        "listener counted 2",
        "all counted -1",
        "all tagged z",
        "FeedPublisher[feed, 3 subscriptions]",
        "the publisher feed is closed, so it cannot publish events; create a new publisher instead",
        "feed counted[-1] negative count");
  }

  @Test
  void parametersNamedLikeTheGeneratedFieldsAndLocalsDoNotHideThem() throws Exception {
    JavaFileObject events = Compiler.source("test.Routing",
        "package test;",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "public interface Routing {",
        "  void routed(String dispatcher, String queue, String listener, String registration, String e, String subscriber);",
        "}");
    JavaFileObject scenario = Compiler.source("test.RoutingScenario",
        "package test;",
        "",
        "import io.github.posa4j.pubsub.Delivery;",
        "import java.util.*;",
        "import java.util.concurrent.Callable;",
        "",
        "public class RoutingScenario implements Callable<List<String>> {",
        "  @Override",
        "  public List<String> call() {",
        "    List<String> seen = new ArrayList<>();",
        "    try (RoutingPublisher routing = RoutingPublisher.create()) {",
        "      routing.onRouted((d, q, l, r, e, s) -> seen.add(\"sync \" + d + q + l + r + e + s));",
        "      routing.onRouted((d, q, l, r, e, s) -> seen.add(\"async \" + d + q + l + r + e + s), Delivery.async(Runnable::run));",
        "      routing.routed(\"d\", \"q\", \"l\", \"r\", \"e\", \"s\");",
        "    }",
        "    return seen;",
        "  }",
        "}");

    assertThat(runScenario("test.RoutingScenario", events, scenario)).containsExactly("sync dqlres", "async dqlres");
  }

  @Test
  void eventsInheritedFromAGenericInterfaceUseTheSubstitutedTypesAndThrowsOfATypeVariableCompiles() throws Exception {
    JavaFileObject events = Compiler.source("test.Alerts",
        "package test;",
        "",
        "import java.util.List;",
        "",
        "interface Channel<T, X extends Exception> {",
        "  void sent(T message, List<? super T> copies) throws X;",
        "}",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "public interface Alerts<X extends Exception> extends Channel<String, X> {",
        "  void raised(String[] codes, int... levels);",
        "}");
    JavaFileObject scenario = Compiler.source("test.AlertsScenario",
        "package test;",
        "",
        "import java.io.IOException;",
        "import java.util.*;",
        "import java.util.concurrent.Callable;",
        "",
        "public class AlertsScenario implements Callable<List<String>> {",
        "  @Override",
        "  public List<String> call() {",
        "    List<String> seen = new ArrayList<>();",
        "    try (AlertsPublisher<IOException> alerts = AlertsPublisher.create(io.github.posa4j.pubsub.PublisherOptions.builder()",
        "        .errorHandler(failure -> seen.add(\"failed \" + failure.event() + \": \" + failure.error().getMessage())).build())) {",
        "      alerts.onSent((String message, List<? super String> copies) -> {",
        "        if (message.isEmpty()) throw new IOException(\"empty\");",
        "        seen.add(\"sent \" + message + copies);",
        "      });",
        "      alerts.onRaised((codes, levels) -> seen.add(\"raised \" + codes.length + \"/\" + levels.length));",
        "      alerts.sent(\"hi\", new ArrayList<Object>(List.of(1)));",
        "      alerts.sent(\"\", List.of());",
        "      alerts.raised(new String[] {\"a\"}, 1, 2);",
        "    }",
        "    return seen;",
        "  }",
        "}");

    assertThat(runScenario("test.AlertsScenario", events, scenario))
        .containsExactly("sent hi[1]", "failed sent: empty", "raised 1/2");
  }

  @Test
  void genericVarargsEventsAndMemberTypesThatShadowImportsCompileWithoutWarnings() throws Exception {
    JavaFileObject legacy = Compiler.source("legacy.Status",
        "package legacy;",
        "",
        "public enum Status { OLD }");
    JavaFileObject events = Compiler.source("test.Migrations",
        "package test;",
        "",
        "import java.util.List;",
        "",
        "@io.github.posa4j.annotation.Publisher",
        "public interface Migrations<T> {",
        "  enum Status { NEW }",
        "",
        "  void migrated(legacy.Status from, Status to);",
        "",
        "  @SuppressWarnings(\"unchecked\")",
        "  void batched(List<T>... batches);",
        "}");
    JavaFileObject scenario = Compiler.source("test.MigrationsScenario",
        "package test;",
        "",
        "import io.github.posa4j.pubsub.Delivery;",
        "import java.util.*;",
        "import java.util.concurrent.Callable;",
        "",
        "public class MigrationsScenario implements Callable<List<String>> {",
        "  @Override",
        "  public List<String> call() {",
        "    List<String> seen = new ArrayList<>();",
        "    try (MigrationsPublisher<String> migrations = MigrationsPublisher.create()) {",
        "      migrations.onMigrated((from, to) -> seen.add(from + \"->\" + to));",
        "      migrations.onBatched(batches -> seen.add(\"batches \" + batches.length), Delivery.async(Runnable::run));",
        "      migrations.migrated(legacy.Status.OLD, Migrations.Status.NEW);",
        "      migrations.batched(List.of(\"a\"), List.of(\"b\"));",
        "    }",
        "    return seen;",
        "  }",
        "}");

    assertThat(runScenario("test.MigrationsScenario", legacy, events, scenario)).containsExactly("OLD->NEW", "batches 2");
  }

  /**
   * Compiles {@code sources} with the processor (without any warning, under {@code -Werror}), then
   * runs the compiled {@code scenarioClass}, a {@code Callable<List<String>>}, and returns what it saw.
   */
  private static List<String> runScenario(String scenarioClass, JavaFileObject... sources) throws Exception {
    Compilation compilation = Compiler.compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    @SuppressWarnings("unchecked")
    Callable<List<String>> scenario = (Callable<List<String>>) Compiler.classLoader(compilation)
        .loadClass(scenarioClass).getConstructor().newInstance();
    return scenario.call();
  }
}

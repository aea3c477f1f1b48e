package io.github.posa4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.posa4j.processor.CommandProcessorDiagnosticsTest.compileWithOneError;
import static io.github.posa4j.processor.CommandProcessorDiagnosticsTest.receiver;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The types posa4j cannot encode, each refused on the element that declares it (a command's
 * parameter, a command for its result, the receiver for its snapshot state), with the part that
 * cannot be encoded, the way to it and what can be encoded.
 */
class CodecDiagnosticsTest {
  private static final String ENCODABLE = "; posa4j encodes primitives and their boxes, String, enums, records"
      + " whose components it can encode, arrays of these (not of generic types), java.util.List, Set, Map and"
      + " Optional of these, UUID, BigInteger, BigDecimal, Instant, Duration, LocalDate, LocalDateTime and byte[];";
  private static final String COMMAND_FIX = " change it to one of these types (a record of them for your own data),"
      + " or mark the method @ReadOnly if it changes nothing";

  @Test
  void aParameterOfAnUnsupportedClass() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(String account,",
        "      Thread owner) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("parameter 'owner' of command post has a type posa4j cannot encode: java.lang.Thread"
            + ENCODABLE + COMMAND_FIX)
        .inFile(source)
        .onLineContaining("Thread owner");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Object | java.lang.Object",
      "java.io.Serializable | java.io.Serializable",
      "Queue<String> | java.util.Queue<java.lang.String>",
      "ArrayList<String> | java.util.ArrayList<java.lang.String>",
      "Comparable<String> | java.lang.Comparable<java.lang.String>",
      "List<Queue<String>> | java.util.Queue<java.lang.String> in java.util.List<java.util.Queue<java.lang.String>>",
      "Map<String, Object> | java.lang.Object in java.util.Map<java.lang.String,java.lang.Object>",
      "List | java.util.List (a raw type: give its type arguments)",
      "List<? extends Number> | ? extends java.lang.Number in java.util.List<? extends java.lang.Number>"
          + " (a wildcard: give the exact type)",
      "List<String>[] | java.util.List<java.lang.String>[] (an array of a generic type: use a List instead)",
      "Thread[] | java.lang.Thread in java.lang.Thread[]"})
  void parametersOfUnsupportedTypes(String type, String described) {
    JavaFileObject source = receiver("class Ledger",
        "  @SuppressWarnings(\"rawtypes\")",
        "  public void post(" + type + " value) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("parameter 'value' of command post has a type posa4j cannot encode: " + described + ENCODABLE)
        .inFile(source)
        .onLineContaining(type + " value");
  }

  @Test
  void aRecordWithAnUnsupportedComponentNamesThePathToIt() {
    JavaFileObject source = receiver("class Ledger",
        "  public record Tag(String name, Queue<String> aliases) {}",
        "  public record Entry(long cents, List<Tag> tags) {}",
        "  public void post(Entry entry) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("parameter 'entry' of command post has a type posa4j cannot encode: component 'tags' of"
            + " record test.Ledger.Entry, component 'aliases' of record test.Ledger.Tag:"
            + " java.util.Queue<java.lang.String>" + ENCODABLE)
        .inFile(source)
        .onLineContaining("post(Entry entry)");
  }

  @Test
  void anUnsupportedResultIsReportedOnTheCommand() {
    JavaFileObject source = receiver("class Ledger",
        "  public Iterable<String> post(long cents) { return List.of(); }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("the result of command post has a type posa4j cannot encode:"
            + " java.lang.Iterable<java.lang.String>" + ENCODABLE + COMMAND_FIX)
        .inFile(source)
        .onLineContaining("public Iterable<String> post(long cents)");
  }

  @Test
  void aPrivateRecord() {
    JavaFileObject source = receiver("class Ledger",
        "  private record Entry(long cents) {}",
        "  public void post(List<Entry> entries) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("parameter 'entries' of command post has a type posa4j cannot encode: test.Ledger.Entry"
            + " in java.util.List<test.Ledger.Entry> (a private record, or one inside a private type, which the"
            + " generated codecs cannot name: make it package-private or public)")
        .inFile(source)
        .onLineContaining("post(List<Entry> entries)");
  }

  @Test
  void anEnumThatIsNotPublicInAnotherPackage() {
    JavaFileObject holder = Compiler.source("other.Holder",
        "package other;",
        "",
        "public class Holder {",
        "  protected enum Kind { DEPOSIT }",
        "}");
    JavaFileObject source = receiver("class Ledger extends other.Holder",
        "  public void post(Kind kind) {}");
    assertThat(compileWithOneError(holder, source))
        .hadErrorContaining("parameter 'kind' of command post has a type posa4j cannot encode: other.Holder.Kind (an"
            + " enum that is not public, or inside a type that is not, which the generated codecs in package test"
            + " cannot name: make it public)")
        .inFile(source)
        .onLineContaining("post(Kind kind)");
  }

  @Test
  void aGenericRecord() {
    JavaFileObject source = receiver("class Ledger",
        "  public record Pair<A, B>(A first, B second) {}",
        "  public void post(Pair<String, Long> pair) {}");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("parameter 'pair' of command post has a type posa4j cannot encode:"
            + " test.Ledger.Pair<java.lang.String,java.lang.Long> (a record with type parameters: declare one whose"
            + " components have concrete types)")
        .inFile(source)
        .onLineContaining("post(Pair<String, Long> pair)");
  }

  @Test
  void anUnsupportedSnapshotState() {
    JavaFileObject source = receiver("class Ledger implements Snapshottable<Queue<String>>",
        "  public Ledger() {}",
        "  public Ledger(Queue<String> notes) {}",
        "  public void note(String text) {}",
        "  @Override public Queue<String> snapshot() { return null; }");
    assertThat(compileWithOneError(source))
        .hadErrorContaining("the state that Ledger writes as a Snapshottable has a type posa4j cannot encode:"
            + " java.util.Queue<java.lang.String>" + ENCODABLE + " make snapshot() return one of these types (a"
            + " record of them, usually)")
        .inFile(source)
        .onLineContaining("class Ledger implements Snapshottable");
  }

  @Test
  void everyUnsupportedParameterIsReported() {
    JavaFileObject source = receiver("class Ledger",
        "  public void post(Object first, Thread second) {}");
    assertThat(Compiler.compileWithoutWerror(source)).hadErrorCount(2);
  }
}

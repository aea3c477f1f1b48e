package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.net.CloseReason.Kind;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a transport tells the outside world: a Flight Recorder event per connection opened and
 * closed (with why), and an MBean with its counters (this module's tests run with
 * {@code posa4j.jmx=true}).
 */
class ObservabilityTest {

  @ParameterizedTest
  @EnumSource(Transports.class)
  void connectionsAreRecordedOpenedAndClosedWithTheReason(Transports kind) throws Exception {
    Path dump = Files.createTempFile("posa4j-net", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("io.github.posa4j.ConnectionOpened");
      recording.enable("io.github.posa4j.ConnectionClosed");
      recording.start();
      ServerLog log = new ServerLog();
      try (Transport server = kind.open(NetOptions.builder().name("recorded-" + kind).maxFrameBytes(100).build())) {
        Acceptor acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), log.echo());
        try (RawClient client = new RawClient(acceptor.address())) {
          client.out.writeInt(101);
          client.out.flush();
          log.awaitClose(reason -> reason.kind() == Kind.FRAME_TOO_LARGE);
        }
      }
      recording.stop();
      recording.dump(dump);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(dump);
    Files.delete(dump);
    RecordedEvent opened = only(events, "io.github.posa4j.ConnectionOpened", "recorded-" + kind);
    assertThat(opened.getBoolean("accepted")).isTrue();
    assertThat(opened.getString("remote")).contains("127.0.0.1");
    RecordedEvent closed = only(events, "io.github.posa4j.ConnectionClosed", "recorded-" + kind);
    assertThat(closed.getLong("connection")).isEqualTo(opened.getLong("connection"));
    assertThat(closed.getString("reason")).isEqualTo("FRAME_TOO_LARGE");
    assertThat(closed.getString("message")).contains("101 bytes");
    assertThat(closed.getLong("bytesRead")).isEqualTo(4);
  }

  private static RecordedEvent only(List<RecordedEvent> events, String type, String transport) {
    List<RecordedEvent> matching = events.stream()
        .filter(event -> event.getEventType().getName().equals(type) && transport.equals(event.getString("transport")))
        .toList();
    assertThat(matching).as("%s events of %s", type, transport).hasSize(1);
    return matching.get(0);
  }

  @ParameterizedTest
  @EnumSource(Transports.class)
  void theMBeanCountsConnectionsBytesAndFramesAndGoesAwayWithTheTransport(Transports kind) throws Exception {
    MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    String name = "counted-" + kind;
    ObjectName mbean = new ObjectName("io.github.posa4j:type=Transport,name=" + ObjectName.quote(name));
    try (Transport server = kind.open(NetOptions.builder().name(name).build())) {
      assertThat(mbeans.getAttribute(mbean, "Kind")).isEqualTo(kind.name().toLowerCase());
      Acceptor acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), EchoHandler::new);
      try (RawClient client = new RawClient(acceptor.address())) {
        for (int i = 0; i < 10; i++) {
          client.sendFrame(new byte[100]);
          assertThat(client.readFrame()).hasSize(100);
        }
        assertThat(mbeans.getAttribute(mbean, "OpenConnections")).isEqualTo(1);
        assertThat(mbeans.getAttribute(mbean, "AcceptedConnections")).isEqualTo(1L);
        assertThat(mbeans.getAttribute(mbean, "FramesRead")).isEqualTo(10L);
        assertThat(mbeans.getAttribute(mbean, "FramesWritten")).isEqualTo(10L);
        assertThat(mbeans.getAttribute(mbean, "BytesRead")).isEqualTo(1040L);
        awaitAttribute(mbeans, mbean, "BytesWritten", 1040L);
        assertThat((Double) mbeans.getAttribute(mbean, "BusyRatio")).isBetween(0.0, 1.0);
      }
      awaitAttribute(mbeans, mbean, "OpenConnections", 0);
    }
    assertThat(mbeans.isRegistered(mbean)).as("registered after close").isFalse();
  }

  private static void awaitAttribute(MBeanServer mbeans, ObjectName mbean, String attribute, Object expected)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!expected.equals(mbeans.getAttribute(mbean, attribute)) && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    assertThat(mbeans.getAttribute(mbean, attribute)).as(attribute).isEqualTo(expected);
  }
}

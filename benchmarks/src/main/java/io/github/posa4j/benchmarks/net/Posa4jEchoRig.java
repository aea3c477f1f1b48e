package io.github.posa4j.benchmarks.net;

import io.github.posa4j.net.Acceptor;
import io.github.posa4j.net.CloseReason;
import io.github.posa4j.net.Connection;
import io.github.posa4j.net.NetOptions;
import io.github.posa4j.net.ServiceHandler;
import io.github.posa4j.net.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The echo rig on posa4j-net: a server transport and a client transport of one thread each (both
 * Reactors or both Proactors), default options otherwise (1 MiB write queue per connection). The
 * server's handler sends every frame back with {@link Connection#send}, which copies it.
 */
final class Posa4jEchoRig implements EchoRig {
  private final Transport server;
  private final Transport clients;
  private final List<EchoPeer> peers;
  private volatile boolean closing;

  private Posa4jEchoRig(Transport server, Transport clients, List<EchoPeer> peers) {
    this.server = server;
    this.clients = clients;
    this.peers = peers;
  }

  static EchoRig open(Function<NetOptions, Transport> transports, int connections, int payloadBytes,
      EchoListener listener) throws Exception {
    NetOptions options = NetOptions.builder().threads(1).maxFrameBytes(EchoTransport.MAX_FRAME_BYTES).build();
    Transport server = transports.apply(options);
    Transport clients = transports.apply(options);
    List<EchoPeer> peers = new ArrayList<>();
    Posa4jEchoRig rig = new Posa4jEchoRig(server, clients, peers);
    try {
      Acceptor acceptor = server.bind(new InetSocketAddress("127.0.0.1", 0), Echo::new);
      for (int i = 0; i < connections; i++) {
        Client client = new Client(rig, ByteBuffer.wrap(new byte[payloadBytes]), listener);
        clients.connector().connect(acceptor.address(), client).get(10, TimeUnit.SECONDS);
        peers.add(client);
      }
      return rig;
    } catch (Exception | Error e) {
      rig.close();
      throw e;
    }
  }

  @Override
  public List<EchoPeer> peers() {
    return peers;
  }

  @Override
  public void close() {
    closing = true;
    clients.close();
    server.close();
  }

  /** The server's handler: sends each frame back. */
  static final class Echo implements ServiceHandler {
    @Override
    public void onFrame(Connection connection, ByteBuffer frame) {
      if (!connection.send(frame)) {
        connection.abort();
      }
    }
  }

  /** A client's handler and its end: reports each echo to the listener. */
  private static final class Client implements ServiceHandler, EchoPeer {
    private final Posa4jEchoRig rig;
    private final ByteBuffer payload;
    private final EchoListener listener;
    private volatile Connection connection;

    Client(Posa4jEchoRig rig, ByteBuffer payload, EchoListener listener) {
      this.rig = rig;
      this.payload = payload;
      this.listener = listener;
    }

    @Override
    public void onOpen(Connection connection) {
      this.connection = connection;
    }

    @Override
    public boolean send() {
      return connection.send(payload);
    }

    @Override
    public void onFrame(Connection connection, ByteBuffer frame) {
      listener.echoed(this, frame.remaining());
    }

    @Override
    public void onClose(Connection connection, CloseReason reason) {
      if (!rig.closing) {
        listener.failed(this, reason.toString());
      }
    }
  }
}

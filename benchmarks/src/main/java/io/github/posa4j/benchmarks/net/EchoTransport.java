package io.github.posa4j.benchmarks.net;

import io.github.posa4j.net.Proactor;
import io.github.posa4j.net.Reactor;

/** The four transports compared, each opening an {@link EchoRig} the same way: one server thread, one client thread. */
public enum EchoTransport {
  /** posa4j-net's {@link Reactor}: a selector event loop per side. */
  POSA4J_REACTOR {
    @Override
    EchoRig open(int connections, int payloadBytes, EchoListener listener) throws Exception {
      return Posa4jEchoRig.open(Reactor::open, connections, payloadBytes, listener);
    }
  },
  /** posa4j-net's {@link Proactor}: an NIO.2 channel group of one thread per side. */
  POSA4J_PROACTOR {
    @Override
    EchoRig open(int connections, int payloadBytes, EchoListener listener) throws Exception {
      return Posa4jEchoRig.open(Proactor::open, connections, payloadBytes, listener);
    }
  },
  /** Netty's NIO transport ({@code NioIoHandler}): one event loop per side. */
  NETTY_NIO {
    @Override
    EchoRig open(int connections, int payloadBytes, EchoListener listener) throws Exception {
      return NettyEchoRig.open(NettyEchoRig.Flavour.NIO, connections, payloadBytes, listener);
    }
  },
  /** Netty's native epoll transport ({@code EpollIoHandler}): one event loop per side. */
  NETTY_EPOLL {
    @Override
    EchoRig open(int connections, int payloadBytes, EchoListener listener) throws Exception {
      return NettyEchoRig.open(NettyEchoRig.Flavour.EPOLL, connections, payloadBytes, listener);
    }
  };

  /** The largest frame either side accepts, for every transport. */
  static final int MAX_FRAME_BYTES = 1 << 20;

  /**
   * Starts an echo server on 127.0.0.1, port 0, and opens {@code connections} clients to it whose
   * {@link EchoPeer#send} sends {@code payloadBytes} bytes; returns once all are open.
   */
  abstract EchoRig open(int connections, int payloadBytes, EchoListener listener) throws Exception;
}

/**
 * The networked event-handling patterns of POSA2, small and with no dependency beyond the JDK:
 *
 * <ul>
 *   <li><b>Reactor</b> ({@link io.github.posa4j.net.Reactor}): event loops over
 *       {@link java.nio.channels.Selector}, each owning its connections and dispatching their
 *       readiness to their handlers, with timers and tasks submitted from other threads;
 *   <li><b>Acceptor-Connector</b> ({@link io.github.posa4j.net.Acceptor},
 *       {@link io.github.posa4j.net.Connector}): establishing a connection, passively or actively,
 *       apart from the {@link io.github.posa4j.net.ServiceHandler} that serves it;
 *   <li><b>Proactor</b> ({@link io.github.posa4j.net.Proactor}): the same acceptor, connector and
 *       handler over NIO.2's asynchronous channels and completion handlers.
 * </ul>
 *
 * <p>Connections carry length-prefixed frames (a four-byte big-endian length, then the payload)
 * up to {@link io.github.posa4j.net.NetOptions#maxFrameBytes()}; each has a bounded write queue,
 * and a connection whose queue is full stops being read, so that a slow peer is held back instead
 * of filling memory. {@link io.github.posa4j.net.NetOptions.Builder#tls(javax.net.ssl.SSLContext)}
 * encrypts every connection with the JDK's {@link javax.net.ssl.SSLEngine}.
 *
 * <p>The machinery of both transports (event loops, connections, the frame decoder, write queues,
 * TLS sessions) is package-private here: what is public is the whole API.
 */
package io.github.posa4j.net;

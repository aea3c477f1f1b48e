package io.github.posa4j.benchmarks.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The echo rig on Netty: a server group and a client group of one event loop each
 * ({@code MultiThreadIoEventLoopGroup(1, ...)}, the server's accepting on its one loop too), the
 * same wire format through {@code LengthFieldBasedFrameDecoder(max, 0, 4, 0, 4)} and
 * {@code LengthFieldPrepender(4)}, {@code TCP_NODELAY} on both sides (Netty's default, set
 * explicitly), the default allocator. The server writes each decoded frame back as it is (the
 * decoder's retained slice, no copy) and flushes once per read ({@code channelReadComplete}), the
 * idiomatic Netty echo. A client copies its payload into a new buffer from the channel's allocator
 * per frame, writes it, and flushes once per read when sending from its loop.
 */
final class NettyEchoRig implements EchoRig {

  /** Which Netty transport. */
  enum Flavour {
    NIO(NioIoHandler::newFactory, NioServerSocketChannel.class, NioSocketChannel.class),
    EPOLL(EpollIoHandler::newFactory, EpollServerSocketChannel.class, EpollSocketChannel.class);

    final Supplier<IoHandlerFactory> handlers;
    final Class<? extends ServerChannel> serverChannel;
    final Class<? extends Channel> channel;

    Flavour(Supplier<IoHandlerFactory> handlers, Class<? extends ServerChannel> serverChannel,
        Class<? extends Channel> channel) {
      this.handlers = handlers;
      this.serverChannel = serverChannel;
      this.channel = channel;
    }

    EventLoopGroup group() {
      if (this == EPOLL && !Epoll.isAvailable()) {
        throw new IllegalStateException("Netty's epoll transport is unavailable", Epoll.unavailabilityCause());
      }
      return new MultiThreadIoEventLoopGroup(1, handlers.get());
    }
  }

  private static final ChannelHandler PREPENDER = new LengthFieldPrepender(4);
  private static final ChannelHandler ECHO = new Echo();

  private final EventLoopGroup serverGroup;
  private final EventLoopGroup clientGroup;
  private final List<EchoPeer> peers;
  private volatile boolean closing;

  private NettyEchoRig(EventLoopGroup serverGroup, EventLoopGroup clientGroup, List<EchoPeer> peers) {
    this.serverGroup = serverGroup;
    this.clientGroup = clientGroup;
    this.peers = peers;
  }

  /** Starts a Netty echo server of one event loop on 127.0.0.1, port 0; the caller shuts the group down. */
  static Channel bindServer(Flavour flavour, EventLoopGroup group, ChannelHandler... extra) throws InterruptedException {
    ServerBootstrap server = new ServerBootstrap()
        .group(group)
        .channel(flavour.serverChannel)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(extra);
            channel.pipeline().addLast(decoder(), PREPENDER, ECHO);
          }
        });
    return server.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  static EchoRig open(Flavour flavour, int connections, int payloadBytes, EchoListener listener) throws Exception {
    NettyEchoRig rig = new NettyEchoRig(flavour.group(), flavour.group(), new ArrayList<>());
    try {
      Channel server = bindServer(flavour, rig.serverGroup);
      byte[] payload = new byte[payloadBytes];
      for (int i = 0; i < connections; i++) {
        Client client = new Client(rig, payload, listener);
        Bootstrap bootstrap = new Bootstrap()
            .group(rig.clientGroup)
            .channel(flavour.channel)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(decoder(), PREPENDER, client);
              }
            });
        client.channel = bootstrap.connect(server.localAddress()).sync().channel();
        rig.peers.add(client);
      }
      return rig;
    } catch (Exception | Error e) {
      rig.close();
      throw e;
    }
  }

  private static LengthFieldBasedFrameDecoder decoder() {
    return new LengthFieldBasedFrameDecoder(EchoTransport.MAX_FRAME_BYTES, 0, 4, 0, 4);
  }

  @Override
  public List<EchoPeer> peers() {
    return peers;
  }

  @Override
  public void close() {
    closing = true;
    clientGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    serverGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** The server's handler: writes each frame back, flushes once per read. */
  @ChannelHandler.Sharable
  static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext context, Object frame) {
      context.write(frame, context.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
      context.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      context.close();
    }
  }

  /** A client's handler and its end: reports each echo to the listener. */
  private static final class Client extends ChannelInboundHandlerAdapter implements EchoPeer {
    private final NettyEchoRig rig;
    private final byte[] payload;
    private final EchoListener listener;
    private volatile Channel channel;
    private boolean flushAfterRead;

    Client(NettyEchoRig rig, byte[] payload, EchoListener listener) {
      this.rig = rig;
      this.payload = payload;
      this.listener = listener;
    }

    @Override
    public boolean send() {
      Channel channel = this.channel;
      if (!channel.isActive()) {
        return false;
      }
      ByteBuf frame = channel.alloc().buffer(payload.length).writeBytes(payload);
      if (channel.eventLoop().inEventLoop()) {
        channel.write(frame, channel.voidPromise());
        flushAfterRead = true;
      } else {
        channel.writeAndFlush(frame, channel.voidPromise());
      }
      return true;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
      channel = context.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      ByteBuf frame = (ByteBuf) message;
      int length = frame.readableBytes();
      frame.release();
      listener.echoed(this, length);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
      if (flushAfterRead) {
        flushAfterRead = false;
        context.flush();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
      if (!rig.closing) {
        listener.failed(this, "the connection closed");
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      if (!rig.closing) {
        listener.failed(this, cause.toString());
      }
      context.close();
    }
  }
}

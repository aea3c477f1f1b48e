package io.github.posa4j.examples.chat;

import io.github.posa4j.net.CloseReason;
import io.github.posa4j.net.Connection;
import io.github.posa4j.net.ServiceHandler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A chat server's service: every frame a member sends (a line of UTF-8) goes to every other
 * member, in order, with flow control from end to end. When a listener's write queue is full, the
 * line waits for it and the speaker is no longer read ({@link Connection#pauseReading()}) until
 * the listener catches up ({@link ServiceHandler#onWritable}); a listener that has not caught up
 * after {@code patience} is disconnected, and the speakers it held back go on. Nothing is buffered
 * without bound and nobody waits for long on a member that stopped reading.
 *
 * <pre>{@code
 * ChatRoom room = new ChatRoom(Duration.ofSeconds(2));
 * Acceptor server = reactor.bind(new InetSocketAddress("127.0.0.1", 0), room.members());
 * }</pre>
 */
public final class ChatRoom implements AutoCloseable {
  private final long patienceNanos;
  private final Map<Connection, Member> members = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "chat-room-watchdog");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong relayed = new AtomicLong();
  private final AtomicLong disconnected = new AtomicLong();

  /** A room that disconnects a listener that has not caught up after {@code patience}. */
  public ChatRoom(Duration patience) {
    this.patienceNanos = patience.toNanos();
  }

  /** The handler factory for an acceptor: one member per connection. */
  public Supplier<ServiceHandler> members() {
    return Member::new;
  }

  /** Members in the room now. */
  public int size() {
    return members.size();
  }

  /** Lines sent on to other members so far. */
  public long relayed() {
    return relayed.get();
  }

  /** Members disconnected because they did not catch up. */
  public long disconnected() {
    return disconnected.get();
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  private final class Member implements ServiceHandler {
    private Connection connection;
    /** Lines this member's full queue refused, waiting for it, in order. */
    private final ArrayDeque<ByteBuffer> waiting = new ArrayDeque<>();
    /** The speakers not read until this member catches up. */
    private final List<Member> heldBack = new ArrayList<>();
    /** How many listeners hold this member back as a speaker. */
    private int holds;
    private long behindSince;

    @Override
    public void onOpen(Connection connection) {
      this.connection = connection;
      members.put(connection, this);
    }

    @Override
    public void onFrame(Connection connection, ByteBuffer line) {
      synchronized (ChatRoom.this) {
        for (Member listener : members.values()) {
          if (listener != this) {
            listener.hear(line, this);
          }
        }
      }
    }

    /** Sends {@code line} from {@code speaker}, or keeps it and holds the speaker back. */
    private void hear(ByteBuffer line, Member speaker) {
      if (waiting.isEmpty() && connection.send(line)) {
        relayed.incrementAndGet();
        return;
      }
      waiting.add(ByteBuffer.allocate(line.remaining()).put(line.duplicate()).flip());
      if (!heldBack.contains(speaker)) {
        heldBack.add(speaker);
        if (speaker.holds++ == 0) {
          speaker.connection.pauseReading();
        }
      }
      if (behindSince == 0) {
        behindSince = System.nanoTime();
        watchdog.schedule(this::disconnectIfStillBehind, patienceNanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void onWritable(Connection connection) {
      synchronized (ChatRoom.this) {
        while (!waiting.isEmpty() && connection.send(waiting.peek())) {
          waiting.poll();
          relayed.incrementAndGet();
        }
        if (waiting.isEmpty()) {
          behindSince = 0;
          letSpeakersGo();
        }
      }
    }

    private void disconnectIfStillBehind() {
      synchronized (ChatRoom.this) {
        if (behindSince != 0 && System.nanoTime() - behindSince >= patienceNanos && members.remove(connection) != null) {
          disconnected.incrementAndGet();
          connection.abort();
          leave();
        }
      }
    }

    @Override
    public void onClose(Connection connection, CloseReason reason) {
      synchronized (ChatRoom.this) {
        members.remove(connection);
        leave();
      }
    }

    private void leave() {
      waiting.clear();
      behindSince = 0;
      letSpeakersGo();
    }

    private void letSpeakersGo() {
      for (Member speaker : heldBack) {
        if (--speaker.holds == 0) {
          speaker.connection.resumeReading();
        }
      }
      heldBack.clear();
    }
  }
}

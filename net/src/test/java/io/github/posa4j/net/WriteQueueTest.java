package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WriteQueueTest {

  /** A channel that takes at most {@code perWrite} bytes a call and {@code budget} in all, keeping them. */
  static final class Sink implements GatheringByteChannel {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final int perWrite;
    long budget;

    Sink(int perWrite) {
      this(perWrite, Long.MAX_VALUE);
    }

    Sink(int perWrite, long budget) {
      this.perWrite = perWrite;
      this.budget = budget;
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) {
      long total = 0;
      long allowed = Math.min(perWrite, budget);
      for (int i = offset; i < offset + length && total < allowed; i++) {
        ByteBuffer source = sources[i];
        int n = (int) Math.min(source.remaining(), allowed - total);
        byte[] chunk = new byte[n];
        source.get(chunk);
        bytes.write(chunk, 0, n);
        total += n;
      }
      budget -= total;
      return total;
    }

    @Override
    public long write(ByteBuffer[] sources) {
      return write(sources, 0, sources.length);
    }

    @Override
    public int write(ByteBuffer source) {
      return (int) write(new ByteBuffer[] {source});
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }

  private static List<byte[]> decode(byte[] stream) {
    ByteBuffer in = ByteBuffer.wrap(stream);
    List<byte[]> frames = new ArrayList<>();
    while (in.hasRemaining()) {
      byte[] frame = new byte[in.getInt()];
      in.get(frame);
      frames.add(frame);
    }
    return frames;
  }

  @Test
  void framesComeOutWhole_inOrder_acrossChunksAndShortWrites() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    WriteQueue queue = new WriteQueue(Integer.MAX_VALUE);
    Sink channel = new Sink(7_001);
    List<byte[]> sent = new ArrayList<>();
    ByteBuffer[] scratch = new ByteBuffer[8];
    for (int round = 0; round < 200; round++) {
      for (int i = random.nextInt(1, 20); i > 0; i--) {
        byte[] frame = new byte[random.nextInt(0, 40_000)];
        random.nextBytes(frame);
        ByteBuffer payload = ByteBuffer.wrap(frame);
        assertThat(queue.offer(payload)).isTrue();
        assertThat(payload.position()).as("the payload's position is left alone").isZero();
        sent.add(frame);
      }
      queue.writeTo(channel, scratch);
    }
    while (!queue.isEmpty()) {
      queue.writeTo(channel, scratch);
    }
    assertThat(decode(channel.bytes.toByteArray())).containsExactlyElementsOf(sent);
  }

  @Test
  void aFullQueueRefusesFramesAndSaysWhenItDrainedToHalf() throws Exception {
    WriteQueue queue = new WriteQueue(10_000);
    int accepted = 0;
    while (queue.offer(ByteBuffer.allocate(996))) {
      accepted++;
    }
    assertThat(accepted).isEqualTo(10);
    assertThat(queue.queuedBytes()).isEqualTo(10_000);
    assertThat(queue.isFull()).isTrue();

    ByteBuffer[] scratch = new ByteBuffer[8];
    queue.writeTo(new Sink(1_500, 4_000), scratch);
    assertThat(queue.queuedBytes()).isEqualTo(6_000);
    assertThat(queue.takeWritableAgain()).as("not yet at half").isFalse();
    queue.writeTo(new Sink(1_500, 1_000), scratch);
    assertThat(queue.takeWritableAgain()).as("at half").isTrue();
    assertThat(queue.takeWritableAgain()).as("told once").isFalse();
    assertThat(queue.offer(ByteBuffer.allocate(10))).isTrue();
  }

  @Test
  void aClosedQueueRefusesEverythingAndHoldsNothing() {
    WriteQueue queue = new WriteQueue(10_000);
    queue.offer(ByteBuffer.allocate(100));
    queue.close();
    assertThat(queue.queuedBytes()).isZero();
    assertThat(queue.offer(ByteBuffer.allocate(1))).isFalse();
    assertThat(queue.gather(new ByteBuffer[4])).isZero();
  }

  @Test
  void producersOnManyThreadsAndOneWriterLoseAndDuplicateNothing() throws Exception {
    int producers = 4;
    int framesEach = 20_000;
    WriteQueue queue = new WriteQueue(256 << 10);
    Sink channel = new Sink(50_000);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      Thread thread = new Thread(() -> {
        ByteBuffer frame = ByteBuffer.allocate(64);
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < framesEach; i++) {
          frame.clear();
          frame.putInt(producer).putInt(i).position(8 + (i % 50)).flip();
          while (!queue.offer(frame)) {
            Thread.onSpinWait();
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    AtomicBoolean producing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> {
      ByteBuffer[] scratch = new ByteBuffer[8];
      try {
        while (producing.get() || !queue.isEmpty()) {
          queue.writeTo(channel, scratch);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    writer.start();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    producing.set(false);
    writer.join();

    int[] next = new int[producers];
    int total = 0;
    for (byte[] frame : decode(channel.bytes.toByteArray())) {
      ByteBuffer in = ByteBuffer.wrap(frame);
      int producer = in.getInt();
      int index = in.getInt();
      assertThat(index).as("frames of producer %d in order", producer).isEqualTo(next[producer]++);
      assertThat(frame.length).isEqualTo(8 + (index % 50));
      total++;
    }
    assertThat(total).isEqualTo(producers * framesEach);
    assertThat(next).containsOnly(framesEach);
  }
}

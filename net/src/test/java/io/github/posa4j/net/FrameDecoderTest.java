package io.github.posa4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  /** A sink that keeps copies of the frames and can stop accepting. */
  static final class Frames implements FrameDecoder.Sink {
    final List<byte[]> frames = new ArrayList<>();
    long tooLarge = -1;
    boolean accepting = true;
    Runnable onFrame = () -> {};

    @Override
    public boolean accepting() {
      return accepting;
    }

    @Override
    public void frame(ByteBuffer payload) {
      byte[] copy = new byte[payload.remaining()];
      payload.get(copy);
      frames.add(copy);
      onFrame.run();
    }

    @Override
    public void tooLarge(long length) {
      tooLarge = length;
    }
  }

  private static List<byte[]> randomFrames(SplittableRandom random, int count, int maxSize) {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] frame = new byte[random.nextInt(0, maxSize + 1)];
      random.nextBytes(frame);
      frames.add(frame);
    }
    return frames;
  }

  private static ByteBuffer encode(List<byte[]> frames) {
    int size = frames.stream().mapToInt(frame -> 4 + frame.length).sum();
    ByteBuffer bytes = ByteBuffer.allocate(size);
    for (byte[] frame : frames) {
      bytes.putInt(frame.length).put(frame);
    }
    return bytes.flip();
  }

  @Test
  void framesSplitAnywhereComeOutWhole() {
    for (long seed = 1; seed <= 50; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<byte[]> sent = randomFrames(random, 200, seed % 2 == 0 ? 300 : 200_000);
      ByteBuffer stream = encode(sent);
      FrameDecoder decoder = new FrameDecoder(200_000);
      Frames sink = new Frames();
      while (stream.hasRemaining()) {
        int n = Math.min(stream.remaining(), random.nextInt(1, 70_000));
        ByteBuffer read = ByteBuffer.allocateDirect(n);
        read.put(stream.slice().limit(n)).flip();
        stream.position(stream.position() + n);
        assertThat(decoder.decode(read, sink)).isTrue();
        assertThat(read.hasRemaining()).as("a read is consumed entirely").isFalse();
      }
      assertThat(sink.frames).as("seed %d", seed).containsExactlyElementsOf(sent);
      assertThat(decoder.keptBytes()).isZero();
    }
  }

  @Test
  void framesNotAcceptedAreKeptAndDeliveredWhenDrained() {
    List<byte[]> sent = randomFrames(new SplittableRandom(3), 20, 100);
    FrameDecoder decoder = new FrameDecoder(1_000);
    Frames sink = new Frames();
    sink.onFrame = () -> sink.accepting = sink.frames.size() % 5 != 0; // stops after every fifth frame
    decoder.decode(encode(sent), sink);
    assertThat(sink.frames).hasSize(5);
    assertThat(decoder.hasWholeFrame()).isTrue();
    while (decoder.hasWholeFrame()) {
      sink.accepting = true;
      decoder.drainKept(sink);
    }
    assertThat(sink.frames).containsExactlyElementsOf(sent);
    assertThat(decoder.keptBytes()).isZero();
  }

  @Test
  void bytesThatArriveBehindFramesNotYetAcceptedQueueUpBehindThem() {
    List<byte[]> sent = randomFrames(new SplittableRandom(9), 30, 3_000);
    ByteBuffer stream = encode(sent);
    FrameDecoder decoder = new FrameDecoder(10_000);
    Frames sink = new Frames();
    sink.accepting = false; // as while a TLS session decrypts record after record into a paused connection
    SplittableRandom random = new SplittableRandom(10);
    while (stream.hasRemaining()) {
      int n = Math.min(stream.remaining(), random.nextInt(1, 5_000));
      assertThat(decoder.decode(stream.slice().limit(n), sink)).isTrue();
      stream.position(stream.position() + n);
    }
    assertThat(sink.frames).isEmpty();
    sink.accepting = true;
    decoder.drainKept(sink);
    assertThat(sink.frames).containsExactlyElementsOf(sent);
    assertThat(decoder.keptBytes()).isZero();
  }

  @Test
  void aFewBytesOfAFrameAreKeptInASmallBuffer() {
    FrameDecoder decoder = new FrameDecoder(1 << 20);
    Frames sink = new Frames();
    decoder.decode(ByteBuffer.allocate(1).put((byte) 0).flip(), sink);
    assertThat(decoder.keptCapacity()).isEqualTo(BufferPool.LEFTOVER_BYTES);
    decoder.decode(ByteBuffer.allocate(3).put(new byte[] {0, 0x10, 0}).flip(), sink); // a frame of 4,096 bytes
    decoder.decode(ByteBuffer.allocate(4_096), sink);
    assertThat(sink.frames).hasSize(1).first().satisfies(frame -> assertThat(frame).hasSize(4_096));
    assertThat(decoder.keptCapacity()).isZero();
  }

  @Test
  void aFrameAboveTheMaximumIsReportedWithItsLength() {
    FrameDecoder decoder = new FrameDecoder(1_000);
    Frames sink = new Frames();
    assertThat(decoder.decode(ByteBuffer.allocate(4).putInt(1_001).flip(), sink)).isFalse();
    assertThat(sink.tooLarge).isEqualTo(1_001);

    FrameDecoder negative = new FrameDecoder(1_000);
    assertThat(negative.decode(ByteBuffer.allocate(4).putInt(0x80000000).flip(), sink)).isFalse();
    assertThat(sink.tooLarge).as("read as unsigned").isEqualTo(0x80000000L);
  }

  @Test
  void aLengthSplitAcrossReadsIsCheckedToo() {
    FrameDecoder decoder = new FrameDecoder(1_000);
    Frames sink = new Frames();
    ByteBuffer header = ByteBuffer.allocate(4).putInt(5_000).flip();
    assertThat(decoder.decode(header.slice().limit(2), sink)).isTrue();
    assertThat(decoder.decode(header.position(2).slice(), sink)).isFalse();
    assertThat(sink.tooLarge).isEqualTo(5_000);
  }

  @Test
  void aLargeFrameSentSlowlyHoldsOnlyWhatArrived() {
    FrameDecoder decoder = new FrameDecoder(64 << 20);
    Frames sink = new Frames();
    decoder.decode(ByteBuffer.allocate(14).putInt(32 << 20).put(new byte[10]).flip(), sink);
    assertThat(decoder.keptBytes()).isEqualTo(14);
    for (int i = 0; i < 100; i++) {
      decoder.decode(ByteBuffer.allocate(1), sink);
    }
    assertThat(decoder.keptBytes()).isEqualTo(114);
    assertThat(sink.frames).isEmpty();
  }

  @Test
  void releasingFromAFrameCallbackFreesNothingTheDecoderStillReads() {
    FrameDecoder decoder = new FrameDecoder(1_000);
    Frames sink = new Frames();
    List<byte[]> sent = randomFrames(new SplittableRandom(5), 3, 100);
    ByteBuffer stream = encode(sent);
    decoder.decode(stream.slice().limit(10), sink); // keeps a partial frame
    stream.position(10);
    sink.onFrame = () -> {
      decoder.release();
      sink.accepting = false; // as a closed connection stops accepting
    };
    assertThat(decoder.decode(stream, sink)).isTrue();
    assertThat(sink.frames).hasSize(1).first().isEqualTo(sent.get(0));
    assertThat(decoder.keptBytes()).as("freed once the call returned").isZero();
  }
}

package io.github.posa4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CodecOutput} and {@link CodecInput} on their own: the primitives, the buffer, the regions. */
class CodecStreamsTest {

  private static CodecOutput everyPrimitive() {
    CodecOutput out = new CodecOutput(0);
    out.writeBoolean(true);
    out.writeBoolean(false);
    out.writeByte(-128);
    out.writeShort(Short.MIN_VALUE);
    out.writeChar('\ud800');
    out.writeInt(Integer.MIN_VALUE);
    out.writeLong(Long.MAX_VALUE);
    out.writeFloat(-0.0f);
    out.writeDouble(Double.longBitsToDouble(0x7ff0_0000_0000_0001L));
    out.writeVarInt(Integer.MAX_VALUE);
    out.writeString("a\udc00\ud83d\ude00");
    out.writeBytes(new byte[] {9, 8, 7, 6}, 1, 2);
    return out;
  }

  private static void readEveryPrimitive(CodecInput in) {
    assertThat(in.readBoolean()).isTrue();
    assertThat(in.readBoolean()).isFalse();
    assertThat(in.readByte()).isEqualTo((byte) -128);
    assertThat(in.readShort()).isEqualTo(Short.MIN_VALUE);
    assertThat(in.readChar()).isEqualTo('\ud800');
    assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
    assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(Float.floatToRawIntBits(in.readFloat())).isEqualTo(Integer.MIN_VALUE);
    assertThat(Double.doubleToRawLongBits(in.readDouble())).isEqualTo(0x7ff0_0000_0000_0001L);
    assertThat(in.readVarInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(in.readString()).isEqualTo("a\udc00\ud83d\ude00");
    assertThat(in.readBytes(2)).containsExactly(8, 7);
    assertThat(in.remaining()).isZero();
  }

  @Test
  void readsBackEveryPrimitive() {
    CodecOutput out = everyPrimitive();
    readEveryPrimitive(new CodecInput(out.toByteArray()));
  }

  @Test
  void varIntsAtEveryLengthBoundary() {
    int[] values = {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456,
        Integer.MAX_VALUE};
    int[] lengths = {1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    for (int i = 0; i < values.length; i++) {
      CodecOutput out = new CodecOutput();
      out.writeVarInt(values[i]);
      assertThat(out.size()).as("length of %d", values[i]).isEqualTo(lengths[i]);
      CodecInput in = new CodecInput(out.toByteArray());
      assertThat(in.readVarInt()).isEqualTo(values[i]);
      assertThat(in.remaining()).isZero();
    }
  }

  @Test
  void aNegativeVarIntIsRefused() {
    assertThatThrownBy(() -> new CodecOutput().writeVarInt(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void theOutputGrowsAndThenKeepsItsArray() {
    CodecOutput out = new CodecOutput(0);
    assertThat(out.size()).isZero();
    out.writeString("x".repeat(1000));
    byte[] grown = out.buffer();
    assertThat(grown.length).isGreaterThanOrEqualTo(1002);
    assertThat(out.size()).isEqualTo(1002);

    for (int record = 0; record < 100; record++) {
      out.reset();
      assertThat(out.size()).isZero();
      out.writeString("y".repeat(record * 10));
      out.writeLong(record);
    }
    assertThat(out.buffer()).isSameAs(grown);
    assertThat(new CodecInput(out.buffer(), 0, out.size()).readString()).isEqualTo("y".repeat(990));
    assertThat(new CodecOutput()).hasToString("CodecOutput[size=0, capacity=256]");
  }

  @Test
  void toByteArrayAndWriteToCopyOnlyTheBytesWritten() {
    CodecOutput out = new CodecOutput(64);
    out.writeInt(0x01020304);
    assertThat(out.toByteArray()).containsExactly(1, 2, 3, 4);

    ByteBuffer target = ByteBuffer.allocate(10);
    target.put((byte) 9);
    out.writeTo(target);
    assertThat(target.position()).isEqualTo(5);
    assertThat(target.array()).startsWith(9, 1, 2, 3, 4, 0);
  }

  @Test
  void writeBytesChecksItsRange() {
    CodecOutput out = new CodecOutput();
    assertThatThrownBy(() -> out.writeBytes(new byte[3], 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> out.writeBytes(new byte[3], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void readsARegionOfALargerDirectBufferWithoutChangingIt() {
    byte[] record = everyPrimitive().toByteArray();
    ByteBuffer buffer = ByteBuffer.allocateDirect(record.length + 100);
    for (int i = 0; i < buffer.capacity(); i++) {
      buffer.put(i, (byte) 0xEE);
    }
    buffer.put(37, record);
    buffer.position(5).limit(record.length + 90);

    CodecInput in = new CodecInput(buffer);
    in.reset(buffer, 37, record.length);
    assertThat(in.position()).isZero();
    assertThat(in.remaining()).isEqualTo(record.length);
    readEveryPrimitive(in);
    assertThat(in.position()).isEqualTo(record.length);

    assertThat(buffer.position()).isEqualTo(5);
    assertThat(buffer.limit()).isEqualTo(record.length + 90);
    assertThatThrownBy(() -> in.reset(buffer, 100, record.length)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void readsFromTheBuffersPositionToItsLimit() {
    ByteBuffer buffer = ByteBuffer.allocate(16);
    buffer.putInt(4, 42).putInt(8, 43);
    buffer.position(4).limit(8);
    CodecInput in = new CodecInput(buffer);
    assertThat(in.readInt()).isEqualTo(42);
    assertThatThrownBy(in::readInt).isInstanceOf(CodecException.class)
        .hasMessage("needed 4 bytes for an int at position 4, 0 remain");
    assertThat(buffer.position()).isEqualTo(4);
  }

  @Test
  void readsBigEndianWhateverTheBuffersByteOrder() {
    byte[] record = everyPrimitive().toByteArray();
    ByteBuffer little = ByteBuffer.allocateDirect(record.length).order(ByteOrder.LITTLE_ENDIAN);
    little.put(0, record);
    readEveryPrimitive(new CodecInput(little));
    assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);

    ByteBuffer heapLittle = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
    readEveryPrimitive(new CodecInput(heapLittle));
  }

  @Test
  void readsReadOnlyAndSlicedHeapBuffers() {
    byte[] record = everyPrimitive().toByteArray();
    byte[] padded = new byte[record.length + 7];
    System.arraycopy(record, 0, padded, 3, record.length);
    readEveryPrimitive(new CodecInput(ByteBuffer.wrap(padded).asReadOnlyBuffer().position(3)
        .limit(3 + record.length)));
    ByteBuffer slice = ByteBuffer.wrap(padded, 3, record.length).slice();
    assertThat(slice.arrayOffset()).isEqualTo(3);
    readEveryPrimitive(new CodecInput(slice));
    readEveryPrimitive(new CodecInput(padded, 3, record.length));
  }

  @Test
  void readsAMappedFile(@TempDir Path dir) throws IOException {
    byte[] record = everyPrimitive().toByteArray();
    Path file = dir.resolve("journal");
    byte[] content = new byte[record.length + 11];
    System.arraycopy(record, 0, content, 11, record.length);
    Files.write(file, content);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, content.length);
      CodecInput in = new CodecInput(new byte[0]);
      in.reset(mapped, 11, record.length);
      readEveryPrimitive(in);
    }
  }

  @Test
  void oneInputReadsRecordAfterRecord() {
    CodecOutput out = new CodecOutput();
    int[] offsets = new int[51];
    for (int i = 0; i < 50; i++) {
      Codecs.STRING.encode("record " + i, out);
      out.writeLong(i);
      offsets[i + 1] = out.size();
    }
    ByteBuffer journal = ByteBuffer.allocateDirect(out.size());
    out.writeTo(journal);

    CodecInput in = new CodecInput(journal);
    for (int i = 0; i < 50; i++) {
      in.reset(journal, offsets[i], offsets[i + 1] - offsets[i]);
      assertThat(Codecs.STRING.decode(in)).isEqualTo("record " + i);
      assertThat(in.readLong()).isEqualTo(i);
      assertThat(in.remaining()).isZero();
      assertThatThrownBy(in::readByte).isInstanceOf(CodecException.class);
    }
  }

  @Test
  void readingPastTheEndSaysWhatAndWhere() {
    CodecOutput out = new CodecOutput();
    out.writeLong(1);
    out.writeInt(2);
    out.writeBytes(new byte[3], 0, 3);
    CodecInput in = new CodecInput(out.toByteArray());
    in.readLong();
    in.readInt();
    assertThatThrownBy(in::readLong).isInstanceOf(CodecException.class)
        .hasMessage("needed 8 bytes for a long at position 12, 3 remain");
    assertThat(in.position()).isEqualTo(12);
    assertThatThrownBy(() -> in.readBytes(4)).isInstanceOf(CodecException.class)
        .hasMessage("needed 4 bytes for a byte array at position 12, 3 remain");
    in.readBytes(2);
    assertThatThrownBy(in::readShort).isInstanceOf(CodecException.class)
        .hasMessage("needed 2 bytes for a short at position 14, 1 remains");
    in.readByte();
    assertThatThrownBy(in::readBoolean).isInstanceOf(CodecException.class)
        .hasMessage("needed 1 byte for a boolean at position 15, 0 remain");
    assertThat(in.readBytes(0)).isEmpty();
    assertThatThrownBy(() -> in.readBytes(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readCountChecksTheCountAgainstTheBytesThatRemain() {
    CodecOutput out = new CodecOutput();
    out.writeVarInt(3);
    out.writeBytes(new byte[12], 0, 12);
    assertThat(new CodecInput(out.toByteArray()).readCount(4)).isEqualTo(3);
    assertThat(new CodecInput(out.toByteArray()).readCount(0)).isEqualTo(3);
    assertThatThrownBy(() -> new CodecInput(out.toByteArray()).readCount(5)).isInstanceOf(CodecException.class)
        .hasMessage("the count 3 at position 0 is more than the 12 bytes that remain can hold, "
            + "at 5 bytes or more each");
  }
}

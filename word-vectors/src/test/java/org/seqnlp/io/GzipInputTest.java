package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipInputTest {

  private static final String SOURCE = "data.gz";

  @Test
  void decompressesDataLongerThanItsBuffers() throws IOException {
    byte[] data = new byte[300_000];
    new Random(7).nextBytes(data);
    assertArrayEquals(data, decompress(gzip(data)));
  }

  @Test
  void dataThatDecompressToMoreThanTheLimitTimesTheirSizeAreRefused() throws IOException {
    byte[] bomb = gzip(new byte[64 << 20]);
    InputFormatException e = assertThrows(InputFormatException.class, () -> decompress(bomb));
    assertTrue(e.getMessage().startsWith(SOURCE + ": byte "), e.getMessage());
    assertTrue(e.getMessage().contains("decompress to more than 100 times their size"), e.getMessage());
    byte[] compressible = new byte[1 << 20];
    assertArrayEquals(compressible, decompress(gzip(compressible)), "the first MiB may compress any amount");
    // the limit holds for the file, not each member: members of half a MiB each, every one below the first MiB
    byte[] member = gzip(new byte[1 << 19]);
    byte[] members = concat(member, member, member, member);
    InputFormatException manyMembers = assertThrows(InputFormatException.class, () -> decompress(members));
    assertTrue(manyMembers.getMessage().contains("decompress to more than 100 times their size"),
        manyMembers.getMessage());
  }

  @Test
  void readsEveryMemberOfAConcatenatedFile() throws IOException {
    byte[] first = "first member\n".getBytes(StandardCharsets.UTF_8);
    byte[] second = "second member\n".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(concat(first, second), decompress(concat(gzip(first), gzip(new byte[0]), gzip(second))));
  }

  @Test
  void bytesAfterTheLastMemberAreAnErrorAtTheirOffset() throws IOException {
    byte[] member = gzip("text\n".getBytes(StandardCharsets.UTF_8));
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> decompress(concat(member, "junk".getBytes(StandardCharsets.UTF_8))));
    assertEquals(SOURCE + ": byte " + member.length + ": bytes after the end of the gzip data that do not start"
        + " another gzip member (offset in the compressed file)", e.getMessage());
  }

  @Test
  void aDamagedSecondMemberIsNotDroppedQuietly() throws IOException {
    byte[] member = gzip("text\n".getBytes(StandardCharsets.UTF_8));
    byte[] damaged = gzip("more text\n".getBytes(StandardCharsets.UTF_8));
    damaged[2] = 7;
    InputFormatException e = assertThrows(InputFormatException.class, () -> decompress(concat(member, damaged)));
    assertEquals(member.length + 2, e.position());
    assertTrue(e.problem().startsWith("corrupt gzip header: compression method 7"), e.problem());
  }

  @Test
  void aFileCutAnywhereButBetweenMembersIsAnErrorAtItsEnd() throws IOException {
    byte[] first = gzip("a line of text\n".repeat(200).getBytes(StandardCharsets.UTF_8));
    byte[] second = gzip("another line\n".repeat(50).getBytes(StandardCharsets.UTF_8));
    byte[] complete = concat(first, second, first);
    for (int length = 1; length < complete.length; length++) {
      int cut = length;
      if (cut == first.length || cut == first.length + second.length) {
        assertEquals(cut == first.length ? 3000 : 3650, decompress(Arrays.copyOf(complete, cut)).length);
        continue;
      }
      InputFormatException e = assertThrows(InputFormatException.class,
          () -> decompress(Arrays.copyOf(complete, cut)), "cut at " + cut);
      assertTrue(e.problem().startsWith("truncated gzip data: the file ends inside "), e.getMessage());
      assertEquals(cut, e.position(), e.getMessage());
    }
  }

  @Test
  void aLoneByteAfterTheLastMemberIsNamedAtItsOffset() throws IOException {
    byte[] member = gzip("text\n".getBytes(StandardCharsets.UTF_8));
    InputFormatException magic = assertThrows(InputFormatException.class,
        () -> decompress(concat(member, new byte[] {0x1f})));
    assertEquals(member.length + 1, magic.position());
    assertTrue(magic.problem().startsWith("truncated gzip data: the file ends inside a gzip header"), magic.problem());
    InputFormatException zero = assertThrows(InputFormatException.class,
        () -> decompress(concat(member, new byte[] {0})));
    assertEquals(member.length, zero.position());
    assertTrue(zero.problem().startsWith("bytes after the end of the gzip data"), zero.problem());
  }

  @Test
  void shortReadsFromTheFileGiveTheSameData() throws IOException {
    byte[] data = letters(200_000, 4, 3);
    byte[] member = gzip(data);
    byte[] compressed = concat(member, member, member);
    for (int chunk : new int[] {1, 3, 13, 65_535, 65_537}) {
      try (InputStream in = new GzipInput(SOURCE, new ShortReads(compressed, chunk))) {
        assertArrayEquals(concat(data, data, data), in.readAllBytes(), "chunks of " + chunk);
      }
    }
  }

  @Test
  void corruptDeflateDataDeepInTheFileAreNamedWhereTheInflaterStopped() throws IOException {
    byte[] text = letters(400_000, 20, 5);
    // Valid deflate data flushed to a byte boundary, then a stored block whose length check is wrong.
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(text);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int written;
    while ((written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      deflated.write(buffer, 0, written);
    }
    deflater.end();
    byte[] header = Arrays.copyOf(gzip(new byte[0]), 10);
    int damaged = header.length + deflated.size();
    assertTrue(damaged > 1 << 16, "damage beyond the first 64 KiB read: " + damaged);
    byte[] corrupt = concat(header, deflated.toByteArray(), new byte[] {0, 1, 0, 0, 0});
    InputFormatException e = assertThrows(InputFormatException.class, () -> decompress(corrupt));
    assertEquals("corrupt gzip data: invalid stored block lengths (offset in the compressed file)", e.problem());
    assertTrue(e.position() >= damaged && e.position() <= corrupt.length, e.getMessage());
  }

  @Test
  void aClosedStreamRefusesToRead() throws IOException {
    InputStream in = new GzipInput(SOURCE, new ByteArrayInputStream(gzip(new byte[] {1, 2})));
    in.close();
    in.close();
    IOException e = assertThrows(IOException.class, in::read);
    assertEquals(SOURCE + ": stream closed", e.getMessage());
  }

  @Test
  void checksumAndLengthInTheTrailerAreChecked() throws IOException {
    byte[] complete = gzip("checked text\n".getBytes(StandardCharsets.UTF_8));
    int trailer = complete.length - 8;
    byte[] badCrc = complete.clone();
    badCrc[trailer] ^= 1;
    InputFormatException crc = assertThrows(InputFormatException.class, () -> decompress(badCrc));
    assertEquals(trailer, crc.position());
    assertTrue(crc.problem().startsWith("corrupt gzip data: the checksum"), crc.problem());
    byte[] badLength = complete.clone();
    badLength[trailer + 4] ^= 1;
    InputFormatException length = assertThrows(InputFormatException.class, () -> decompress(badLength));
    assertEquals(trailer + 4, length.position());
    assertTrue(length.problem().startsWith("corrupt gzip data: the length"), length.problem());
  }

  @Test
  void optionalHeaderFieldsAreSkippedAndTheHeaderChecksumChecked() throws IOException {
    byte[] data = "payload\n".getBytes(StandardCharsets.UTF_8);
    byte[] plain = gzip(data);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    header.write(new byte[] {3, 0, 'x', 'y', 'z'});
    header.write("name.txt\0".getBytes(StandardCharsets.ISO_8859_1));
    header.write("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
    CRC32 crc = new CRC32();
    crc.update(header.toByteArray());
    int checksum = (int) crc.getValue();
    byte[] body = Arrays.copyOfRange(plain, 10, plain.length);
    byte[] withFields = concat(header.toByteArray(), new byte[] {(byte) checksum, (byte) (checksum >> 8)}, body);
    assertArrayEquals(data, decompress(withFields));

    byte[] badChecksum = withFields.clone();
    badChecksum[header.size()] ^= 1;
    InputFormatException e = assertThrows(InputFormatException.class, () -> decompress(badChecksum));
    assertEquals(SOURCE + ": byte " + header.size() + ": corrupt gzip header: its checksum does not match"
        + " (offset in the compressed file)", e.getMessage());
  }

  @Test
  void reservedFlagsAreRefused() throws IOException {
    byte[] bad = gzip(new byte[] {1});
    bad[3] = (byte) 0x80;
    InputFormatException e = assertThrows(InputFormatException.class, () -> decompress(bad));
    assertEquals(3, e.position());
    assertTrue(e.problem().startsWith("corrupt gzip header: reserved flag bits"), e.problem());
  }

  @Test
  void otherDataPassThroughUntouched() throws IOException {
    byte[] text = {0x1f, 'a', 'b'};
    try (InputStream in = GzipInput.decompressIfGzip(SOURCE, new ByteArrayInputStream(text))) {
      assertArrayEquals(text, in.readAllBytes());
    }
    try (InputStream in = GzipInput.decompressIfGzip(SOURCE, new ByteArrayInputStream(new byte[0]))) {
      assertEquals(-1, in.read());
    }
  }

  @Test
  void theDecompressedStreamIsAGzipInputForGzipData() throws IOException {
    try (InputStream in = GzipInput.decompressIfGzip(SOURCE, new ByteArrayInputStream(gzip(new byte[] {42})))) {
      assertSame(GzipInput.class, in.getClass());
      assertEquals(42, in.read());
      assertEquals(-1, in.read());
    }
  }

  /** {@code length} random letters among the first {@code kinds} of the alphabet: text that compresses. */
  private static byte[] letters(int length, int kinds, long seed) {
    Random random = new Random(seed);
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = (byte) ('a' + random.nextInt(kinds));
    }
    return text;
  }

  private static byte[] decompress(byte[] compressed) throws IOException {
    try (InputStream in = new GzipInput(SOURCE, new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  /** A file read a few bytes at a time, as from a pipe. */
  private static final class ShortReads extends ByteArrayInputStream {

    private final int chunk;

    ShortReads(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
      return super.read(buffer, offset, Math.min(length, chunk));
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

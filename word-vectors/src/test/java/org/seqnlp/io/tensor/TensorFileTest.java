package org.seqnlp.io.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.NamedPipes;

class TensorFileTest {

  private static TensorBundle sample() {
    return new TensorBundle()
        .addText("architecture", "test")
        .addStrings("labels", List.of("a", "b", "ü"))
        .add(new Tensor("w", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}))
        .add(new Tensor("scalar", new int[0], new float[] {Float.MIN_VALUE}))
        .add(new Tensor("empty", new int[] {0, 4}, new float[0]));
  }

  private static byte[] bytesOf(TensorBundle bundle) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TensorFile.write(bundle, out);
    return out.toByteArray();
  }

  private static TensorBundle read(byte[] bytes) throws IOException {
    return TensorFile.read(new ByteArrayInputStream(bytes), "t.bin", bytes.length);
  }

  /** Sets the trailing CRC so that a deliberately changed file passes the checksum. */
  private static byte[] withChecksum(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
    return bytes;
  }

  @Test
  void roundTripKeepsEveryEntry() throws IOException {
    TensorBundle read = read(bytesOf(sample()));
    assertEquals("test", read.text("architecture"));
    assertEquals(List.of("a", "b", "ü"), read.strings("labels"));
    assertEquals(List.of("w", "scalar", "empty"), List.copyOf(read.tensors().keySet()));
    assertArrayEquals(new int[] {2, 3}, read.tensor("w", 2, 3).shape());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, -6.5f}, read.tensor("w", 2, 3).values());
    assertArrayEquals(new float[] {Float.MIN_VALUE}, read.tensor("scalar").values());
    assertEquals(0, read.tensor("empty", 0, 4).values().length);
  }

  @Test
  void anEntryNoLoaderTookIsNamedFirstInFileOrder() throws IOException {
    TensorBundle read = read(bytesOf(sample()));
    read.text("architecture");
    read.tensor("w", 2, 3);
    InputFormatException e = assertThrows(InputFormatException.class, () -> read.requireAllTaken("a test file"));
    assertTrue(e.getMessage().matches("t\\.bin: byte [1-9]\\d*: entry 'labels' is not part of a test file"),
        e.getMessage());
    read.strings("labels");
    read.tensor("scalar");
    read.tensor("empty", 0, 4);
    read.requireAllTaken("a test file");
  }

  /** A bundle kept inside another under a prefix comes out whole, its errors at its entries' offsets in the file. */
  @Test
  void aBundleAddedUnderAPrefixIsTakenOutWhole() throws IOException {
    TensorBundle outer = new TensorBundle().addText("epoch", "3").addAll("inner/", sample())
        .add(new ByteTensor("inner/bytes", new int[] {2}, new byte[] {1, -1}));
    TensorBundle read = read(bytesOf(outer));
    TensorBundle inner = read.part("inner/");
    assertEquals("test", inner.text("architecture"));
    assertEquals(List.of("a", "b", "ü"), inner.strings("labels"));
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, -6.5f}, inner.tensor("w", 2, 3).values());
    assertArrayEquals(new byte[] {1, -1}, inner.byteTensor("bytes", 2).values());
    InputFormatException e = assertThrows(InputFormatException.class, () -> inner.tensor("w", 3, 2));
    assertTrue(e.getMessage().matches("t\\.bin: byte [1-9]\\d*: tensor 'w' has shape \\[2, 3\\], expected \\[3, 2\\]"),
        e.getMessage());
    InputFormatException epoch = assertThrows(InputFormatException.class, () -> read.requireAllTaken("a state"));
    assertTrue(epoch.getMessage().endsWith("entry 'epoch' is not part of a state"), epoch.getMessage());
    read.text("epoch");
    read.requireAllTaken("a state");
  }

  @Test
  void byteTensorsRoundTripInAVersion3File() throws IOException {
    TensorBundle bundle = sample().add(new ByteTensor("q", new int[] {2, 2}, new byte[] {-128, -1, 0, 127}));
    byte[] bytes = bytesOf(bundle);
    assertEquals(3, ByteBuffer.wrap(bytes, 8, 4).getInt());
    TensorBundle read = read(bytes);
    assertArrayEquals(new byte[] {-128, -1, 0, 127}, read.byteTensor("q", 2, 2).values());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, -6.5f}, read.tensor("w", 2, 3).values());
    // the byte tensor comes last: its entry begins 1 + 5 + 4 + 8 + 4 bytes before the checksum
    assertEquals("t.bin: byte " + (bytes.length - 4 - 22) + ": byte tensor 'q' has shape [2, 2], expected [4]",
        assertThrows(InputFormatException.class, () -> read.byteTensor("q", 4)).getMessage());
  }

  @Test
  void aBundleWithoutByteTensorsIsWrittenAsVersion2ForOlderReaders() throws IOException {
    assertEquals(2, ByteBuffer.wrap(bytesOf(sample()), 8, 4).getInt());
  }

  @Test
  void aByteTensorInAVersion2FileOrLargerThanTheFileIsRefused() throws IOException {
    byte[] bytes = bytesOf(new TensorBundle().add(new ByteTensor("q", new int[] {3}, new byte[] {1, 2, 3})));
    byte[] version2 = bytes.clone();
    ByteBuffer.wrap(version2, 8, 4).putInt(2);
    assertEquals("t.bin: byte 16: entry 'q' is a byte tensor, which version 2 files cannot hold",
        assertThrows(InputFormatException.class, () -> read(withChecksum(version2))).getMessage());
    // magic 8, version 4, count 4, kind 1, name length 4 + "q" 1: the rank is at 22, the dimension at 26.
    byte[] huge = bytes.clone();
    ByteBuffer.wrap(huge, 26, 4).putInt(2_000_000_000);
    assertEquals("t.bin: byte 22: tensor 'q' declares shape [2000000000] (2000000000 bytes) but at most 3 bytes"
        + " can remain", assertThrows(InputFormatException.class, () -> read(huge)).getMessage());
    // without a size bound the reader reads the 3 bytes and the checksum as data, then meets the end
    assertEquals("t.bin: byte 37: file ends inside entry 'q'", assertThrows(InputFormatException.class,
        () -> TensorFile.read(new ByteArrayInputStream(huge), "t.bin")).getMessage());
  }

  @Test
  void anEntryWithoutANameIsAFormatError() throws IOException {
    byte[] bytes = bytesOf(new TensorBundle().addText("a", "b"));
    // the name's length (1) sits after magic, version, count and kind: make it 0 and drop the name's byte
    int at = 8 + 4 + 4 + 1;
    ByteBuffer.wrap(bytes, at, 4).putInt(0);
    byte[] nameless = new byte[bytes.length - 1];
    System.arraycopy(bytes, 0, nameless, 0, at + 4);
    System.arraycopy(bytes, at + 5, nameless, at + 4, bytes.length - at - 5);
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(withChecksum(nameless)));
    assertEquals("t.bin: byte 16: entry 1 of 1 has no name", e.getMessage());
  }

  @Test
  void stringsOutsideTheBasicPlaneRoundTripButHalfASurrogatePairIsRefused() throws IOException {
    TensorBundle emoji = new TensorBundle().addStrings("chars", List.of("\ud83d\ude00", "a"));
    assertEquals(List.of("\ud83d\ude00", "a"), read(bytesOf(emoji)).strings("chars"));
    TensorBundle half = new TensorBundle().addStrings("chars", List.of("\ud83d", "\ude00"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bytesOf(half));
    assertTrue(e.getMessage().contains("half a UTF-16 surrogate pair"), e.getMessage());
  }

  @Test
  void tensorOnlyOverloadsRoundTripAndReturnAChangeableMap() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TensorFile.write(List.of(new Tensor("b", new int[] {1}, new float[] {7})), out);
    Map<String, Tensor> read = TensorFile.read(new ByteArrayInputStream(out.toByteArray()), "t.bin");
    assertArrayEquals(new float[] {7}, read.get("b").values());
    read.put("c", new Tensor("c", new int[] {0}, new float[0]));
  }

  @Test
  void readsFromAPipe(@TempDir Path directory) throws Exception {
    NamedPipes.Writing writing = NamedPipes.withContent(directory.resolve("pipe"), bytesOf(sample()));
    TensorBundle read = TensorFile.read(directory.resolve("pipe"));
    writing.finish();
    assertArrayEquals(sample().tensor("w", 2, 3).values(), read.tensor("w", 2, 3).values());
  }

  @Test
  void readsAFileBoundedByItsSize(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("t.bin");
    Files.write(file, bytesOf(sample()));
    assertEquals(List.of("a", "b", "ü"), TensorFile.read(file).strings("labels"));
  }

  @Test
  void stringsLongerThanWriteUtfAllowsRoundTrip() throws IOException {
    String token = "x".repeat(70_000);
    TensorBundle read = read(bytesOf(new TensorBundle().addStrings("words", List.of(token, "y"))));
    assertEquals(List.of(token, "y"), read.strings("words"));
  }

  @Test
  void entriesPastTheFormatsLimitsAreNotWritten() {
    String tooLong = "x".repeat(TensorFile.MAX_STRING_BYTES + 1);
    TensorBundle bundle = new TensorBundle().addStrings("words", List.of(tooLong));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorFile.write(bundle, new ByteArrayOutputStream()));
    assertTrue(e.getMessage().startsWith("a string of 'words' is longer than the format's 1048576 bytes"),
        e.getMessage());
  }

  @Test
  void aValueThatIsNotFiniteIsNeitherWrittenNorRead() throws IOException {
    TensorBundle nan = new TensorBundle().add(new Tensor("w", new int[] {3}, new float[] {1, Float.NaN, 2}));
    assertEquals("tensor 'w': value 2 is NaN, which the format does not hold",
        assertThrows(IllegalArgumentException.class, () -> bytesOf(nan)).getMessage());
    byte[] bytes = bytesOf(new TensorBundle().add(new Tensor("w", new int[] {3}, new float[] {1, 2, 3})));
    // rank at 22, the one dimension at 26, the values from 30
    ByteBuffer.wrap(bytes, 34, 4).putFloat(Float.NEGATIVE_INFINITY);
    assertEquals("t.bin: byte 34: tensor 'w': value 2 is -Infinity",
        assertThrows(InputFormatException.class, () -> read(withChecksum(bytes))).getMessage());
  }

  @Test
  void aHugeDeclaredTensorInATinyFileFailsBeforeAllocating() throws IOException {
    byte[] bytes = bytesOf(new TensorBundle().add(new Tensor("w", new int[] {1}, new float[] {1})));
    // magic 8, version 4, count 4, kind 1, name length 4 + "w" 1: the rank is at 22, the dimension at 26.
    ByteBuffer.wrap(bytes, 26, 4).putInt(2_147_483_000);
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytes));
    assertEquals("t.bin: byte 22: tensor 'w' declares shape [2147483000] (2147483000 floats) but at most 4"
        + " bytes can remain", e.getMessage());
  }

  @Test
  void aHugeDeclaredTensorFailsWithoutAKnownSizeToo() throws IOException {
    byte[] bytes = bytesOf(new TensorBundle().add(new Tensor("w", new int[] {2}, new float[] {1, 2})));
    ByteBuffer.wrap(bytes, 22, 12).putInt(2).putInt(130_000).putInt(4_000);
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> TensorFile.read(new ByteArrayInputStream(bytes), "t.bin"));
    assertEquals("t.bin: byte 42: file ends inside entry 'w'", e.getMessage());
  }

  @Test
  void hugeDeclaredCountsFailAgainstTheBytesLeft() throws IOException {
    byte[] entries = bytesOf(new TensorBundle());
    ByteBuffer.wrap(entries, 12, 4).putInt(60_000);
    assertEquals("t.bin: byte 12: number of entries 60000 needs at least 540000 bytes but at most 0 can remain",
        assertThrows(InputFormatException.class, () -> read(entries)).getMessage());

    byte[] strings = bytesOf(new TensorBundle().addStrings("s", List.of("a")));
    ByteBuffer.wrap(strings, 22, 4).putInt(10_000_000);
    assertEquals("t.bin: byte 22: number of strings in 's' 10000000 needs at least 40000000 bytes but at most 5"
        + " can remain", assertThrows(InputFormatException.class, () -> read(strings)).getMessage());

    byte[] string = bytesOf(new TensorBundle().addStrings("s", List.of("a")));
    ByteBuffer.wrap(string, 26, 4).putInt(1_000_000);
    assertEquals("t.bin: byte 26: string 1 of 's': length 1000000 but at most 1 bytes can remain",
        assertThrows(InputFormatException.class, () -> read(string)).getMessage());
  }

  @Test
  void truncationNamesTheEntryAndTheOffset() throws IOException {
    byte[] bytes = bytesOf(sample());
    for (int length : new int[] {0, 5, 14, 40, bytes.length - 30, bytes.length - 2}) {
      InputFormatException e = assertThrows(InputFormatException.class,
          () -> TensorFile.read(new ByteArrayInputStream(Arrays.copyOf(bytes, length)), "t.bin"));
      assertEquals(length, e.position(), e.getMessage());
      assertTrue(e.problem().startsWith("file ends inside "), e.getMessage());
    }
  }

  @Test
  void aFileLongerThanItsBoundFails() throws IOException {
    byte[] bytes = bytesOf(sample());
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> TensorFile.read(new ByteArrayInputStream(bytes), "t.bin", bytes.length - 10));
    assertTrue(e.getMessage().startsWith("t.bin: byte "), e.getMessage());
  }

  @Test
  void badMagicVersionChecksumAndTrailingBytesAreRejected() throws IOException {
    byte[] other = "PK\u0003\u0004 and more bytes to read".getBytes(StandardCharsets.US_ASCII);
    assertEquals("t.bin: byte 0: not a SeqNLP tensor file (bad magic number)",
        assertThrows(InputFormatException.class, () -> read(other)).getMessage());

    byte[] version = bytesOf(sample());
    version[11] = 9;
    assertEquals("t.bin: byte 8: unsupported tensor file version 9 (this build reads versions 2"
        + " and 3)",
        assertThrows(InputFormatException.class, () -> read(version)).getMessage());

    byte[] flipped = bytesOf(sample());
    flipped[40] ^= 1;
    assertEquals("t.bin: byte " + (flipped.length - 4) + ": checksum mismatch: the file is corrupted",
        assertThrows(InputFormatException.class, () -> read(flipped)).getMessage());

    byte[] bytes = bytesOf(sample());
    byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
    assertEquals("t.bin: byte " + bytes.length + ": data after the checksum",
        assertThrows(InputFormatException.class, () -> TensorFile.read(new ByteArrayInputStream(trailing),
            "t.bin")).getMessage());
  }

  @Test
  void badRankKindDuplicateNameAndInvalidUtf8AreRejected() throws IOException {
    byte[] rank = bytesOf(new TensorBundle().add(new Tensor("w", new int[] {1}, new float[] {1})));
    ByteBuffer.wrap(rank, 22, 4).putInt(9);
    assertEquals("t.bin: byte 22: tensor 'w': rank 9 is outside 0..8",
        assertThrows(InputFormatException.class, () -> read(withChecksum(rank))).getMessage());

    byte[] kind = bytesOf(new TensorBundle().addText("a", "b"));
    kind[16] = 7;
    assertEquals("t.bin: byte 16: entry 'a' has unknown kind 7",
        assertThrows(InputFormatException.class, () -> read(withChecksum(kind))).getMessage());

    byte[] twice = bytesOf(new TensorBundle().addText("a", "b").addText("c", "d"));
    twice[32] = 'a';
    assertEquals("t.bin: byte 27: entry 'a' appears twice",
        assertThrows(InputFormatException.class, () -> read(withChecksum(twice))).getMessage());

    byte[] utf8 = bytesOf(new TensorBundle().addText("a", "b"));
    utf8[26] = (byte) 0xff;
    assertEquals("t.bin: byte 22: text 'a': not valid UTF-8",
        assertThrows(InputFormatException.class, () -> read(withChecksum(utf8))).getMessage());
  }

  @Test
  void namesAreUniqueAcrossKinds() {
    TensorBundle bundle = new TensorBundle().addText("x", "1");
    assertThrows(IllegalArgumentException.class, () -> bundle.addStrings("x", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Tensor("x", new int[] {2, 2}, new float[3]));
  }

  @Test
  void bundleAccessorsReportTheEntryOffset() throws IOException {
    TensorBundle read = read(bytesOf(sample()));
    InputFormatException shape = assertThrows(InputFormatException.class, () -> read.tensor("w", 3, 2));
    assertTrue(shape.getMessage().matches("t\\.bin: byte \\d+: tensor 'w' has shape \\[2, 3\\], expected \\[3, 2\\]"),
        shape.getMessage());
    assertEquals("t.bin: byte 16: architecture 'test' is not a whole number in 1..5",
        assertThrows(InputFormatException.class, () -> read.integer("architecture", 1, 5)).getMessage());
    assertTrue(assertThrows(InputFormatException.class, () -> read.strings("words")).getMessage()
        .endsWith(": no string list 'words'"));
  }

  @Test
  void weightsBeyondAnyTrainedMagnitudeAreRefusedAtTheirEntry() throws IOException {
    TensorBundle read = read(bytesOf(sample().add(new Tensor("huge", new int[] {3},
        new float[] {TensorBundle.MAX_WEIGHT, -1, -3e38f}))));
    InputFormatException e = assertThrows(InputFormatException.class, () -> read.weights("huge", 3));
    assertTrue(e.getMessage().matches("t\\.bin: byte \\d+: tensor 'huge': value 3 is -3\\.0E38, beyond the 100000 in"
        + " magnitude that no trained weight reaches \\(a damaged or hand-made model\\?\\)"), e.getMessage());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, -6.5f}, read.weights("w", 2, 3).values());
    assertEquals(3, read.tensor("huge", 3).values().length, "a tensor that is not weights has no bound");
  }

  @Test
  void byteTensorsRoundTripAfterTheFloatTensors() throws IOException {
    TensorBundle bundle = sample().add(new ByteTensor("q", new int[] {2, 2}, new byte[] {-128, -1, 0, 127}));
    TensorBundle read = read(bytesOf(bundle));
    assertArrayEquals(new byte[] {-128, -1, 0, 127}, read.byteTensor("q", 2, 2).values());
    assertEquals(List.of("q"), List.copyOf(read.byteTensors().keySet()));
    assertTrue(read.contains("q"));
    InputFormatException shape = assertThrows(InputFormatException.class, () -> read.byteTensor("q", 4));
    assertTrue(shape.getMessage().endsWith("byte tensor 'q' has shape [2, 2], expected [4]"), shape.getMessage());
    assertTrue(assertThrows(InputFormatException.class, () -> read.byteTensor("w", 2, 3)).getMessage()
        .endsWith(": no byte tensor 'w'"));
    assertThrows(IllegalArgumentException.class, () -> bundle.addText("q", "taken"));
  }

  @Test
  void aHugeDeclaredByteTensorFailsBeforeAllocating() throws IOException {
    byte[] bytes = bytesOf(new TensorBundle().add(new ByteTensor("q", new int[] {2}, new byte[] {1, 2})));
    ByteBuffer.wrap(bytes, 26, 4).putInt(2_000_000_000);
    assertEquals("t.bin: byte 22: tensor 'q' declares shape [2000000000] (2000000000 bytes) but at most 2 bytes"
        + " can remain", assertThrows(InputFormatException.class, () -> read(bytes)).getMessage());
    // Bounded only by the format's limit, the bytes could remain, but no Java array holds them.
    ByteBuffer.wrap(bytes, 22, 12).putInt(2).putInt(65_536).putInt(65_536);
    assertEquals("t.bin: byte 22: tensor 'q' declares shape [65536, 65536], more bytes than one Java array"
        + " holds", assertThrows(InputFormatException.class,
            () -> TensorFile.read(new ByteArrayInputStream(bytes), "t.bin", TensorFile.MAX_FILE_BYTES + 100))
        .getMessage());
  }

  @Test
  void leadingTextsAreReadFromTheFirstBytesAlone() throws IOException {
    byte[] bytes = bytesOf(new TensorBundle().add(new Tensor("w", new int[] {1}, new float[] {1}))
        .addText("format", "vectors").addText("precision", "int8"));
    assertEquals(Map.of("format", "vectors", "precision", "int8"), TensorFile.leadingTexts(bytes, bytes.length));
    // "format" ends at byte 16 + 1 + 4 + 6 + 4 + 7 = 38: a sample cut inside the second text holds the first.
    assertEquals(Map.of("format", "vectors"), TensorFile.leadingTexts(bytes, 45));
    assertEquals(Map.of(), TensorFile.leadingTexts(bytes, 30));
    assertTrue(TensorFile.startsLikeTensorFile(bytes, 8));
    assertFalse(TensorFile.startsLikeTensorFile(bytes, 7));
    byte[] other = "word2vec 3 2\n".getBytes(StandardCharsets.US_ASCII);
    assertFalse(TensorFile.startsLikeTensorFile(other, other.length));
    assertEquals(Map.of(), TensorFile.leadingTexts(other, other.length));
  }
}

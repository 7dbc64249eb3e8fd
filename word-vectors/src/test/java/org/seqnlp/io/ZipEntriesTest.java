package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipEntriesTest {

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, byte[]> entries(Object... nameThenBytes) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < nameThenBytes.length; i += 2) {
      entries.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
    }
    return entries;
  }

  @Test
  void theInflationLimitIsAHundredTimesTheZipAtLeastAMebibyteAtMostTheCeiling() {
    assertEquals(100_000_000L, ZipEntries.inflationLimit(1_000_000, Long.MAX_VALUE));
    assertEquals(1L << 20, ZipEntries.inflationLimit(10, Long.MAX_VALUE));
    assertEquals(5_000_000L, ZipEntries.inflationLimit(1_000_000, 5_000_000));
    assertEquals(7L, ZipEntries.inflationLimit(-1, 7), "a pipe's size is unknown: the ceiling");
  }

  @Test
  void readsWantedEntriesAndSkipsOthersUnread() throws IOException {
    byte[] zip = zip(entries("a.txt", "alpha".getBytes(), "unknown.bin", new byte[5000], "b.txt", "beta".getBytes()));
    List<String> read = new ArrayList<>();
    ZipEntries.read(new ByteArrayInputStream(zip), "m.zip", Map.of("a.txt", 10L, "b.txt", 10L), 1 << 20,
        (name, in, source) -> read.add(source + "=" + new String(in.readAllBytes())));
    assertEquals(List.of("m.zip!a.txt=alpha", "m.zip!b.txt=beta"), read);
  }

  @Test
  void readAllReadsEveryEntryWithinTheOneLimit() throws IOException {
    byte[] zip = zip(entries("a.txt", "alpha".getBytes(), "b.bin", new byte[3]));
    List<String> read = new ArrayList<>();
    ZipEntries.readAll(new ByteArrayInputStream(zip), "m.zip", 10, 1 << 20,
        (name, in, source) -> read.add(source + "=" + in.readAllBytes().length));
    assertEquals(List.of("m.zip!a.txt=5", "m.zip!b.bin=3"), read);

    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.readAll(
        new ByteArrayInputStream(zip), "m.zip", 4, 1 << 20, (name, in, source) -> in.readAllBytes()));
    assertEquals("m.zip!a.txt: byte 4: the entry is larger than its limit of 4 bytes", e.getMessage());
  }

  @Test
  void anEntryPastItsLimitFailsAtTheLimit() throws IOException {
    byte[] zip = zip(entries("manifest.properties", new byte[100]));
    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.read(
        new ByteArrayInputStream(zip), "m.zip", Map.of("manifest.properties", 64L), 1 << 20,
        (name, in, source) -> in.readAllBytes()));
    assertEquals("m.zip!manifest.properties: byte 64: the entry is larger than its limit of 64 bytes",
        e.getMessage());
  }

  @Test
  void anEntryPastItsLimitFailsEvenWhenTheReaderStopsEarly() throws IOException {
    byte[] zip = zip(entries("manifest.properties", new byte[100]));
    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.read(
        new ByteArrayInputStream(zip), "m.zip", Map.of("manifest.properties", 64L), 1 << 20,
        (name, in, source) -> in.read()));
    assertEquals(64, e.position());
  }

  @Test
  void anUnknownEntryFailsAtTheTotalLimit() throws IOException {
    byte[] noise = new byte[4 << 20];
    new Random(2).nextBytes(noise);
    byte[] zip = zip(entries("noise.bin", noise));
    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.read(
        new ByteArrayInputStream(zip), "m.zip", Map.of(), 1 << 20, (name, in, source) -> { }));
    assertEquals("m.zip!noise.bin: byte 1048576: the zip's entries hold more than 1048576 bytes in all",
        e.getMessage());
  }

  @Test
  void aZipBombFailsByItsInflationEvenUnderGenerousLimits() throws IOException {
    byte[] zip = zip(entries("weights.bin", new byte[64 << 20]));
    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.read(
        new ByteArrayInputStream(zip), "m.zip", Map.of("weights.bin", 1L << 30), 1L << 31,
        (name, in, source) -> in.readAllBytes()));
    assertTrue(e.getMessage().startsWith("m.zip!weights.bin: byte "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": the entry inflates to more than " + ZipEntries.MAX_INFLATION
        + " times its compressed size, as a zip bomb does"), e.getMessage());
    assertTrue(e.position() < 2 << 20, "stopped early: " + e.position());
  }

  @Test
  void aCompressibleEntryTheReaderLeavesUnreadIsBoundedByTheLimitsAlone() throws IOException {
    byte[] zip = zip(entries("syn1.txt", new byte[16 << 20], "syn0.txt", "2 1\na 1\nb 2\n".getBytes()));
    List<String> read = new ArrayList<>();
    ZipEntries.readAll(new ByteArrayInputStream(zip), "m.zip", 1L << 30, 1L << 31, (name, in, source) -> {
      if (name.equals("syn0.txt")) {
        read.add(new String(in.readAllBytes()));
      }
    });
    assertEquals(List.of("2 1\na 1\nb 2\n"), read);
  }

  @Test
  void entriesThatCompressAsDataDoAreReadWhole() throws IOException {
    byte[] text = new byte[8 << 20];
    Random random = new Random(1);
    for (int i = 0; i < text.length; i++) {
      text[i] = (byte) ('a' + random.nextInt(3));
    }
    byte[] zip = zip(entries("vectors.txt", text));
    byte[][] read = new byte[1][];
    ZipEntries.read(new ByteArrayInputStream(zip), "m.zip", Map.of("vectors.txt", 1L << 30), 1L << 31,
        (name, in, source) -> read[0] = in.readAllBytes());
    assertArrayEquals(text, read[0]);
  }

  @Test
  void theTotalCountsEveryEntry() throws IOException {
    byte[] zip = zip(entries("a", new byte[600], "b", new byte[600]));
    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.read(
        new ByteArrayInputStream(zip), "m.zip", Map.of("b", 1000L), 1000, (name, in, source) -> in.readAllBytes()));
    assertEquals("m.zip!b: byte 400: the zip's entries hold more than 1000 bytes in all", e.getMessage());
  }

  @Test
  void truncatedAndNonZipInputsFailWithOneError() throws IOException {
    byte[] random = new byte[100_000];
    new java.util.Random(1).nextBytes(random);
    byte[] zip = zip(entries("a", random));
    byte[] truncated = Arrays.copyOf(zip, 500);
    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.read(
        new ByteArrayInputStream(truncated), "m.zip", Map.of("a", 1L << 20), 1 << 20,
        (name, in, source) -> in.readAllBytes()));
    assertTrue(e.getMessage().startsWith("m.zip!a: byte "), e.getMessage());
    assertTrue(e.problem().startsWith("damaged or truncated zip entry"), e.getMessage());

    List<String> none = new ArrayList<>();
    ZipEntries.read(new ByteArrayInputStream("not a zip".getBytes()), "m.zip", Map.of("a", 1L), 10,
        (name, in, source) -> none.add(name));
    assertEquals(List.of(), none, "a file without entries has nothing to read");
  }

  @Test
  void aWantedEntryTwiceIsRejected() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("a"));
      zip.closeEntry();
    }
    byte[] one = bytes.toByteArray();
    // Two local entries named "a" back to back: ZipOutputStream refuses to write such a zip itself.
    int centralDirectory = indexOf(one, new byte[] {'P', 'K', 1, 2});
    byte[] local = Arrays.copyOf(one, centralDirectory);
    byte[] doubled = new byte[local.length * 2];
    System.arraycopy(local, 0, doubled, 0, local.length);
    System.arraycopy(local, 0, doubled, local.length, local.length);
    InputFormatException e = assertThrows(InputFormatException.class, () -> ZipEntries.read(
        new ByteArrayInputStream(doubled), "m.zip", Map.of("a", 10L), 100, (name, in, source) -> { }));
    assertEquals("m.zip!a: byte 0: the entry appears twice in the zip", e.getMessage());
  }

  @Test
  void limitedStreamCountsAndStopsPastItsLimit() throws IOException {
    LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), "f", 10);
    assertArrayEquals(new byte[10], in.readAllBytes());
    assertEquals(10, in.position());
    assertEquals(-1, in.read());
    LimitedInputStream over = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), "f", 10);
    assertEquals("f: byte 10: larger than the limit of 10 bytes",
        assertThrows(InputFormatException.class, over::readAllBytes).getMessage());
  }

  /** Where {@code needle} first stands in {@code haystack}: one byte is one char in ISO-8859-1. */
  private static int indexOf(byte[] haystack, byte[] needle) {
    int at = new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    assertTrue(at >= 0, "not found");
    return at;
  }
}

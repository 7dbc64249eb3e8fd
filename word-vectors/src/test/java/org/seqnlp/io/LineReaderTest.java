package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

  @TempDir
  Path directory;

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(directory.resolve(name), content);
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  private static List<String> readAll(Path file, Charset charset) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, charset)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        assertEquals(lines.size(), reader.lineNumber());
      }
    }
    return lines;
  }

  @Test
  void splitsLinesAndDropsCarriageReturnsAndByteOrderMark() throws IOException {
    Path file = write("a.txt", "\uFEFFfirst\r\n\nthird\n  \nlast without end".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("first", "", "third", "  ", "last without end"), readAll(file, StandardCharsets.UTF_8));
  }

  @Test
  void saysWhetherTheLineReadLastEndedWithALineBreak() throws IOException {
    Path file = write("ends.txt", "a\r\nb\r\rc".getBytes(StandardCharsets.UTF_8));
    List<Boolean> ended = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8)) {
      while (reader.readLine() != null) {
        ended.add(reader.lineEnded());
      }
    }
    assertEquals(List.of(true, true, true, false), ended);
  }

  /** Read as Latin-1, the mark would be three letters stuck to the first token, and no error. */
  @Test
  void aByteOrderMarkInAFileReadInAnotherCharsetIsAnError() throws IOException {
    Path file = write("bom.txt", "\uFEFF-DOCSTART- -X- -X- O\n".getBytes(StandardCharsets.UTF_8));
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> readAll(file, StandardCharsets.ISO_8859_1));
    assertEquals(file + ":1: starts with a UTF-8 byte order mark, but is read as ISO-8859-1; is the file UTF-8?",
        e.getMessage());
  }

  @Test
  void emptyFileHasNoLines() throws IOException {
    assertEquals(List.of(), readAll(write("empty.txt", new byte[0]), StandardCharsets.UTF_8));
  }

  @Test
  void anErrorBeforeAnyLineNamesTheFirstByteNotLineZero() throws IOException {
    Path file = write("empty.txt", new byte[0]);
    try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8)) {
      assertNull(reader.readLine());
      assertEquals(file + ": byte 0: nothing in it", reader.error("nothing in it").getMessage());
    }
  }

  @Test
  void linesLongerThanTheBufferAreWhole() throws IOException {
    String longLine = "x".repeat(200_000);
    Path file = write("long.txt", (longLine + "\nshort\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(longLine, "short"), readAll(file, StandardCharsets.UTF_8));
  }

  @Test
  void linesEndAtALoneCarriageReturnTooWhereverTheBufferEnds() throws IOException {
    byte[] text = "old\rmac\r\rlines\r\nmixed\nconverted twice\r\r\nend\r\n".getBytes(StandardCharsets.UTF_8);
    List<String> expected = List.of("old", "mac", "", "lines", "mixed", "converted twice", "end");
    assertEquals(expected, readAll(write("mac.txt", text), StandardCharsets.UTF_8));
    // a byte a read: each \r ends the buffer, and the \n of a \r\n comes with the next read
    InputStream trickle = new ByteArrayInputStream(text) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(length, 1));
      }
    };
    List<String> lines = new ArrayList<>();
    try (LineReader reader = LineReader.of("mac.txt", trickle, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      assertEquals(7, reader.lineNumber());
    }
    assertEquals(expected, lines);
    assertEquals(List.of("a", "", ""), readAll(write("ends.txt", "a\r\r\r".getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8), "each \\r ends a line, as for BufferedReader");
    assertEquals(List.of("a", "b"), readAll(write("thrice.txt", "a\r\r\r\nb".getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8), "\\r bytes before \\n end one line");
  }

  /** The byte form splits lines by the same rules, so a format parsing bytes reads what the others read. */
  @Test
  void readsUndecodedLinesByTheSameRules() throws IOException {
    byte[] text = "\uFEFFold\rmac\r\rcrlf\r\n\u00e9t\u00e9\nlast".getBytes(StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    try (LineReader reader = LineReader.of("bytes.txt", new ByteArrayInputStream(text), StandardCharsets.UTF_8)) {
      for (int length = reader.readLineBytes(); length >= 0; length = reader.readLineBytes()) {
        lines.add(new String(reader.lineBytes(), 0, length, StandardCharsets.UTF_8));
        assertEquals(lines.size(), reader.lineNumber());
      }
    }
    assertEquals(List.of("old", "mac", "", "crlf", "\u00e9t\u00e9", "last"), lines);
  }

  /** A stream already decompressed is read as it is: gzip bytes in it are content, not another layer. */
  @Test
  void aDecompressedStreamIsNotDecompressedAgain() throws IOException {
    byte[] gzipped = gzip("inner\n".getBytes(StandardCharsets.UTF_8));
    try (LineReader reader = LineReader.ofDecompressed("twice.gz", new ByteArrayInputStream(gzipped),
        StandardCharsets.ISO_8859_1)) {
      int length = reader.readLineBytes();
      assertTrue(length > 0);
      assertArrayEquals(Arrays.copyOf(gzipped, 2), Arrays.copyOf(reader.lineBytes(), 2));
    }
  }

  @Test
  void aLineLongerThanTheLimitIsAnErrorAtItsLine() throws IOException {
    Path file = write("long.txt.gz", gzip(("first\n" + "a".repeat(2_000) + "\n").getBytes(StandardCharsets.UTF_8)));
    try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8, 1_000)) {
      assertEquals("first", reader.readLine());
      InputFormatException e = assertThrows(InputFormatException.class, reader::readLine);
      assertEquals(file + ":2: line longer than 1000 bytes", e.getMessage());
    }
  }

  @Test
  void readsGzipThroughAPipe() throws Exception {
    // The streams that detect gzip call available(), which the JDK's channel stream refuses on a pipe.
    NamedPipes.Writing writing = NamedPipes.withContent(directory.resolve("pipe"),
        gzip("one\ntwo\n".getBytes(StandardCharsets.UTF_8)));
    List<String> lines = readAll(directory.resolve("pipe"), StandardCharsets.UTF_8);
    writing.finish();
    assertEquals(List.of("one", "two"), lines);
  }

  @Test
  void decodesTheChosenCharset() throws IOException {
    Path file = write("latin1.txt", "Bogotá\nñu\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of("Bogotá", "ñu"), readAll(file, StandardCharsets.ISO_8859_1));
  }

  @Test
  void invalidBytesNameTheirLine() throws IOException {
    Path file = write("latin1.txt", "ok\nstill ok\nBogotá\n".getBytes(StandardCharsets.ISO_8859_1));
    InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(file, StandardCharsets.UTF_8));
    assertEquals(file + ":3: not valid UTF-8 text (is the file in another encoding, such as ISO-8859-1?)",
        e.getMessage());
  }

  @Test
  void gzippedFilesAreRecognisedByContentNotName() throws IOException {
    Path file = write("plain-name.txt", gzip("one\ntwo\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("one", "two"), readAll(file, StandardCharsets.UTF_8));
  }

  @Test
  void truncatedGzipNamesTheOffsetWhereTheDataEnd() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 5000; i++) {
      text.append("line ").append(i).append(" of a compressed file\n");
    }
    byte[] complete = gzip(text.toString().getBytes(StandardCharsets.UTF_8));
    Path file = write("cut.txt.gz", Arrays.copyOf(complete, complete.length / 2));
    List<String> read = new ArrayList<>();
    InputFormatException e = assertThrows(InputFormatException.class, () -> {
      try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          read.add(line);
        }
      }
    });
    assertTrue(read.size() > 100, "lines before the cut are read: " + read.size());
    assertEquals(file + ": byte " + complete.length / 2 + ": truncated gzip data: the file ends inside the compressed"
        + " data (offset in the compressed file)", e.getMessage());
  }

  @Test
  void truncatedGzipHeaderIsReportedWhereTheFileEnds() throws IOException {
    Path file = write("header.gz", new byte[] {0x1f, (byte) 0x8b, 8});
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> LineReader.open(file, StandardCharsets.UTF_8));
    assertEquals(file + ": byte 3: truncated gzip data: the file ends inside a gzip header (offset in the compressed"
        + " file)", e.getMessage());
  }

  @Test
  void missingFileSaysSo() {
    Path file = directory.resolve("absent.txt");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> LineReader.open(file, StandardCharsets.UTF_8));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  void rejectsCharsetsWithMultiByteLineEnds() throws IOException {
    Path file = write("utf16.txt", new byte[0]);
    assertThrows(IllegalArgumentException.class, () -> LineReader.open(file, StandardCharsets.UTF_16));
    assertFalse(LineReader.supports(StandardCharsets.UTF_16));
    assertTrue(LineReader.supports(StandardCharsets.ISO_8859_1));
  }

  @Test
  void errorNamesTheLastLine() throws IOException {
    Path file = write("a.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8));
    try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8)) {
      reader.readLine();
      reader.readLine();
      assertEquals(file + ":2: bad", reader.error("bad").getMessage());
      assertNull(reader.readLine());
      assertNull(reader.readLine());
    }
  }

  @Test
  void aDirectoryIsNamedAsOne() {
    FileSystemException e = assertThrows(FileSystemException.class,
        () -> LineReader.open(directory, StandardCharsets.UTF_8));
    assertEquals(directory + ": is a directory, not a file", e.getMessage());
  }

  @Test
  void readsAStreamAndNamesItInErrors() throws IOException {
    byte[] content = {'o', 'k', '\n', 'b', 'a', 'd', (byte) 0xff, '\n'};
    try (LineReader reader = LineReader.of("stdin", new java.io.ByteArrayInputStream(gzip(content)),
        StandardCharsets.UTF_8)) {
      assertEquals("ok", reader.readLine());
      InputFormatException e = assertThrows(InputFormatException.class, reader::readLine);
      assertEquals("stdin:2: not valid UTF-8 text (is the file in another encoding, such as ISO-8859-1?)",
          e.getMessage());
    }
  }
}

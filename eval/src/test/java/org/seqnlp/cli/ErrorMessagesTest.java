package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure is one line naming the file and the problem: no class names, no raw bytes. */
class ErrorMessagesTest extends ToolTest {

  @TempDir
  Path directory;

  private String oneErrorLine() {
    String text = err.toString().strip();
    assertEquals(1, text.lines().count(), text);
    return text;
  }

  @Test
  void fileErrorsOfTheJdkNameThePathAndTheProblemInWords() {
    assertEquals("/data/v.bin: permission denied", ErrorMessages.describe(new AccessDeniedException("/data/v.bin")));
    assertEquals("/data/v.bin: no such file or directory",
        ErrorMessages.describe(new NoSuchFileException("/data/v.bin")));
    assertEquals("internal error (run with -v for the stack trace)",
        ErrorMessages.describe(new NullPointerException()));
    assertEquals("internal error (run with -v for the stack trace)",
        ErrorMessages.describe(new IllegalArgumentException()));
    assertEquals("truncated or corrupt compressed data (Unexpected end of ZLIB input stream)",
        ErrorMessages.describe(new EOFException("Unexpected end of ZLIB input stream")));
  }

  @Test
  void nonPrintableCharactersAreEscaped() {
    assertEquals("bad.txt:1: not a number: '\\x1b[2J\\ufffd'",
        ErrorMessages.describe(new IOException("bad.txt:1: not a number: '\u001b[2J\ufffd'")));
  }

  @Test
  void aMessageQuotingAHugeValueIsShortened() {
    String described = ErrorMessages.describe(new IllegalArgumentException("bad value '" + "v".repeat(100_000)
        + "' for --x"));
    assertTrue(described.length() <= 1100, "length " + described.length());
    assertTrue(described.startsWith("bad value 'vvv") && described.endsWith("' for --x"), described);
  }

  @Test
  void aDirectoryGivenAsAnInputIsNamed() throws IOException {
    assertEquals(SeqNlp.EXIT_FAILURE, run("expand", "--vectors", directory.toString(), "word"));
    assertEquals("seqnlp expand: error: " + directory + ": is a directory, not a vector file", oneErrorLine());
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_FAILURE, run("data-stats", "--format", "ptb", directory.toString()));
    assertEquals("seqnlp data-stats: error: " + directory + ": is a directory, not a file", oneErrorLine());
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ner", "--model", directory.toString(), "--test",
        directory.toString()));
    assertEquals("seqnlp eval-ner: error: " + directory + ": is a directory, not a data file", oneErrorLine());
    err.getBuffer().setLength(0);
    Path test = Files.writeString(directory.resolve("test.txt"), "EU B-ORG\n\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ner", "--model", directory.toString(), "--test", test.toString()));
    assertEquals("seqnlp eval-ner: error: " + directory + ": is a directory, not a model file", oneErrorLine());
  }

  @Test
  void truncatedGzipVectorsAreNamedAsSuch() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write("1 2\nword 0.1 0.2\n".getBytes());
    }
    Path truncated = Files.write(directory.resolve("v.txt.gz"), Arrays.copyOf(compressed.toByteArray(), 12));
    assertEquals(SeqNlp.EXIT_FAILURE, run("expand", "--vectors", truncated.toString(), "word"));
    String line = oneErrorLine();
    assertTrue(line.startsWith("seqnlp expand: error: " + truncated + ": byte "), line);
    assertTrue(line.contains("truncated gzip data"), line);
  }

  @Test
  void binaryInputIsEscapedInTheMessage() throws IOException {
    Path binary = Files.write(directory.resolve("v.txt"), new byte[] {'1', ' ', '2', '\n', 'w', ' ', 0x1b, '[',
        '2', 'J', (byte) 0xff, ' ', '1', '\n'});
    assertEquals(SeqNlp.EXIT_FAILURE, run("expand", "--vectors", binary.toString(), "--format", "word2vec-text",
        "w"));
    String line = oneErrorLine();
    assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0xfffd), line);
    assertTrue(line.contains("\\x1b[2J"), line);
  }

  @Test
  void anEmptyOrTruncatedModelZipIsOneLineNamingTheFile() throws IOException {
    Path data = Files.writeString(directory.resolve("test.txt"), "John B-PER\n\n");
    for (byte[] content : new byte[][] {new byte[0], {'P', 'K', 3, 4, 20, 0}}) {
      Path model = Files.write(directory.resolve("model.bin"), content);
      err.getBuffer().setLength(0);
      assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ner", "--model", model.toString(), "--test", data.toString()));
      String line = oneErrorLine();
      assertTrue(line.startsWith("seqnlp eval-ner: error: " + model + ": byte "), line);
      assertFalse(line.contains("Exception") || line.contains("Cannot invoke"), line);
    }
  }

  @Test
  void verboseAddsTheStackTrace() {
    Path missing = directory.resolve("missing.bin");
    assertEquals(SeqNlp.EXIT_FAILURE, run("-v", "expand", "--vectors", missing.toString(), "word"));
    String text = err.toString();
    assertTrue(text.startsWith("seqnlp expand: error: " + missing + ": no such vector file"), text);
    assertTrue(text.contains("\tat org.seqnlp."), text);
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_FAILURE, run("expand", "--vectors", missing.toString(), "-v", "word"));
    assertTrue(err.toString().contains("\tat org.seqnlp."), "-v after the subcommand: " + err);
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_FAILURE, run("expand", "--vectors", missing.toString(), "word"));
    assertEquals("seqnlp expand: error: " + missing + ": no such vector file", err.toString().strip());
  }
}

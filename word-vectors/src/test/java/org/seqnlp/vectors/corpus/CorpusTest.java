package org.seqnlp.vectors.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.LineReader;

class CorpusTest {

  @TempDir
  Path directory;

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static List<List<String>> sentences(Corpus corpus) throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    corpus.forEachSentence(sentences::add);
    return sentences;
  }

  @Test
  void readsPlainAndGzipFilesLineByLineSkippingLinesWithoutWords() throws IOException {
    Path plain = Files.writeString(directory.resolve("a.txt"), "The cat sat.\n\n1999\nA dog ran\n");
    // Named .dat on purpose: gzip is recognised by its magic bytes, not its name.
    Path compressed = Files.write(directory.resolve("b.dat"), gzip("Well-known words\r\n"));
    Corpus corpus = Corpus.of(List.of(plain, compressed), Tokenizer.lowercasing());
    assertEquals(List.of(List.of("the", "cat", "sat"), List.of("a", "dog", "ran"),
        List.of("well-known", "words")), sentences(corpus));
  }

  @Test
  void aPipeIsRefusedAsACorpusBecauseEachEpochReadsItAgain() throws Exception {
    Path pipe = directory.resolve("pipe");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo is not available here");
    java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
        () -> Corpus.of(List.of(pipe), Tokenizer.lowercasing()));
    assertEquals(pipe + ": is not a regular file (a pipe?); a corpus is read once per epoch", e.getMessage());
  }

  @Test
  void aCorpusMayBeOneLineLongerThanOtherTextFilesMay() throws IOException {
    // As text8 is: one line, beyond the 64 MiB of other text files.
    byte[] line = new byte[LineReader.MAX_LINE_BYTES + 10];
    java.util.Arrays.fill(line, (byte) 'a');
    Path file = Files.write(directory.resolve("one-line.txt"), line);
    List<Integer> lengths = new ArrayList<>();
    Corpus.of(List.of(file), Tokenizer.lowercasing()).forEachSentence(words -> lengths.add(words.get(0).length()));
    assertEquals(List.of(line.length), lengths);
  }

  @Test
  void wikiExtractorArticleLinesAreSkippedButTextMentioningDocIsKept() throws IOException {
    Path wiki = Files.write(directory.resolve("wiki_00.gz"), gzip(
        "<doc id=\"12\" url=\"http://en.wikipedia.org/wiki?curid=12\" title=\"Harbour\">\nHarbour\n"
            + "A harbour is <doc id> sheltered water.\n</doc>\n"));
    Corpus corpus = Corpus.of(List.of(wiki), Tokenizer.lowercasing());
    assertEquals(List.of(List.of("harbour"), List.of("a", "harbour", "is", "doc", "id", "sheltered", "water")),
        sentences(corpus));
  }

  @Test
  void directoriesContributeTheirTextAndGzipFilesInPathOrder() throws IOException {
    Path sub = Files.createDirectories(directory.resolve("sub"));
    Files.writeString(directory.resolve("z.txt"), "zeta\n");
    Files.write(sub.resolve("a.txt.gz"), gzip("alpha\n"));
    Files.writeString(directory.resolve("PROVENANCE.md"), "not corpus text\n");
    Files.writeString(directory.resolve("books.tsv"), "index\ttitle\n");
    Corpus corpus = Corpus.of(List.of(directory), Tokenizer.lowercasing());
    assertEquals(List.of(sub.resolve("a.txt.gz"), directory.resolve("z.txt")), corpus.files());
    assertEquals(List.of(List.of("alpha"), List.of("zeta")), sentences(corpus));
  }

  @Test
  void missingPathsAndEmptyDirectoriesAreReported() throws IOException {
    assertThrows(NoSuchFileException.class,
        () -> Corpus.of(List.of(directory.resolve("missing.txt")), Tokenizer.lowercasing()));
    Path empty = Files.createDirectories(directory.resolve("empty"));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Corpus.of(List.of(empty), Tokenizer.lowercasing()));
    assertTrue(error.getMessage().contains("no corpus files"), error.getMessage());
  }

  @Test
  void truncatedGzipFailsNamingFileAndOffset() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int line = 1; line <= 20_000; line++) {
      text.append("line ").append(line).append(" holds some words of text\n");
    }
    byte[] complete = gzip(text.toString());
    Path truncated = Files.write(directory.resolve("cut.txt.gz"), Arrays.copyOf(complete, complete.length / 2));
    Corpus corpus = Corpus.of(List.of(truncated), Tokenizer.lowercasing());
    InputFormatException error = assertThrows(InputFormatException.class, () -> sentences(corpus));
    assertEquals(truncated.toString(), error.source());
    assertTrue(error.isByteOffset(), error.getMessage());
    assertEquals(complete.length / 2, error.position(), error.getMessage());
    assertTrue(error.getMessage().contains("truncated gzip data"), error.getMessage());
  }

  @Test
  void invalidUtf8FailsNamingFileAndLine() throws IOException {
    byte[] latin1 = "first line\ncaf\u00e9 latin-1\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(directory.resolve("latin1.txt"), latin1);
    InputFormatException error = assertThrows(InputFormatException.class,
        () -> sentences(Corpus.of(List.of(file), Tokenizer.lowercasing())));
    assertEquals(2, error.position());
    assertTrue(error.getMessage().startsWith(file + ":2: "), error.getMessage());
  }
}

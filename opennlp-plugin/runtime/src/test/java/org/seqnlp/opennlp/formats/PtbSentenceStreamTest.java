package org.seqnlp.opennlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seqnlp.opennlp.formats.Fixtures.readAll;
import static org.seqnlp.opennlp.formats.Fixtures.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

class PtbSentenceStreamTest {

  @TempDir
  Path directory;

  private static List<List<String>> read(Path file) throws IOException {
    try (PtbSentenceStream stream = new PtbSentenceStream(file, StandardCharsets.UTF_8)) {
      return readAll(stream);
    }
  }

  @Test
  void oneSentenceALineWithoutTheEndToken() throws IOException {
    Path file = write(directory.resolve("ptb.txt"),
        " the <unk> fell N points ",
        " prices rose ",
        "");
    assertEquals(List.of(List.of("the", "<unk>", "fell", "N", "points"), List.of("prices", "rose"), List.of()),
        read(file));
  }

  @Test
  void writtenEndOfSentenceIsAnError() throws IOException {
    Path file = write(directory.resolve("ptb.txt"), " fine ", " already ended <eos> ");
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(file));
    assertEquals(file + ":2: the text holds <eos>, which every line gets once at its end", e.getMessage());
  }

  @Test
  void gzippedAndResettable() throws IOException {
    Path file = Fixtures.writeGzipped(directory.resolve("ptb.txt.gz"), " a b ", " c ");
    try (PtbSentenceStream stream = new PtbSentenceStream(file, StandardCharsets.UTF_8)) {
      assertEquals(List.of(List.of("a", "b"), List.of("c")), readAll(stream));
      stream.reset();
      assertEquals(List.of("a", "b"), stream.read());
    }
  }
}

package org.seqnlp.vectors.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.WordVectors;

/** The layout Lucene 9.12's Dl4jModelReader expects (the Lucene module also reads it with Lucene itself). */
class Dl4jZipFormatTest {

  private static byte[] write(WordVectors vectors) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorFormat.DL4J_ZIP.write(vectors, out);
    return out.toByteArray();
  }

  @Test
  void writesOneSyn0EntryWithBase64Words() throws IOException {
    WordVectors vectors = new WordVectors(List.of("ab", "é"), 2, new float[] {1, -0.5f, 0.25f, 2});
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(write(vectors)))) {
      ZipEntry entry = zip.getNextEntry();
      assertEquals("syn0.txt", entry.getName());
      assertEquals("2 2\nB64:YWI= 1.0 -0.5\nB64:w6k= 0.25 2.0\n",
          new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      assertNull(zip.getNextEntry());
    }
  }

  @Test
  void leavesOutZeroVectorsWhichLuceneCannotNormalise() throws IOException {
    WordVectors vectors = new WordVectors(List.of("a", "zero", "b"), 1, new float[] {1, 0, 2});
    WordVectors read = VectorFiles.read(new ByteArrayInputStream(write(vectors)), "m.zip");
    assertEquals(2, read.size());
    assertEquals(-1, read.indexOf("zero"));
  }

  @Test
  void readsPlainWordsAsWell() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write("{}".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("syn0.txt"));
      zip.write("1 2\nplain 1 2\n".getBytes(StandardCharsets.UTF_8));
    }
    WordVectors read = VectorFiles.read(new ByteArrayInputStream(bytes.toByteArray()), "m.zip");
    assertEquals("plain", read.word(0));
  }

  /** DL4J's own WordVectorSerializer writes a third count, of training documents; word2vec text has two. */
  @Test
  void readsTheHeaderDl4jWritesWithItsDocumentCount() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("syn0.txt"));
      zip.write("2 2 100\nB64:YQ== 1 2\nB64:Yg== 3 4\n".getBytes(StandardCharsets.UTF_8));
    }
    WordVectors read = VectorFiles.read(new ByteArrayInputStream(bytes.toByteArray()), "m.zip");
    assertEquals(List.of("a", "b"), read.words());
    InputFormatException text = assertThrows(InputFormatException.class, () -> VectorFiles.read(
        new ByteArrayInputStream("2 2 100\na 1 2\nb 3 4\n".getBytes(StandardCharsets.UTF_8)), "v.txt",
        VectorFormat.WORD2VEC_TEXT));
    assertEquals("v.txt:1: expected a '<words> <dimension>' header, found '2 2 100'", text.getMessage());
  }

  @Test
  void errorsNameTheEntryAndLine() throws IOException {
    // "B64:" encodes the empty word, which no format can hold.
    String[][] cases = {{"B64:!!!", "Illegal base64 character 21"}, {"B64:", "the encoded word is empty"}};
    for (String[] wordAndProblem : cases) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("syn0.txt"));
        zip.write(("1 2\n" + wordAndProblem[0] + " 1 2\n").getBytes(StandardCharsets.UTF_8));
      }
      InputFormatException e = assertThrows(InputFormatException.class,
          () -> VectorFiles.read(new ByteArrayInputStream(bytes.toByteArray()), "m.zip"));
      assertEquals("m.zip!syn0.txt:2: cannot decode word '" + wordAndProblem[0] + "': " + wordAndProblem[1],
          e.getMessage());
    }
  }

  @Test
  void zipWithoutVectorsIsAnError() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("other.txt"));
    }
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> VectorFiles.read(new ByteArrayInputStream(bytes.toByteArray()), "m.zip"));
    assertEquals("m.zip: byte 0: no 'syn0' entry in the zip, so not a DL4J/Lucene word2vec model",
        e.getMessage());
  }
}

package org.seqnlp.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;

class VocabularyTest {

  private static final Map<String, Long> COUNTS = Map.of("the", 5L, "cat", 3L, "dog", 3L, "sat", 1L,
      SpecialTokens.UNKNOWN, 4L);

  @Test
  void unknownTokensGetTheIdOfUnkWhereverItStands() {
    Vocabulary nameFinder = Vocabulary.of(List.of("<unk>", "the", "cat"));
    assertEquals(0, nameFinder.id("zebra"));
    assertEquals(0, nameFinder.unknownId());
    Vocabulary elsewhere = Vocabulary.of(List.of("the", "cat", "<unk>"));
    assertEquals(2, elsewhere.id("zebra"));
    assertEquals(1, elsewhere.id("cat"));
    assertTrue(elsewhere.contains("cat"));
    assertFalse(elsewhere.contains("zebra"));
    assertTrue(elsewhere.contains(SpecialTokens.UNKNOWN));
  }

  @Test
  void everyVocabularyHoldsUnkOnceAndNoEmptyToken() {
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("the", "cat")));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<unk>", "cat", "cat")));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<unk>", "")));
  }

  @Test
  void languageModelLayoutPutsEosThenUnkThenTokensByFrequency() {
    Vocabulary vocabulary = Vocabulary.build(COUNTS, 1, 0);
    assertEquals(List.of("<eos>", "<unk>", "the", "cat", "dog", "sat"), vocabulary.tokens());
    assertEquals(Vocabulary.END_OF_SENTENCE_ID, vocabulary.id(SpecialTokens.END_OF_SENTENCE));
    assertEquals(1, vocabulary.unknownId());
    assertEquals(1, vocabulary.id("zebra"));
    assertEquals(5, vocabulary.count(2));
    assertEquals(0, vocabulary.count(1), "special tokens have no count");
    assertEquals(List.of("<eos>", "<unk>", "the", "cat", "dog"), Vocabulary.build(COUNTS, 2, 0).tokens());
    assertEquals(List.of("<eos>", "<unk>", "the", "cat"), Vocabulary.build(COUNTS, 1, 4).tokens());
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(COUNTS, 1, 2));
  }

  @Test
  void wordVectorLayoutKeepsRanksAndAppendsUnk() {
    Vocabulary vocabulary = Vocabulary.byFrequency(List.of("the", "cat"), new long[] {5, 2});
    assertEquals(List.of("the", "cat", "<unk>"), vocabulary.tokens());
    assertEquals(2, vocabulary.count(1));
    assertEquals(0, vocabulary.count(2));
    assertEquals(2, vocabulary.id("zebra"));
    Vocabulary holdingUnk = Vocabulary.byFrequency(List.of("the", "<unk>"), new long[] {5, 2});
    assertEquals(List.of("the", "<unk>"), holdingUnk.tokens());
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.byFrequency(List.of("a", "b"), new long[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.byFrequency(List.of("a"), new long[] {0}));
  }

  @Test
  void textRoundTripKeepsOrderAndUnusualTokens() throws IOException {
    Vocabulary vocabulary = Vocabulary.build(Map.of(" ", 2L, "é", 1L, "x".repeat(70_000), 1L), 1, 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    vocabulary.write(out);
    Vocabulary read = Vocabulary.read(new ByteArrayInputStream(out.toByteArray()), "v");
    assertEquals(vocabulary.tokens(), read.tokens());
    assertEquals(1, read.unknownId());
  }

  @Test
  void readingRejectsBadFilesWithTheLine() {
    assertEquals("v:3: token 'a' already on line 2", readError("<unk>\na\na\n"));
    assertEquals("v:2: empty token", readError("<unk>\n\n"));
    assertEquals("v:1: the vocabulary lacks <unk>", readError("<eos>\na\n"));
    assertEquals("v:2: not valid UTF-8", readError("<unk>\n\u00ff\n".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals("v:2: token longer than 1048576 bytes", readError("<unk>\n" + "x".repeat((1 << 20) + 1) + "\n"));
    assertEquals("v:3: token 'a' already on line 2", readError("<unk>\r\na\r\na"));
  }

  @Test
  void writingRefusesTokensWithLineBreaks() {
    Vocabulary vocabulary = Vocabulary.of(List.of("<unk>", "a\nb"));
    assertThrows(IllegalArgumentException.class, () -> vocabulary.write(new ByteArrayOutputStream()));
    Vocabulary huge = Vocabulary.of(List.of("<unk>", "x".repeat((1 << 20) + 1)));
    assertThrows(IllegalArgumentException.class, () -> huge.write(new ByteArrayOutputStream()));
  }

  @Test
  void specialTokensAreRecognised() {
    assertTrue(SpecialTokens.isSpecial("<pad>"));
    assertFalse(SpecialTokens.isSpecial("pad"));
  }

  private static String readError(String text) {
    return readError(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String readError(byte[] bytes) {
    return assertThrows(InputFormatException.class,
        () -> Vocabulary.read(new ByteArrayInputStream(bytes), "v")).getMessage();
  }
}

package org.seqnlp.opennlp.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  private static final Map<String, Long> COUNTS = Map.of("the", 9L, "cat", 3L, "dog", 3L, "emu", 1L,
      Vocabulary.UNKNOWN, 4L);

  @Test
  void ordersByFrequencyAfterEndOfSentenceAndUnknown() {
    Vocabulary vocabulary = Vocabulary.build(COUNTS, 1, 0);
    assertEquals(List.of("<eos>", "<unk>", "the", "cat", "dog", "emu"), vocabulary.tokens());
    assertEquals(Vocabulary.UNKNOWN_ID, vocabulary.id("zebra"));
  }

  @Test
  void appliesCountCutoffAndSizeLimit() {
    assertEquals(List.of("<eos>", "<unk>", "the", "cat", "dog"), Vocabulary.build(COUNTS, 2, 0).tokens());
    assertEquals(List.of("<eos>", "<unk>", "the", "cat"), Vocabulary.build(COUNTS, 1, 4).tokens());
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(COUNTS, 1, 2));
  }

  @Test
  void readsWhatItWrites() throws IOException {
    Vocabulary vocabulary = Vocabulary.build(Map.of(" ", 2L, "é", 1L), 1, 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    vocabulary.write(out);
    assertEquals(vocabulary.tokens(), Vocabulary.read(new ByteArrayInputStream(out.toByteArray()), "v").tokens());
  }

  @Test
  void rejectsDuplicatesAndMissingSpecialTokens() {
    InputFormatException duplicate = assertThrows(InputFormatException.class, () -> Vocabulary.read(
        new ByteArrayInputStream("<eos>\n<unk>\nthe\nthe\n".getBytes(StandardCharsets.UTF_8)), "v.txt"));
    assertEquals("v.txt:4: token 'the' already on line 3", duplicate.getMessage());
    InputFormatException special = assertThrows(InputFormatException.class, () -> Vocabulary.read(
        new ByteArrayInputStream("the\n<unk>\n".getBytes(StandardCharsets.UTF_8)), "v.txt"));
    assertTrue(special.getMessage().startsWith("v.txt:1: "), special.getMessage());
  }
}

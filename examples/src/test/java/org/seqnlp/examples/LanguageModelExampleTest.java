package org.seqnlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.lm.RnnLanguageModel;

/** Runs the example on the shipped word and character models, which also checks that they work. */
class LanguageModelExampleTest {

  private static RnnLanguageModel wordModel;

  @BeforeAll
  static void loadShippedWordModel() throws IOException {
    wordModel = RnnLanguageModel.load(Path.of("../models/lm/ptb-word-lstm.zip"));
  }

  @Test
  void continuesTheSentenceGreedilyAndBySampling() {
    List<String> lines = LanguageModelExample.describe(wordModel, "the company");
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("probability as a sentence: "), lines.get(0));
    // The continuation printed in the model card: greedy, without the unknown token.
    assertEquals("most likely continuation: said it will sell its N N stake in the company and will be sold by the"
        + " company and the company 's first boston corp. and the company 's largest subsidiary of the company",
        lines.get(1));
    assertTrue(lines.get(2).startsWith("sampled continuation (temperature 0.8, top 40, seed 1): "), lines.get(2));
    assertEquals(lines, LanguageModelExample.describe(wordModel, "the company"), "the seeded sample repeats");
  }

  @Test
  void prefersAnEnglishWordOrderToItsReverse() {
    String[] sentence = {"the", "company", "said", "it", "will", "sell", "the", "unit"};
    String[] reversed = {"unit", "the", "sell", "will", "it", "said", "company", "the"};
    assertTrue(wordModel.logProbability(sentence) > wordModel.logProbability(reversed) + 10);
  }

  @Test
  void joinsACharacterModelsOutputWithoutSpacesBetweenCharacters() throws IOException {
    RnnLanguageModel characterModel = RnnLanguageModel.load(Path.of("../models/lm/ptb-char-lstm.zip"));
    String continuation = LanguageModelExample.describe(characterModel, "the compa").get(1);
    assertTrue(continuation.startsWith("most likely continuation: ny"), continuation);
  }
}

package org.seqnlp.opennlp.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class CliticSplittingTokenizerTest {

  private final CliticSplittingTokenizer tokenizer = new CliticSplittingTokenizer(WhitespaceTokenizer.INSTANCE);

  @Test
  void splitsEnglishClitics() {
    assertArrayEquals(new String[] {"Apple", "'s", "chief", "did", "n't", "say", "we", "'ll", "go", "O'Neill", "'s",
        "LEEDS", "'S", "Apple", "’s", "ca", "n’t", "I", "'m", "they", "'re", "you", "'ve", "she", "'d"},
        tokenizer.tokenize("Apple's chief didn't say we'll go O'Neill's LEEDS'S Apple’s can’t I'm they're you've"
            + " she'd"));
  }

  @Test
  void leavesSplitCliticsAndOtherApostrophesAlone() {
    String[] tokens = {"Apple", "'s", "n't", "Leeds'", "O'Neill", "rock'n'roll", "y'all", "'s'", "D'Alema"};
    assertArrayEquals(tokens, tokenizer.tokenize(String.join(" ", tokens)));
  }

  @Test
  void splitSpansAreOffsetsIntoTheText() {
    assertArrayEquals(new Span[] {new Span(1, 6), new Span(6, 8), new Span(9, 11), new Span(11, 14)},
        tokenizer.tokenizePos(" Apple's don't"));
  }

  @Test
  void onlyEnglishTokenizerModelsSplitClitics() throws IOException {
    assertInstanceOf(CliticSplittingTokenizer.class, CliticSplittingTokenizer.forModel(TextModelFixtures.tokenizerModel("en")));
    assertInstanceOf(CliticSplittingTokenizer.class, CliticSplittingTokenizer.forModel(TextModelFixtures.tokenizerModel("eng")));
    assertInstanceOf(TokenizerME.class, CliticSplittingTokenizer.forModel(TextModelFixtures.tokenizerModel("nl")));
  }
}

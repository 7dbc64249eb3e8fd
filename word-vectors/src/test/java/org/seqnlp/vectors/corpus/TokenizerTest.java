package org.seqnlp.vectors.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private final Tokenizer lowercasing = Tokenizer.lowercasing();

  @Test
  void keepsApostrophesAndHyphensInsideWords() {
    assertEquals(List.of("don't", "be", "so", "well-known", "o'clock"),
        lowercasing.tokenize("Don't be so well-known, o'clock!"));
  }

  @Test
  void normalisesTypographicApostrophesAndHyphens() {
    assertEquals(List.of("don't", "well-known"), lowercasing.tokenize("don\u2019t well\u2010known"));
  }

  @Test
  void apostrophesAndHyphensAtWordEdgesSeparate() {
    assertEquals(List.of("the", "ladies", "slippers", "prisoners", "said", "he", "and", "she"),
        lowercasing.tokenize("The ladies' slippers, 'Prisoners' said he--and -she"));
  }

  @Test
  void stripsPunctuationAndDropsNumbers() {
    assertEquals(List.of("in", "the", "year", "was", "it", "v2", "italics"),
        lowercasing.tokenize("In the year 1887, was it 2,345 (v2)? _italics_"));
  }

  @Test
  void lettersOfAnyScriptAreWordCharacters() {
    assertEquals(List.of("café", "naïve", "straße"), lowercasing.tokenize("Café naïve Straße"));
  }

  @Test
  void lowercasingCanBeSwitchedOff() {
    assertEquals(List.of("Athens", "Greece"), new Tokenizer(false).tokenize("Athens, Greece."));
  }

  @Test
  void emptyAndPunctuationOnlyLinesHaveNoWords() {
    assertEquals(List.of(), lowercasing.tokenize(""));
    assertEquals(List.of(), lowercasing.tokenize(" -- '' ... 42 "));
  }
}

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

  /** Without their marks, Indic words fall apart into letters, and a decomposed accent splits a word. */
  @Test
  void combiningMarksStayInTheirWord() {
    assertEquals(List.of("\u0939\u093f\u0928\u094d\u0926\u0940", "\u092d\u093e\u0937\u093e"),
        lowercasing.tokenize("\u0939\u093f\u0928\u094d\u0926\u0940 \u092d\u093e\u0937\u093e"));
    assertEquals(List.of("cafe\u0301", "cafe\u0301-bar"), lowercasing.tokenize("cafe\u0301, cafe\u0301-bar"));
    assertEquals(List.of("a"), lowercasing.tokenize("\u0301a"), "a mark before any letter belongs to no word");
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

package org.seqnlp.opennlp.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenUnitTest {

  @Test
  void wordsAreWhitespaceSeparated() {
    assertEquals(List.of("a", "b", "c"), TokenUnit.WORD.tokenize(" a  b\tc "));
    assertEquals(List.of(), TokenUnit.WORD.tokenize("  "));
    assertEquals(List.of("the", "cat", "sat"), TokenUnit.WORD.tokenize("the cat\u2003 sat\u3000"));
    assertEquals(List.of("a\u00a0b"), TokenUnit.WORD.tokenize("a\u00a0b"), "no-break space joins, as strip() keeps it");
    assertEquals("a b c", TokenUnit.WORD.join(List.of("a", "b", "c")));
  }

  @Test
  void charactersAreCodePointsSpacesIncluded() {
    assertEquals(List.of("a", " ", "😀", "é"), TokenUnit.CHARACTER.tokenize("a 😀é"));
    assertEquals("a 😀é", TokenUnit.CHARACTER.join(List.of("a", " ", "😀", "é")));
  }

  @Test
  void aTokenIsWhatTokenizingItGivesBack() {
    assertTrue(TokenUnit.WORD.isToken("cat"));
    assertFalse(TokenUnit.WORD.isToken("a cat"));
    assertFalse(TokenUnit.WORD.isToken(" "));
    assertFalse(TokenUnit.WORD.isToken(""));
    assertFalse(TokenUnit.WORD.isToken("a\u2003b"), "a Unicode space splits words as an ASCII one does");
    assertTrue(TokenUnit.CHARACTER.isToken("😀"));
    assertTrue(TokenUnit.CHARACTER.isToken(" "));
    assertFalse(TokenUnit.CHARACTER.isToken("ab"));
  }
}

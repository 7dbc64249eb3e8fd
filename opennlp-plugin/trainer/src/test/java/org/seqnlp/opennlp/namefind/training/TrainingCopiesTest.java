package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCopiesTest {

  private static final int OTHER = 0;
  private static final int PERSON_START = 1;
  private static final int PERSON_CONT = 2;

  private static LabeledSentence sentence(String text, int... labels) {
    return new LabeledSentence(text.split(" "), labels);
  }

  @Test
  void aCopyStartsAtALowerCaseWordOutsideNamesCapitalised() {
    // Only "ended" qualifies: "van" is lower case but inside a name, and "." is no word.
    LabeledSentence sentence = sentence("Anna van Smith ended .", PERSON_START, PERSON_CONT, PERSON_CONT, OTHER, OTHER);
    List<LabeledSentence> all = TrainingCopies.sentenceStarts(List.of(sentence), 1, OTHER, 7);
    assertEquals(2, all.size());
    assertSame(sentence, all.get(0));
    assertArrayEquals(new String[] {"Ended", "."}, all.get(1).tokens());
    assertArrayEquals(new int[] {OTHER, OTHER}, all.get(1).labels());
  }

  @Test
  void theCopyKeepsTheNamesAfterItsStart() {
    LabeledSentence sentence = sentence("He met Anna Lee", OTHER, OTHER, PERSON_START, PERSON_CONT);
    LabeledSentence copy = TrainingCopies.sentenceStarts(List.of(sentence), 1, OTHER, 1).get(1);
    assertArrayEquals(new String[] {"Met", "Anna", "Lee"}, copy.tokens());
    assertArrayEquals(new int[] {OTHER, PERSON_START, PERSON_CONT}, copy.labels());
  }

  @Test
  void halfTheCopiesFollowTheSentenceBeforeThem() {
    LabeledSentence before = sentence("Rain in Oslo .", OTHER, OTHER, PERSON_START, OTHER);
    LabeledSentence sentence = sentence("it ended", OTHER, OTHER);
    int joined = 0;
    for (long seed = 0; seed < 200; seed++) {
      LabeledSentence copy = TrainingCopies.sentenceStarts(List.of(before, sentence), 1, OTHER, seed).get(3);
      if (copy.length() == 1) {
        assertArrayEquals(new String[] {"Ended"}, copy.tokens());
      } else {
        joined++;
        assertArrayEquals(new String[] {"Rain", "in", "Oslo", ".", "Ended"}, copy.tokens());
        assertArrayEquals(new int[] {OTHER, OTHER, PERSON_START, OTHER, OTHER}, copy.labels());
      }
    }
    assertEquals(100, joined, 25);
  }

  @Test
  void aShareOfTheSentencesIsCopiedReproduciblyAndNoneWithoutAPlace() {
    List<LabeledSentence> sentences = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sentences.add(sentence("we met in the city", OTHER, OTHER, OTHER, OTHER, OTHER));
    }
    List<LabeledSentence> copied = TrainingCopies.sentenceStarts(sentences, 0.25, OTHER, 3);
    assertEquals(1000 + 250, copied.size(), 30);
    List<LabeledSentence> again = TrainingCopies.sentenceStarts(sentences, 0.25, OTHER, 3);
    assertEquals(copied.size(), again.size());
    for (int i = 1000; i < copied.size(); i++) {
      assertArrayEquals(copied.get(i).tokens(), again.get(i).tokens());
    }
    List<LabeledSentence> noPlace = List.of(sentence("Anna Oslo", PERSON_START, PERSON_START), sentence("x", OTHER));
    assertEquals(noPlace, TrainingCopies.sentenceStarts(noPlace, 1, OTHER, 3));
    assertSame(sentences, TrainingCopies.sentenceStarts(sentences, 0, OTHER, 3));
    assertSame(sentences, TrainingCopies.sentenceStarts(sentences, 0, -1, 3));
    assertThrows(IllegalArgumentException.class, () -> TrainingCopies.sentenceStarts(sentences, 1, -1, 3));
  }

  @Test
  void capitalisesByTitleCaseBeyondTheBasicPlaneAndSkipsLettersWithoutOne() {
    // ǆ has the title case ǅ (not the capital Ǆ); Deseret 𐐨 (two chars) becomes 𐐀; ß has no title case of its own.
    assertArrayEquals(new String[] {"ǅemal"}, onlyCopy("Ana ǆemal", OTHER, OTHER).tokens());
    assertArrayEquals(new String[] {"𐐀𐐯"}, onlyCopy("Ana 𐐨𐐯", OTHER, OTHER).tokens());
    assertEquals(1, TrainingCopies.sentenceStarts(List.of(sentence("Ana ßa", OTHER, OTHER)), 1, OTHER, 1).size());
  }

  @Test
  void aLowerCaseCopyKeepsTheLabels() {
    LabeledSentence sentence = sentence("He met ANNA Lee", OTHER, OTHER, PERSON_START, PERSON_CONT);
    List<LabeledSentence> all = TrainingCopies.lowerCase(List.of(sentence), 1, 5);
    assertEquals(2, all.size());
    assertSame(sentence, all.get(0));
    assertArrayEquals(new String[] {"he", "met", "anna", "lee"}, all.get(1).tokens());
    assertArrayEquals(sentence.labels(), all.get(1).labels());
  }

  @Test
  void aShareOfTheSentencesIsLowerCasedReproduciblyAndNoneThatLowerCasingLeavesAsItIs() {
    List<LabeledSentence> sentences = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sentences.add(sentence("We met in Oslo" + i, OTHER, OTHER, OTHER, PERSON_START));
    }
    List<LabeledSentence> copied = TrainingCopies.lowerCase(sentences, 0.25, 3);
    assertEquals(1000 + 250, copied.size(), 30);
    List<LabeledSentence> again = TrainingCopies.lowerCase(sentences, 0.25, 3);
    assertEquals(copied.size(), again.size());
    for (int i = 1000; i < copied.size(); i++) {
      assertArrayEquals(copied.get(i).tokens(), again.get(i).tokens());
    }
    List<LabeledSentence> otherSeed = TrainingCopies.lowerCase(sentences, 0.25, 4);
    assertFalse(Arrays.equals(copied.get(1000).tokens(), otherSeed.get(1000).tokens()), "another seed, other sentences");
    List<LabeledSentence> lower = List.of(sentence("we met in oslo .", OTHER, OTHER, OTHER, PERSON_START, OTHER));
    assertEquals(lower, TrainingCopies.lowerCase(lower, 1, 3));
    assertSame(sentences, TrainingCopies.lowerCase(sentences, 0, 3));
    // The title-case letter ǅ has a lower case, ǆ, so its sentence gets a copy.
    assertArrayEquals(new String[] {"ǆemal"}, TrainingCopies.lowerCase(List.of(sentence("ǅemal", OTHER)), 1, 3)
        .get(1).tokens());
  }

  private static LabeledSentence onlyCopy(String text, int... labels) {
    List<LabeledSentence> all = TrainingCopies.sentenceStarts(List.of(sentence(text, labels)), 1, OTHER, 1);
    assertEquals(2, all.size());
    return all.get(1);
  }
}

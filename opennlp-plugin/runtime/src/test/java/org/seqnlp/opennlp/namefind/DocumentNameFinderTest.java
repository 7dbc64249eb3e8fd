package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.sentdetect.NewlineSentenceDetector;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class DocumentNameFinderTest {

  /** Tags "Anna", "Anna Smith" and "Paris", and logs every call, so the order of calls can be checked. */
  private static final class LoggingFinder implements TokenNameFinder {
    final List<String> calls = new ArrayList<>();

    @Override
    public Span[] find(String[] tokens) {
      calls.add("find " + String.join(" ", tokens));
      List<Span> names = new ArrayList<>();
      for (int i = 0; i < tokens.length; i++) {
        if (tokens[i].equals("Anna")) {
          boolean smith = i + 1 < tokens.length && tokens[i + 1].equals("Smith");
          names.add(new Span(i, smith ? i + 2 : i + 1, "person", 0.75));
        } else if (tokens[i].equals("Paris")) {
          names.add(new Span(i, i + 1, "location", 0.5));
        }
      }
      return names.toArray(Span[]::new);
    }

    @Override
    public void clearAdaptiveData() {
      calls.add("clear");
    }
  }

  private final LoggingFinder names = new LoggingFinder();
  private final DocumentNameFinder finder =
      new DocumentNameFinder(new NewlineSentenceDetector(), SimpleTokenizer.INSTANCE, names);

  @Test
  void givesSentencesTokensAndNamesWithOffsetsIntoTheDocument() {
    String document = "  Anna  Smith lives in Paris.\n\nShe left.\n";
    List<DocumentNameFinder.Sentence> sentences = finder.findInDocument(document);
    assertEquals(2, sentences.size());
    DocumentNameFinder.Sentence first = sentences.get(0);
    assertEquals("Anna  Smith lives in Paris.", first.text());
    assertEquals(first.text(), document.substring(first.start(), first.end()));
    assertArrayEquals(new String[] {"Anna", "Smith", "lives", "in", "Paris", "."}, first.tokenTexts());
    for (DocumentNameFinder.Token token : first.tokens()) {
      assertEquals(token.text(), document.substring(token.start(), token.end()));
    }
    assertEquals(List.of(new DocumentNameFinder.Name("person", 0, 2, 2, 13, "Anna  Smith", 0.75),
        new DocumentNameFinder.Name("location", 4, 5, 23, 28, "Paris", 0.5)), first.names());
    assertEquals(Arrays.asList(new Span(0, 2, "person"), new Span(4, 5, "location")),
        Arrays.asList(first.nameSpans()));
    assertEquals(0.75, first.nameSpans()[0].getProb());
    assertEquals(new DocumentNameFinder.Sentence(31, 40, "She left.",
        List.of(new DocumentNameFinder.Token("She", 31, 34), new DocumentNameFinder.Token("left", 35, 39),
            new DocumentNameFinder.Token(".", 39, 40)), List.of()), sentences.get(1));
  }

  @Test
  void aSentenceOfMoreTokensThanAPieceIsTaggedInPiecesWithItsOwnOffsets() {
    // A list without sentence ends: "x x ... Paris x ... Anna" on one line.
    String[] words = new String[DocumentNameFinder.MAX_PIECE_TOKENS + 5];
    Arrays.fill(words, "x");
    words[3] = "Paris";
    words[DocumentNameFinder.MAX_PIECE_TOKENS + 2] = "Anna";
    DocumentNameFinder.Sentence sentence = finder.findInSentence(String.join(" ", words));
    assertEquals(List.of("find " + String.join(" ", Arrays.copyOf(words, DocumentNameFinder.MAX_PIECE_TOKENS)),
        "find x x Anna x x"), names.calls);
    int annaStart = 2 * (DocumentNameFinder.MAX_PIECE_TOKENS + 2) + "Paris".length() - 1;
    assertEquals(List.of(new DocumentNameFinder.Name("location", 3, 4, 6, 11, "Paris", 0.5),
        new DocumentNameFinder.Name("person", DocumentNameFinder.MAX_PIECE_TOKENS + 2,
            DocumentNameFinder.MAX_PIECE_TOKENS + 3, annaStart, annaStart + 4, "Anna", 0.75)), sentence.names());
  }

  @Test
  void aDocumentClearsAdaptiveDataBeforeAndAfterIt() {
    finder.findInSentence("Anna came.");
    finder.findInDocument("Paris.\nAnna.");
    finder.findInSentence("Anna left.");
    assertEquals(List.of("find Anna came .", "clear", "find Paris .", "find Anna .", "clear", "find Anna left ."),
        names.calls);
  }

  @Test
  void aSecondPassTagsTheWholeDocumentAgainBeforeClearing() {
    DocumentNameFinder twice = new DocumentNameFinder(new NewlineSentenceDetector(), SimpleTokenizer.INSTANCE, names, 2);
    List<DocumentNameFinder.Sentence> sentences = twice.findInDocument("Paris.\nAnna.");
    assertEquals(List.of("clear", "find Paris .", "find Anna .", "find Paris .", "find Anna .", "clear"), names.calls);
    assertEquals(List.of(new DocumentNameFinder.Name("person", 0, 1, 7, 11, "Anna", 0.75)), sentences.get(1).names());
    assertThrows(IllegalArgumentException.class,
        () -> new DocumentNameFinder(new NewlineSentenceDetector(), SimpleTokenizer.INSTANCE, names, 0));
  }

  @Test
  void sentencesFedOneByOneKeepAdaptiveDataUntilCleared() {
    finder.findInSentence("Anna came.");
    finder.findInSentence("She saw Paris.");
    finder.clearAdaptiveData();
    finder.findInSentence("Anna left.");
    assertEquals(List.of("find Anna came .", "find She saw Paris .", "clear", "find Anna left ."), names.calls);
  }

  @Test
  void aSentenceIsNotSplitAndItsOffsetsAreIntoItsOwnText() {
    DocumentNameFinder.Sentence sentence = finder.findInSentence(" Paris. Anna Smith.\t");
    assertEquals(1, sentence.start());
    assertEquals(19, sentence.end());
    assertEquals("Paris. Anna Smith.", sentence.text());
    assertEquals(List.of(new DocumentNameFinder.Name("location", 0, 1, 1, 6, "Paris", 0.5),
        new DocumentNameFinder.Name("person", 2, 4, 8, 18, "Anna Smith", 0.75)), sentence.names());
  }

  @Test
  void emptyTextGivesNoSentencesAndNeverCallsTheFinderWithoutTokens() {
    assertEquals(List.of(), finder.findInDocument(" \n\n "));
    DocumentNameFinder.Sentence blank = finder.findInSentence("   ");
    assertEquals(List.of(), blank.tokens());
    assertEquals(List.of(), blank.names());
    assertEquals(List.of("clear", "clear"), names.calls);
  }
}

package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.text.TextModelFixtures;

class TextLayoutTest {

  @Test
  void tokenizedTextNeedsNoModelAndSplitsOnLinesAndWhitespace() {
    assertFalse(TextLayout.TOKENIZED.needsTokenizerModel());
    assertFalse(TextLayout.TOKENIZED.needsSentenceModel());
    assertArrayEquals(new String[] {"Apple's", "chief"}, TextLayout.TOKENIZED.tokenizer(null).tokenize("Apple's chief"));
    assertEquals(2, TextLayout.TOKENIZED.sentenceDetector(null).sentDetect("Dr. Bob left.\nHe came.").length);
  }

  @Test
  void tokenizedTextKeepsATokenOfAnyLengthWholeInOneSentence() {
    String text = "Anna lives in " + "x".repeat(1_500) + " Paris .";
    assertEquals(6, TextLayout.TOKENIZED.tokenizer(null).tokenize(text).length);
    assertEquals(1, TextLayout.TOKENIZED.sentenceDetector(null).sentDetect(text).length);
  }

  @Test
  void theModelsOfTheOtherLayoutsGetLongRunsInPiecesAndAsSentencesOfTheirOwn() throws IOException {
    TokenizerModel tokenizer =
        new TokenizerModel(new ByteArrayInputStream(TextModelFixtures.tokenizerModelBytes("en")));
    SentenceModel sentences = new SentenceModel(new ByteArrayInputStream(TextModelFixtures.sentenceModelBytes("en")));
    String run = "x".repeat(1_500);
    String text = "Anna came home. " + run + " Bob left.";
    for (TextLayout layout : new TextLayout[] {TextLayout.SENTENCES, TextLayout.PARAGRAPHS, TextLayout.DOCUMENTS}) {
      String[] tokens = layout.tokenizer(tokenizer).tokenize(text);
      assertEquals(List.of("x".repeat(1_000), "x".repeat(500)), List.of(tokens).subList(4, 6), layout.name());
    }
    for (TextLayout layout : new TextLayout[] {TextLayout.PARAGRAPHS, TextLayout.DOCUMENTS}) {
      assertTrue(List.of(layout.sentenceDetector(sentences).sentDetect(text)).contains(run), layout.name());
    }
  }

  @Test
  void everyOtherLayoutSplitsClitics() throws IOException {
    TokenizerModel tokenizer =
        new TokenizerModel(new ByteArrayInputStream(TextModelFixtures.tokenizerModelBytes("en")));
    for (TextLayout layout : new TextLayout[] {TextLayout.SENTENCES, TextLayout.PARAGRAPHS, TextLayout.DOCUMENTS}) {
      assertTrue(layout.needsTokenizerModel());
      String[] tokens = layout.tokenizer(tokenizer).tokenize("Anna's home.");
      assertEquals("'s", tokens[1], String.join("|", tokens));
    }
  }

  @Test
  void onlyParagraphsAndDocumentsUseTheSentenceModelAndOnlyDocumentsCrossLineEnds() throws IOException {
    SentenceModel sentences = new SentenceModel(new ByteArrayInputStream(TextModelFixtures.sentenceModelBytes("en")));
    assertFalse(TextLayout.SENTENCES.needsSentenceModel());
    assertEquals(2, TextLayout.SENTENCES.sentenceDetector(null).sentDetect("Anna came\nhome early.").length);
    assertTrue(TextLayout.PARAGRAPHS.needsSentenceModel());
    assertEquals(2, TextLayout.PARAGRAPHS.sentenceDetector(sentences).sentDetect("Anna came\nhome early.").length);
    assertTrue(TextLayout.DOCUMENTS.needsSentenceModel());
    assertEquals(1, TextLayout.DOCUMENTS.sentenceDetector(sentences).sentDetect("Anna came\nhome early.").length);
  }
}

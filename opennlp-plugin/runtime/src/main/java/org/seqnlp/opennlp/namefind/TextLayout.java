package org.seqnlp.opennlp.namefind;

import opennlp.tools.sentdetect.NewlineSentenceDetector;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import org.seqnlp.opennlp.text.CliticSplittingTokenizer;
import org.seqnlp.opennlp.text.LineBoundedSentenceDetector;
import org.seqnlp.opennlp.text.RunBoundedSentenceDetector;
import org.seqnlp.opennlp.text.RunBoundedTokenizer;

/**
 * How the text given to a {@link DocumentNameFinder} is laid out, and so how it is split: the input modes
 * of {@code seqnlp ner}, in one place so that the raw-text evaluation measures exactly what the command runs.
 */
public enum TextLayout {
  /** One pre-tokenised sentence a line, tokens separated by whitespace: no model is needed. */
  TOKENIZED,
  /** One raw sentence a line, tokenised by the tokenizer model. */
  SENTENCES,
  /** One paragraph a line: the sentence model splits within lines, never across a line end. */
  PARAGRAPHS,
  /** Running text, as wrapped text is: sentences may run across line ends. */
  DOCUMENTS;

  /** Whether this layout needs a tokenizer model; {@link #DOCUMENTS} and {@link #PARAGRAPHS} a sentence model too. */
  public boolean needsTokenizerModel() {
    return this != TOKENIZED;
  }

  public boolean needsSentenceModel() {
    return this == PARAGRAPHS || this == DOCUMENTS;
  }

  /**
   * The sentence detector of this layout: the model's bounded to runs it takes in linear time ({@link
   * RunBoundedSentenceDetector}), within each line for {@link #PARAGRAPHS}; a line a sentence without a model.
   *
   * @param model the sentence model; unused (may be null) unless {@link #needsSentenceModel()}
   */
  public SentenceDetector sentenceDetector(SentenceModel model) {
    return switch (this) {
      case TOKENIZED, SENTENCES -> new NewlineSentenceDetector();
      case PARAGRAPHS -> new LineBoundedSentenceDetector(new RunBoundedSentenceDetector(new SentenceDetectorME(model)));
      case DOCUMENTS -> new RunBoundedSentenceDetector(new SentenceDetectorME(model));
    };
  }

  /**
   * The tokenizer of this layout: the model's with English clitics split, bounded to runs it takes in linear time
   * ({@link RunBoundedTokenizer}); for {@link #TOKENIZED} text, whitespace alone, so tokens of any length stay whole.
   *
   * @param model the tokenizer model; unused (may be null) for {@link #TOKENIZED}
   */
  public Tokenizer tokenizer(TokenizerModel model) {
    return this == TOKENIZED ? WhitespaceTokenizer.INSTANCE
        : new RunBoundedTokenizer(CliticSplittingTokenizer.forModel(model));
  }
}

package org.seqnlp.opennlp.namefind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;
import org.seqnlp.opennlp.text.SentenceSpans;

/**
 * Finds names in plain text: splits a document into sentences with a {@link SentenceDetector}, each
 * sentence into tokens with a {@link Tokenizer}, tags the tokens with a {@link TokenNameFinder} (a
 * {@code NameFinderME} over any name-finder model, ours or OpenNLP's), and gives every sentence, token and
 * name with its character offsets into the text it was given, so a caller can highlight or index names in
 * the original text.
 *
 * <p>Adaptive data (what the name finder remembers of earlier sentences, such as names already seen) is
 * kept within a document and cleared at its boundaries, as OpenNLP's own evaluators and tools do: {@link
 * #findInDocument} treats its text as one whole document; a caller that feeds sentences one at a time
 * with {@link #findInSentence} calls {@link #clearAdaptiveData} between documents.
 *
 * <p>With a name finder that has {@link DocumentContext}, {@link #findInDocument} can tag the document's
 * sentences twice ({@code passes} = 2): the first pass fills the finder's document memory, so that in the
 * second even the first sentences are tagged with what the whole document says about their names.
 *
 * <p>Offsets are {@code String} indices (UTF-16 code units), as OpenNLP's {@link Span} uses; ends are
 * exclusive. A sentence of more than {@value #MAX_PIECE_TOKENS} tokens is tagged in pieces of that many. Give it
 * OpenNLP's {@code SentenceDetectorME} and {@code TokenizerME} wrapped in {@link
 * org.seqnlp.opennlp.text.RunBoundedSentenceDetector} and {@link org.seqnlp.opennlp.text.RunBoundedTokenizer}, as
 * {@link TextLayout} does: alone, they take time in the square of the length of a run without whitespace.
 *
 * <p>Not thread-safe, like {@code NameFinderME}, {@code SentenceDetectorME} and {@code TokenizerME},
 * which it holds: make one instance per thread, each with its own detector, tokenizer and finder. The
 * models behind them are immutable and can be shared by all threads.
 */
public final class DocumentNameFinder {

  /** The most tokens given to the name finder at once; no real sentence has as many. */
  public static final int MAX_PIECE_TOKENS = 1000;

  /** A token and its offsets. */
  public record Token(String text, int start, int end) {
  }

  /**
   * A name: its type, the tokens it covers ({@code tokenStart} inclusive, {@code tokenEnd} exclusive,
   * indices into its sentence's tokens), its character offsets, its text as it appears in the input
   * (with the input's own spacing) and the name finder's probability.
   */
  public record Name(String type, int tokenStart, int tokenEnd, int start, int end, String text,
      double probability) {
  }

  /** A sentence with its offsets and text, its tokens and the names found in it. */
  public record Sentence(int start, int end, String text, List<Token> tokens, List<Name> names) {

    public Sentence {
      tokens = List.copyOf(tokens);
      names = List.copyOf(names);
    }

    /** The tokens' texts, as OpenNLP's name-finder and sample APIs take them. */
    public String[] tokenTexts() {
      return tokens.stream().map(Token::text).toArray(String[]::new);
    }

    /** The names as OpenNLP spans over {@link #tokenTexts()}, with type and probability. */
    public Span[] nameSpans() {
      return names.stream().map(name -> new Span(name.tokenStart(), name.tokenEnd(), name.type(), name.probability()))
          .toArray(Span[]::new);
    }
  }

  private final SentenceDetector sentenceDetector;
  private final Tokenizer tokenizer;
  private final TokenNameFinder nameFinder;
  private final int passes;

  /** A finder that tags each sentence once. */
  public DocumentNameFinder(SentenceDetector sentenceDetector, Tokenizer tokenizer, TokenNameFinder nameFinder) {
    this(sentenceDetector, tokenizer, nameFinder, 1);
  }

  /**
   * @param passes how many times {@link #findInDocument} tags a document's sentences in a row, keeping the
   *     names of the last pass (at least 1)
   */
  public DocumentNameFinder(SentenceDetector sentenceDetector, Tokenizer tokenizer, TokenNameFinder nameFinder,
      int passes) {
    if (passes < 1) {
      throw new IllegalArgumentException("passes must be at least 1, got " + passes);
    }
    this.sentenceDetector = Objects.requireNonNull(sentenceDetector, "sentenceDetector");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.nameFinder = Objects.requireNonNull(nameFinder, "nameFinder");
    this.passes = passes;
  }

  /**
   * The sentences of {@code document} with their tokens and names, offsets into {@code document}. The
   * document stands alone: adaptive data from earlier calls is cleared before it, and what it leaves is
   * cleared after it. Sentences without tokens are left out.
   */
  public List<Sentence> findInDocument(String document) {
    nameFinder.clearAdaptiveData();
    List<Sentence> sentences = new ArrayList<>();
    for (Span span : SentenceSpans.detect(sentenceDetector, document)) {
      Span trimmed = span.trim(document);
      if (trimmed.length() > 0) {
        Sentence sentence = tokenize(document, trimmed.getStart(), trimmed.getEnd());
        if (!sentence.tokens().isEmpty()) {
          sentences.add(sentence);
        }
      }
    }
    for (int pass = 1; pass < passes; pass++) {
      sentences.forEach(sentence -> findInPieces(sentence.tokenTexts()));
    }
    List<Sentence> named = new ArrayList<>(sentences.size());
    for (Sentence sentence : sentences) {
      named.add(withNames(document, sentence));
    }
    nameFinder.clearAdaptiveData();
    return named;
  }

  /**
   * {@code sentence} as one sentence of the current document (no sentence detection), with its tokens
   * and names, offsets into {@code sentence}; surrounding whitespace is not part of it. Adaptive data of
   * the document's earlier sentences is used, until {@link #clearAdaptiveData}.
   */
  public Sentence findInSentence(String sentence) {
    Span trimmed = new Span(0, sentence.length()).trim(sentence);
    return find(sentence, trimmed.getStart(), trimmed.getEnd());
  }

  /** Ends a document fed with {@link #findInSentence}: the next sentence starts a new one. */
  public void clearAdaptiveData() {
    nameFinder.clearAdaptiveData();
  }

  private Sentence find(String text, int start, int end) {
    Sentence sentence = tokenize(text, start, end);
    return sentence.tokens().isEmpty() ? sentence : withNames(text, sentence);
  }

  /** The sentence from {@code start} to {@code end} of {@code text} with its tokens, without names yet. */
  private Sentence tokenize(String text, int start, int end) {
    String sentence = text.substring(start, end);
    Span[] tokenSpans = tokenizer.tokenizePos(sentence);
    List<Token> tokens = new ArrayList<>(tokenSpans.length);
    for (Span span : tokenSpans) {
      tokens.add(new Token(span.getCoveredText(sentence).toString(), start + span.getStart(), start + span.getEnd()));
    }
    return new Sentence(start, end, sentence, tokens, List.of());
  }

  /**
   * The names in {@code tokens}, found {@value #MAX_PIECE_TOKENS} tokens at a time: text without sentence ends (a
   * list, a table) can make one "sentence" of millions of tokens, and a name finder needs memory in proportion.
   */
  private Span[] findInPieces(String[] tokens) {
    if (tokens.length <= MAX_PIECE_TOKENS) {
      return nameFinder.find(tokens);
    }
    List<Span> names = new ArrayList<>();
    for (int from = 0; from < tokens.length; from += MAX_PIECE_TOKENS) {
      int to = Math.min(tokens.length, from + MAX_PIECE_TOKENS);
      for (Span span : nameFinder.find(Arrays.copyOfRange(tokens, from, to))) {
        names.add(new Span(span.getStart() + from, span.getEnd() + from, span.getType(), span.getProb()));
      }
    }
    return names.toArray(new Span[0]);
  }

  /** {@code sentence} (of {@code text}, with tokens) with the names the name finder finds in it. */
  private Sentence withNames(String text, Sentence sentence) {
    List<Token> tokens = sentence.tokens();
    List<Name> names = new ArrayList<>();
    for (Span span : findInPieces(sentence.tokenTexts())) {
      int nameStart = tokens.get(span.getStart()).start();
      int nameEnd = tokens.get(span.getEnd() - 1).end();
      names.add(new Name(span.getType(), span.getStart(), span.getEnd(), nameStart, nameEnd,
          text.substring(nameStart, nameEnd), span.getProb()));
    }
    return new Sentence(sentence.start(), sentence.end(), sentence.text(), tokens, names);
  }
}

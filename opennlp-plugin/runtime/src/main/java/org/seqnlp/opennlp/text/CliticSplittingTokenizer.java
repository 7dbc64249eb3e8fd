package org.seqnlp.opennlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits English clitics off the tokens of another tokenizer, as the Penn Treebank and CoNLL-2003 do:
 * {@code Apple's} becomes {@code Apple 's}, {@code don't} becomes {@code do n't}, {@code we'll} becomes
 * {@code we 'll}. OpenNLP's English tokenizer models ({@code opennlp-models-tokenizer-en}, trained on the
 * surface tokens of UD English-EWT) keep clitics attached, but English name finders trained on
 * CoNLL-2003 have only seen them split, and tag {@code Apple's} worse than {@code Apple 's}. The
 * straight and the typographic apostrophe ({@code '}, {@code ’}) are both recognised, in any letter case.
 * Tokens already split pass unchanged, so it can wrap any English tokenizer.
 *
 * <p>As thread-safe as the tokenizer it wraps ({@code TokenizerME} is not).
 */
public final class CliticSplittingTokenizer implements Tokenizer {

  /** A clitic at the end of a token, after at least one character that is not an apostrophe. */
  private static final Pattern CLITIC =
      Pattern.compile("(?iu)^.*[^'’](n['’]t|['’](?:s|re|ve|ll|d|m))$");

  private final Tokenizer tokenizer;

  public CliticSplittingTokenizer(Tokenizer tokenizer) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
  }

  /**
   * A tokenizer for {@code model}: its {@code TokenizerME}, with clitics split when the model is for
   * English (the name finder's training data decides the token convention, and only English follows the
   * Penn Treebank's).
   */
  public static Tokenizer forModel(TokenizerModel model) {
    TokenizerME tokenizer = new TokenizerME(model);
    return LanguageCodes.same(model.getLanguage(), "en") ? new CliticSplittingTokenizer(tokenizer) : tokenizer;
  }

  @Override
  public String[] tokenize(String text) {
    return Span.spansToStrings(tokenizePos(text), text);
  }

  @Override
  public Span[] tokenizePos(String text) {
    Span[] tokens = tokenizer.tokenizePos(text);
    List<Span> split = new ArrayList<>(tokens.length + 4);
    for (Span token : tokens) {
      Matcher clitic = CLITIC.matcher(token.getCoveredText(text));
      if (clitic.matches()) {
        int boundary = token.getStart() + clitic.start(1);
        split.add(new Span(token.getStart(), boundary, token.getType()));
        split.add(new Span(boundary, token.getEnd(), token.getType()));
      } else {
        split.add(token);
      }
    }
    return split.toArray(Span[]::new);
  }
}

package org.seqnlp.opennlp.formats;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.util.FilterObjectStream;
import org.seqnlp.vocabulary.SpecialTokens;

/**
 * Reads the Penn Treebank language-modelling files in Mikolov's version ({@code ptb.train.txt},
 * {@code ptb.valid.txt}, {@code ptb.test.txt}): one sentence a line, already tokenised and lowercased,
 * tokens separated by spaces, rare words written {@value SpecialTokens#UNKNOWN}.
 *
 * <p>The end-of-sentence convention: each line is one sentence followed by one end-of-sentence token
 * {@value SpecialTokens#END_OF_SENTENCE}, which the files do not write. A model predicts it like any word, and it
 * counts in the N of perplexity: N = words + lines (929,589 for the train file, 73,760 for valid,
 * 82,430 for test, the standard figures). This stream returns the words of a line without it; the
 * consumer appends exactly one. A {@value SpecialTokens#END_OF_SENTENCE} written in the text would be counted twice,
 * so it is an error naming its line.
 */
public final class PtbSentenceStream extends FilterObjectStream<String, List<String>> {

  private static final Pattern TOKEN_SEPARATOR = Pattern.compile("\\s+");

  private final FileLineStream lines;

  /** Reads {@code file}, gzipped or not. */
  public PtbSentenceStream(Path file, Charset charset) throws IOException {
    this(new FileLineStream(file, charset));
  }

  private PtbSentenceStream(FileLineStream lines) {
    super(lines);
    this.lines = lines;
  }

  /** The words of the next line, without the end-of-sentence token; empty for an empty line. */
  @Override
  public List<String> read() throws IOException {
    String line = lines.read();
    if (line == null) {
      return null;
    }
    String stripped = line.strip();
    List<String> words = stripped.isEmpty() ? List.of() : List.of(TOKEN_SEPARATOR.split(stripped));
    if (words.contains(SpecialTokens.END_OF_SENTENCE)) {
      throw lines.error("the text holds " + SpecialTokens.END_OF_SENTENCE + ", which every line gets once at its end");
    }
    return words;
  }
}

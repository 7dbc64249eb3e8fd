package org.seqnlp.opennlp.formats;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.util.ObjectStream;
import org.seqnlp.opennlp.lm.SentenceFile;
import org.seqnlp.opennlp.lm.TokenUnit;
import org.seqnlp.vocabulary.SpecialTokens;

/**
 * Reads the Penn Treebank language-modelling files in Mikolov's version ({@code ptb.train.txt},
 * {@code ptb.valid.txt}, {@code ptb.test.txt}) as an OpenNLP stream: one sentence a line, already
 * tokenised and lowercased, tokens separated by spaces, rare words written {@value SpecialTokens#UNKNOWN}. The
 * lines are read by {@link SentenceFile}, with its end-of-sentence convention: each line is followed by one
 * {@value SpecialTokens#END_OF_SENTENCE}, which the files do not write (N = words + lines: 929,589 for the train file,
 * 73,760 for valid, 82,430 for test, the standard figures); this stream returns the words of a line without
 * it, and a written one is an error naming its line.
 */
public final class PtbSentenceStream implements ObjectStream<List<String>> {

  private final Path file;
  private final Charset charset;
  private SentenceFile sentences;

  /** Reads {@code file}, gzipped or not. */
  public PtbSentenceStream(Path file, Charset charset) throws IOException {
    this.file = file;
    this.charset = charset;
    this.sentences = SentenceFile.open(file, charset, TokenUnit.WORD);
  }

  /** The words of the next line, without the end-of-sentence token; empty for an empty line. */
  @Override
  public List<String> read() throws IOException {
    return sentences.next();
  }

  @Override
  public void reset() throws IOException {
    sentences.close();
    sentences = SentenceFile.open(file, charset, TokenUnit.WORD);
  }

  @Override
  public void close() throws IOException {
    sentences.close();
  }
}

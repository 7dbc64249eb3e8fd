package org.seqnlp.opennlp.lm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqnlp.io.LineReader;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * A text file with one sentence a line (gzipped or not), the input of language-model training and
 * evaluation and of the Penn Treebank reader {@code formats.PtbSentenceStream}: read line by line through
 * {@link LineReader}, so that every error names its line.
 *
 * <p>The end-of-sentence convention: each line is one sentence followed by one end-of-sentence token
 * {@value SpecialTokens#END_OF_SENTENCE}, which the files do not write; it counts in the N of perplexity (N =
 * words + lines, the Penn Treebank figures). A {@value SpecialTokens#END_OF_SENTENCE} written in the text
 * would be counted twice, so it is an error naming its line.
 */
public final class SentenceFile implements Closeable {

  private final LineReader lines;
  private final TokenUnit unit;

  private SentenceFile(LineReader lines, TokenUnit unit) {
    this.lines = lines;
    this.unit = unit;
  }

  /** Opens {@code file} to read its sentences one at a time. */
  public static SentenceFile open(Path file, Charset charset, TokenUnit unit) throws IOException {
    return new SentenceFile(LineReader.open(file, charset), unit);
  }

  /**
   * The tokens of every line of {@code file} (UTF-8), in order; empty lines are empty sentences. Bytes
   * that are not UTF-8 fail with the exact line.
   */
  public static List<List<String>> read(Path file, TokenUnit unit) throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    try (SentenceFile reader = open(file, StandardCharsets.UTF_8, unit)) {
      List<String> sentence;
      while ((sentence = reader.next()) != null) {
        sentences.add(sentence);
      }
    }
    return sentences;
  }

  /**
   * {@link #read}, refusing a file without a line: its perplexity would be NaN, and validations on it
   * would never improve.
   */
  public static List<List<String>> readToScore(Path file, TokenUnit unit) throws IOException {
    List<List<String>> sentences = read(file, unit);
    if (sentences.isEmpty()) {
      throw new IOException(file + ": no sentence to score, so no perplexity (is the file empty?)");
    }
    return sentences;
  }

  /**
   * The tokens of the next line, without the end-of-sentence token (empty for an empty line), or null at
   * the end of the file.
   *
   * @throws org.seqnlp.io.InputFormatException at the line, for bytes outside the charset or a written
   *     end-of-sentence token
   */
  public List<String> next() throws IOException {
    String line = lines.readLine();
    if (line == null) {
      return null;
    }
    List<String> tokens = unit.tokenize(line);
    if (tokens.contains(SpecialTokens.END_OF_SENTENCE)) {
      throw lines.error("the text holds " + SpecialTokens.END_OF_SENTENCE + ", which every line gets once at its end");
    }
    return tokens;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /** The ids of {@code sentences} as one stream, each sentence followed by the end-of-sentence id. */
  public static int[] encode(List<List<String>> sentences, Vocabulary vocabulary) {
    int length = 0;
    for (List<String> sentence : sentences) {
      length += sentence.size() + 1;
    }
    int[] ids = new int[length];
    int position = 0;
    for (List<String> sentence : sentences) {
      for (String token : sentence) {
        ids[position++] = vocabulary.id(token);
      }
      ids[position++] = Vocabulary.END_OF_SENTENCE_ID;
    }
    return ids;
  }

  /** Each sentence's ids followed by the end-of-sentence id, for scoring sentences alone. */
  public static int[][] encodeEach(List<List<String>> sentences, Vocabulary vocabulary) {
    int[][] encoded = new int[sentences.size()][];
    for (int s = 0; s < encoded.length; s++) {
      encoded[s] = encode(List.of(sentences.get(s)), vocabulary);
    }
    return encoded;
  }
}

package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqnlp.io.LineReader;

/** A UTF-8 text file with one sentence a line, the input of language-model training and evaluation. */
public final class SentenceFile {

  private SentenceFile() {
  }

  /**
   * The tokens of every line of {@code file} (UTF-8, gzipped or not), in order; empty lines are empty
   * sentences. Bytes that are not UTF-8 fail with the exact line.
   */
  public static List<List<String>> read(Path file, TokenUnit unit) throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    try (LineReader lines = LineReader.open(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        sentences.add(unit.tokenize(line));
      }
    }
    return sentences;
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
}

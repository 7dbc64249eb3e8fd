package org.seqnlp.eval.ner;

import java.util.HashSet;
import java.util.Set;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import org.seqnlp.vectors.WordVectors;

/**
 * How many tokens, and tokens inside names, of a data set a name finder trained with given word vectors
 * would find a vector for: a token counts as covered when its name-finder form ({@link TokenEncoder#normalize})
 * is the form of one of the most frequent vector words, as the trainer builds its vocabulary.
 */
public final class VectorCoverage {

  private final Set<String> words = new HashSet<>();
  private long tokens;
  private long coveredTokens;
  private long entityTokens;
  private long coveredEntityTokens;

  /** Coverage by the first {@code maxWords} words of {@code vectors} (all of them when 0). */
  public VectorCoverage(WordVectors vectors, int maxWords) {
    int limit = maxWords == 0 ? vectors.size() : Math.min(maxWords, vectors.size());
    for (int i = 0; i < limit; i++) {
      words.add(TokenEncoder.normalize(vectors.word(i)));
    }
  }

  public void add(NameSample sample) {
    String[] sentence = sample.getSentence();
    boolean[] inName = new boolean[sentence.length];
    for (Span name : sample.getNames()) {
      for (int i = name.getStart(); i < name.getEnd(); i++) {
        inName[i] = true;
      }
    }
    for (int i = 0; i < sentence.length; i++) {
      boolean covered = words.contains(TokenEncoder.normalize(sentence[i]));
      tokens++;
      coveredTokens += covered ? 1 : 0;
      if (inName[i]) {
        entityTokens++;
        coveredEntityTokens += covered ? 1 : 0;
      }
    }
  }

  public long tokens() {
    return tokens;
  }

  public long coveredTokens() {
    return coveredTokens;
  }

  public long entityTokens() {
    return entityTokens;
  }

  public long coveredEntityTokens() {
    return coveredEntityTokens;
  }
}

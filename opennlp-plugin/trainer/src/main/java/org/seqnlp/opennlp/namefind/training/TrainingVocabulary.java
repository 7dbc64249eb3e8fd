package org.seqnlp.opennlp.namefind.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.vectors.WordVectors;

/**
 * The word and character vocabularies of a training set: training words by frequency, then the most
 * frequent vector words up to the limit; characters by frequency. Also knows the words seen once in
 * training and absent from the vectors, whose rows are dropped to the unknown word now and then to train it.
 */
final class TrainingVocabulary {

  private final Vocabulary words;
  private final Vocabulary chars;
  private final Set<Integer> singletons = new HashSet<>();

  TrainingVocabulary(List<LabeledSentence> sentences, WordVectors vectors, int maxVocabulary) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> charCounts = new HashMap<>();
    for (LabeledSentence sentence : sentences) {
      for (String token : sentence.tokens()) {
        counts.merge(TokenEncoder.normalize(token), 1, Integer::sum);
        for (int i = 0; i < token.length(); i++) {
          // The encoder reads UTF-16 units; half a surrogate pair cannot be stored as UTF-8, so characters
          // outside the Basic Multilingual Plane (emoji, rare CJK) stay unknown characters.
          if (!Character.isSurrogate(token.charAt(i))) {
            charCounts.merge(String.valueOf(token.charAt(i)), 1, Integer::sum);
          }
        }
      }
    }
    words = Vocabulary.of(wordList(counts, vectors, maxVocabulary));
    List<String> charSymbols = new ArrayList<>(List.of(SpecialTokens.UNKNOWN, SpecialTokens.PADDING));
    charSymbols.addAll(byFrequency(charCounts));
    chars = Vocabulary.of(charSymbols);
    counts.forEach((word, count) -> {
      if (count == 1 && (vectors == null || vectors.indexOf(word) < 0)) {
        singletons.add(words.id(word));
      }
    });
    singletons.remove(words.unknownId());
  }

  Vocabulary words() {
    return words;
  }

  Vocabulary chars() {
    return chars;
  }

  /** Whether the word of {@code row} was seen once in training and has no pretrained vector. */
  boolean isSingleton(int row) {
    return singletons.contains(row);
  }

  private static List<String> wordList(Map<String, Integer> counts, WordVectors vectors, int maxVocabulary) {
    List<String> list = new ArrayList<>();
    list.add(SpecialTokens.UNKNOWN);
    // A text token spelled like a special token would collide with it; it is read as unknown.
    List<String> trainingWords = byFrequency(counts).stream().filter(w -> !SpecialTokens.isSpecial(w)).toList();
    list.addAll(trainingWords.subList(0, Math.min(trainingWords.size(), maxVocabulary - 1)));
    if (vectors != null) {
      Set<String> seen = new HashSet<>(list);
      for (int i = 0; i < vectors.size() && list.size() < maxVocabulary; i++) {
        String word = TokenEncoder.normalize(vectors.word(i));
        if (!SpecialTokens.isSpecial(word) && seen.add(word)) {
          list.add(word);
        }
      }
    }
    return list;
  }

  private static List<String> byFrequency(Map<String, Integer> counts) {
    List<String> symbols = new ArrayList<>(counts.keySet());
    symbols.sort(Comparator.comparing((String s) -> -counts.get(s)).thenComparing(Comparator.naturalOrder()));
    return symbols;
  }
}

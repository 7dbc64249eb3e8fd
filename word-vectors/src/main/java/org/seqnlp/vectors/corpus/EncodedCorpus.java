package org.seqnlp.vectors.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.progress.Progress;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * A corpus tokenised once and held in memory as vocabulary ids, so that training epochs walk an int
 * array instead of re-reading and re-tokenising text. Words outside the vocabulary (below the minimum
 * count or beyond the maximum vocabulary size) are left out, as the word2vec tool does; every
 * sentence (corpus line) is followed by {@link #SENTENCE_END}. The vocabulary's {@code <unk>} never
 * occurs in the encoded text: trainers train and export the {@link #words()} alone.
 *
 * <p>Memory is four bytes per kept token, so up to about two billion tokens fit.
 */
public final class EncodedCorpus {

  /** The value that ends each sentence in {@link #tokens()}. */
  public static final int SENTENCE_END = -1;

  private final Vocabulary vocabulary;
  private final int wordTypes;
  private final int[] tokens;
  private final long wordCount;

  /**
   * @param vocabulary the words the ids refer to, as {@link Vocabulary#byFrequency} builds it: the
   *     words with a count, then {@code <unk>} with none
   * @param tokens word ids, each sentence followed by {@link #SENTENCE_END}; taken over, not copied
   */
  public EncodedCorpus(Vocabulary vocabulary, int[] tokens) {
    int counted = 0;
    while (counted < vocabulary.size() && vocabulary.count(counted) > 0) {
      counted++;
    }
    long words = 0;
    for (int token : tokens) {
      if (token != SENTENCE_END) {
        if (token < 0 || token >= counted) {
          throw new IllegalArgumentException("token id " + token + " outside the " + counted
              + " counted words of the vocabulary");
        }
        words++;
      }
    }
    if (tokens.length > 0 && tokens[tokens.length - 1] != SENTENCE_END) {
      throw new IllegalArgumentException("the last sentence must be followed by SENTENCE_END");
    }
    this.vocabulary = vocabulary;
    this.wordTypes = counted;
    this.tokens = tokens;
    this.wordCount = words;
  }

  /**
   * Reads and tokenises {@code corpus} once, keeps the words seen at least {@code minCount} times
   * (at most the {@code maxVocabulary} most frequent of them), and encodes the text as their ids.
   *
   * @param maxVocabulary the largest vocabulary kept, or 0 for no limit
   * @param progress advanced by the number of words read
   */
  public static EncodedCorpus encode(SentenceSource corpus, int minCount, int maxVocabulary, Progress progress)
      throws IOException {
    if (minCount < 1) {
      throw new IllegalArgumentException("minimum count must be at least 1, got " + minCount);
    }
    if (maxVocabulary < 0) {
      throw new IllegalArgumentException("maximum vocabulary must be 0 (no limit) or more, got "
          + maxVocabulary);
    }
    Counter counter = new Counter();
    corpus.forEachSentence(words -> {
      counter.add(words);
      progress.advance(words.size());
    });
    return counter.encode(minCount, maxVocabulary);
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The words the text is made of, most frequent first: the vocabulary without the {@code <unk>} it
   * adds (a corpus that holds the token {@code <unk>} has it here, at its rank). Ids index this list.
   */
  public List<String> words() {
    return vocabulary.tokens().subList(0, wordTypes);
  }

  /** The corpus counts of {@link #words()}, in the same order. */
  public long[] wordCounts() {
    long[] counts = new long[wordTypes];
    for (int id = 0; id < wordTypes; id++) {
      counts[id] = vocabulary.count(id);
    }
    return counts;
  }

  /**
   * The encoded text: vocabulary ids with {@link #SENTENCE_END} after each sentence. Shared, not
   * copied, so that trainers can read it without overhead: do not modify.
   */
  public int[] tokens() {
    return tokens;
  }

  /** The number of word tokens (sentence ends not counted). */
  public long wordCount() {
    return wordCount;
  }

  /** First pass: provisional ids in order of first appearance, their counts, and the id stream. */
  private static final class Counter {
    private final Map<String, Integer> idByWord = new HashMap<>(1 << 20);
    private final List<String> words = new ArrayList<>();
    private long[] counts = new long[1 << 16];
    private int[] tokens = new int[1 << 20];
    private int length;

    void add(List<String> sentence) {
      for (String word : sentence) {
        Integer id = idByWord.get(word);
        if (id == null) {
          id = words.size();
          idByWord.put(word, id);
          words.add(word);
          if (id == counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
          }
        }
        counts[id]++;
        append(id);
      }
      append(SENTENCE_END);
    }

    private void append(int token) {
      if (length == tokens.length) {
        if (length == ArrayLimits.MAX_LENGTH) {
          throw new IllegalStateException("corpus too large: more than " + length + " tokens");
        }
        tokens = Arrays.copyOf(tokens, (int) Math.min(ArrayLimits.MAX_LENGTH, 2L * length));
      }
      tokens[length++] = token;
    }

    EncodedCorpus encode(int minCount, int maxVocabulary) {
      Integer[] byFrequency = new Integer[words.size()];
      for (int i = 0; i < byFrequency.length; i++) {
        byFrequency[i] = i;
      }
      // Ties keep the order of first appearance, which makes the vocabulary reproducible.
      Arrays.sort(byFrequency, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a])
          : Integer.compare(a, b));
      int kept = 0;
      while (kept < byFrequency.length && counts[byFrequency[kept]] >= minCount
          && (maxVocabulary == 0 || kept < maxVocabulary)) {
        kept++;
      }
      int[] finalId = new int[words.size()];
      Arrays.fill(finalId, SENTENCE_END);
      List<String> keptWords = new ArrayList<>(kept);
      long[] keptCounts = new long[kept];
      for (int rank = 0; rank < kept; rank++) {
        finalId[byFrequency[rank]] = rank;
        keptWords.add(words.get(byFrequency[rank]));
        keptCounts[rank] = counts[byFrequency[rank]];
      }
      // Rewrites the stream in place, dropping unknown words and sentences left empty.
      int written = 0;
      int sentenceStart = 0;
      for (int i = 0; i < length; i++) {
        int token = tokens[i];
        if (token == SENTENCE_END) {
          if (written > sentenceStart) {
            tokens[written++] = SENTENCE_END;
            sentenceStart = written;
          }
        } else if (finalId[token] != SENTENCE_END) {
          tokens[written++] = finalId[token];
        }
      }
      return new EncodedCorpus(Vocabulary.byFrequency(keptWords, keptCounts), Arrays.copyOf(tokens, written));
    }
  }
}

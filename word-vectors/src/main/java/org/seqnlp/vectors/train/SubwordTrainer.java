package org.seqnlp.vectors.train;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.kernels.VectorKernels;
import org.seqnlp.vectors.kernels.Vectorization;

/**
 * Trains subword skip-gram vectors as fastText does (Bojanowski et al. 2017): a word's input vector is
 * the mean of its own row and the rows of its {@link CharacterNgrams} buckets, and it predicts each word
 * of its context against {@code negative} noise words, every one of those rows taking the full
 * gradient. Sentences and subsampling ({@link SentenceWorker}), dynamic windows, noise, learning-rate decay
 * and Hogwild threads are {@link Word2VecTrainer}'s.
 *
 * <p>One departure from fastText, for speed: the input vector of a centre word is computed once for all
 * its context words and its rows are updated once after them (fastText recomputes and updates per
 * context word), so each position costs one pass over its n-gram rows, not one per context word.
 *
 * <p>The result holds every vocabulary word's final vector (the mean of its rows) and the bucket rows,
 * from which words outside the vocabulary get vectors ({@link WordVectors#vectorOf}).
 */
public final class SubwordTrainer {

  private final Word2VecSettings settings;
  private final CharacterNgrams ngrams;

  /**
   * @throws IllegalArgumentException when a setting is out of range ({@link Word2VecSettings#validate}),
   *     the architecture is not skip-gram, or the buckets' rows would not fit one array
   */
  public SubwordTrainer(Word2VecSettings settings, CharacterNgrams ngrams) {
    this.settings = settings.validate();
    this.ngrams = ngrams;
    if (settings.architecture() != Word2VecSettings.Architecture.SKIP_GRAM) {
      throw new IllegalArgumentException("subword vectors are trained with skip-gram, not "
          + settings.architecture());
    }
  }

  /**
   * Trains on {@code corpus}, reporting words per second through {@code progress}.
   *
   * @throws IllegalStateException when training diverged, leaving vectors that are not finite
   */
  public WordVectors train(EncodedCorpus corpus, ProgressFactory progress) {
    if (corpus.words().isEmpty() || corpus.wordCount() == 0) {
      throw new IllegalArgumentException("the corpus has no words in its vocabulary");
    }
    Model model = new Model(corpus.words(), corpus.wordCounts(), settings, ngrams);
    long totalWords = settings.epochs() * corpus.wordCount();
    int[] chunkStarts = Word2VecTrainer.chunkStarts(corpus.tokens(), settings.threads());
    AtomicLong wordsDone = new AtomicLong();
    try (Progress report = progress.start("training subword skip-gram", totalWords, "words")) {
      Workers.run("subwords", settings.threads(), worker -> new Worker(model, corpus.tokens(),
          new LearningRateSchedule(settings.learningRate(), totalWords), wordsDone, report,
          settings.seed() * 31 + worker).run(chunkStarts[worker], chunkStarts[worker + 1]));
    }
    return Divergence.requireFinite(model.vectors(corpus.words()), settings.learningRate());
  }

  /** The parameters shared by all workers. */
  private static final class Model {
    final int dimension;
    /** The input rows: one per vocabulary word, then one per bucket. */
    final float[] input;
    final float[] output;
    final float[] keep;
    final NoiseDistribution noise;
    final Word2VecSettings settings;
    final CharacterNgrams ngrams;
    final VectorKernels kernels = Vectorization.kernels();
    /** Per word, its input rows: its own, then its n-grams' buckets offset by the vocabulary size. */
    final int[][] inputRows;

    Model(List<String> words, long[] counts, Word2VecSettings settings, CharacterNgrams ngrams) {
      this.dimension = settings.dimension();
      this.settings = settings;
      this.ngrams = ngrams;
      long values = ((long) words.size() + ngrams.buckets()) * dimension;
      if (values > ArrayLimits.MAX_LENGTH) {
        throw new IllegalArgumentException(words.size() + " words and " + ngrams.buckets() + " buckets x "
            + dimension + " dimensions are more values than one Java array holds; use fewer buckets");
      }
      this.input = new float[(int) values];
      this.output = new float[words.size() * dimension];
      long random = settings.seed();
      for (int i = 0; i < input.length; i++) {
        random = FastRandom.next(random);
        input[i] = (FastRandom.unit(random) - 0.5f) / dimension;
      }
      this.keep = Word2VecTrainer.keepProbabilities(counts, settings.sample());
      this.noise = new NoiseDistribution(counts);
      this.inputRows = new int[words.size()][];
      for (int id = 0; id < words.size(); id++) {
        int[] buckets = ngrams.bucketsOf(words.get(id));
        int[] rows = new int[buckets.length + 1];
        rows[0] = id;
        for (int i = 0; i < buckets.length; i++) {
          rows[i + 1] = words.size() + buckets[i];
        }
        inputRows[id] = rows;
      }
    }

    /** Each word's vector as the mean of its input rows, and the bucket rows for other words. */
    WordVectors vectors(List<String> words) {
      float[] matrix = new float[words.size() * dimension];
      for (int id = 0; id < words.size(); id++) {
        mean(input, inputRows[id], dimension, matrix, id * dimension);
      }
      float[] buckets = Arrays.copyOfRange(input, words.size() * dimension, input.length);
      return new WordVectors(words, dimension, matrix, new SubwordVectors(ngrams, dimension, buckets));
    }
  }

  /** Writes the mean of {@code rows} of {@code matrix} to {@code into[at, at + dimension)}. */
  static void mean(float[] matrix, int[] rows, int dimension, float[] into, int at) {
    Arrays.fill(into, at, at + dimension, 0f);
    for (int row : rows) {
      for (int k = 0; k < dimension; k++) {
        into[at + k] += matrix[row * dimension + k];
      }
    }
    float scale = 1f / rows.length;
    for (int k = 0; k < dimension; k++) {
      into[at + k] *= scale;
    }
  }

  private static final class Worker extends SentenceWorker {
    private final float[] input;
    private final int[][] inputRows;
    private final int window;
    private final float[] hidden;

    Worker(Model model, int[] tokens, LearningRateSchedule schedule, AtomicLong wordsDone, Progress progress,
        long seed) {
      super(tokens, model.keep, model.output, model.noise, model.settings, model.kernels, schedule, wordsDone,
          progress, seed);
      this.input = model.input;
      this.inputRows = model.inputRows;
      this.window = model.settings.window();
      this.hidden = new float[dimension];
    }

    @Override
    void learn(int length, float learningRate) {
      for (int centre = 0; centre < length; centre++) {
        random = FastRandom.next(random);
        int span = window - FastRandom.below(random, window);
        int first = Math.max(0, centre - span);
        int last = Math.min(length - 1, centre + span);
        if (last == first) {
          continue;
        }
        int[] rows = inputRows[sentence[centre]];
        mean(input, rows, dimension, hidden, 0);
        Arrays.fill(gradient, 0f);
        for (int context = first; context <= last; context++) {
          if (context != centre) {
            negativeSampling(sentence[context], hidden, 0, learningRate);
          }
        }
        for (int row : rows) {
          for (int k = 0, at = row * dimension; k < dimension; k++) {
            input[at + k] += gradient[k];
          }
        }
      }
    }
  }
}

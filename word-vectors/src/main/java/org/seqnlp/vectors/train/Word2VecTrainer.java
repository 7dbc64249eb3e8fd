package org.seqnlp.vectors.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.kernels.VectorKernels;
import org.seqnlp.vectors.kernels.Vectorization;

/**
 * Trains word2vec vectors (Mikolov et al. 2013) with negative sampling, following the reference C
 * tool closely: sentences and frequent-word subsampling are {@link SentenceWorker}'s; each position
 * draws its window uniformly from 1 to the configured size; the learning rate decays linearly over all
 * words of all epochs; the context word's vector is the input and the centre word is predicted
 * against {@code negative} noise words drawn from the unigram distribution raised to 0.75.
 *
 * <p>Threads work lock-free on the shared float arrays (Hogwild), each over its own contiguous part
 * of the encoded corpus, with its own random generator, so with one thread a fixed seed reproduces
 * the vectors exactly. The output is the input-vector matrix, one row per vocabulary word, most
 * frequent first.
 */
public final class Word2VecTrainer {

  private final Word2VecSettings settings;
  private final VectorKernels kernels;

  /** @throws IllegalArgumentException when a setting is out of range ({@link Word2VecSettings#validate}) */
  public Word2VecTrainer(Word2VecSettings settings) {
    this(settings, Vectorization.kernels());
  }

  /** A trainer on the given kernels, so that tests can compare the SIMD and plain-Java ones. */
  Word2VecTrainer(Word2VecSettings settings, VectorKernels kernels) {
    this.settings = settings.validate();
    this.kernels = kernels;
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
    Model model = new Model(corpus.wordCounts(), settings, kernels);
    long totalWords = settings.epochs() * corpus.wordCount();
    int[] chunkStarts = chunkStarts(corpus.tokens(), settings.threads());
    AtomicLong wordsDone = new AtomicLong();
    String task = "training " + settings.architecture().name().toLowerCase(Locale.ROOT).replace('_', '-');
    try (Progress report = progress.start(task, totalWords, "words")) {
      Workers.run("word2vec", settings.threads(), worker -> new Worker(model, corpus.tokens(),
          new LearningRateSchedule(settings.learningRate(), totalWords), wordsDone, report,
          settings.seed() * 31 + worker).run(chunkStarts[worker], chunkStarts[worker + 1]));
    }
    return Divergence.requireFinite(new WordVectors(corpus.words(), settings.dimension(), model.input),
        settings.learningRate());
  }

  /**
   * Where each worker's part of the corpus begins (and, at index {@code threads}, where the last
   * ends): equal shares, moved forward to the next sentence start.
   */
  static int[] chunkStarts(int[] tokens, int threads) {
    int[] starts = new int[threads + 1];
    for (int worker = 1; worker < threads; worker++) {
      int start = Math.max(starts[worker - 1], (int) ((long) tokens.length * worker / threads));
      while (start > 0 && start < tokens.length && tokens[start - 1] != EncodedCorpus.SENTENCE_END) {
        start++;
      }
      starts[worker] = start;
    }
    starts[threads] = tokens.length;
    return starts;
  }

  /**
   * The probability that an occurrence of each word (of the given corpus counts) is kept by
   * subsampling with threshold {@code sample} (the word2vec formula), or 1 for every word when
   * {@code sample} is 0.
   */
  static float[] keepProbabilities(long[] counts, double sample) {
    float[] keep = new float[counts.length];
    double threshold = sample * java.util.Arrays.stream(counts).sum();
    for (int id = 0; id < keep.length; id++) {
      double count = counts[id];
      keep[id] = sample == 0 ? 1f : (float) ((Math.sqrt(count / threshold) + 1) * threshold / count);
    }
    return keep;
  }

  /** The parameters shared by all workers. */
  private static final class Model {
    final float[] input;
    final float[] output;
    final float[] keep;
    final NoiseDistribution noise;
    final Word2VecSettings settings;
    final VectorKernels kernels;

    Model(long[] counts, Word2VecSettings settings, VectorKernels kernels) {
      this.kernels = kernels;
      int dimension = settings.dimension();
      this.settings = settings;
      this.input = new float[Math.multiplyExact(counts.length, dimension)];
      this.output = new float[input.length];
      long random = settings.seed();
      for (int i = 0; i < input.length; i++) {
        random = FastRandom.next(random);
        input[i] = (FastRandom.unit(random) - 0.5f) / dimension;
      }
      this.keep = keepProbabilities(counts, settings.sample());
      this.noise = new NoiseDistribution(counts);
    }
  }

  private static final class Worker extends SentenceWorker {
    private final float[] input;
    private final int window;
    private final boolean skipGram;
    private final float[] hidden;

    Worker(Model model, int[] tokens, LearningRateSchedule schedule, AtomicLong wordsDone,
        Progress progress, long seed) {
      super(tokens, model.keep, model.output, model.noise, model.settings, model.kernels, schedule, wordsDone,
          progress, seed);
      this.input = model.input;
      this.window = model.settings.window();
      this.skipGram = model.settings.architecture() == Word2VecSettings.Architecture.SKIP_GRAM;
      this.hidden = new float[dimension];
    }

    @Override
    void learn(int length, float learningRate) {
      if (skipGram) {
        skipGram(length, learningRate);
      } else {
        cbow(length, learningRate);
      }
    }

    private void skipGram(int length, float learningRate) {
      for (int centre = 0; centre < length; centre++) {
        random = FastRandom.next(random);
        int span = window - FastRandom.below(random, window);
        int last = Math.min(length - 1, centre + span);
        for (int context = Math.max(0, centre - span); context <= last; context++) {
          if (context != centre) {
            int row = sentence[context] * dimension;
            negativeSampling(sentence[centre], input, row, learningRate, input, row);
          }
        }
      }
    }

    private void cbow(int length, float learningRate) {
      for (int centre = 0; centre < length; centre++) {
        random = FastRandom.next(random);
        int span = window - FastRandom.below(random, window);
        int first = Math.max(0, centre - span);
        int last = Math.min(length - 1, centre + span);
        if (last == first) {
          continue;
        }
        Arrays.fill(hidden, 0f);
        for (int context = first; context <= last; context++) {
          if (context != centre) {
            kernels.axpy(1, input, sentence[context] * dimension, hidden, 0, dimension);
          }
        }
        float scale = 1f / (last - first);
        for (int k = 0; k < dimension; k++) {
          hidden[k] *= scale;
        }
        Arrays.fill(gradient, 0f);
        negativeSampling(sentence[centre], hidden, 0, learningRate, gradient, 0);
        for (int context = first; context <= last; context++) {
          if (context != centre) {
            kernels.axpy(1, gradient, 0, input, sentence[context] * dimension, dimension);
          }
        }
      }
    }
  }
}

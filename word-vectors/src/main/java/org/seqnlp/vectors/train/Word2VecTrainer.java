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
 * tool closely: a sentence is a corpus line, cut every {@value #MAX_SENTENCE_LENGTH} kept words;
 * frequent words are subsampled; each position draws its window uniformly from 1 to the configured
 * size; the learning rate decays linearly over all words of all epochs; the context word's vector is
 * the input and the centre word is predicted against {@code negative} noise words drawn from the
 * unigram distribution raised to 0.75.
 *
 * <p>Threads work lock-free on the shared float arrays (Hogwild), each over its own contiguous part
 * of the encoded corpus, with its own random generator, so with one thread a fixed seed reproduces
 * the vectors exactly. The output is the input-vector matrix, one row per vocabulary word, most
 * frequent first.
 */
public final class Word2VecTrainer {

  static final int MAX_SENTENCE_LENGTH = 1000;
  /** How many words a worker processes between learning-rate and progress updates. */
  private static final int WORDS_PER_UPDATE = 10_000;

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

  /** Trains on {@code corpus}, reporting words per second through {@code progress}. */
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
    return new WordVectors(corpus.words(), settings.dimension(), model.input);
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

  private static final class Worker {
    private final float[] input;
    private final float[] output;
    private final float[] keep;
    private final NoiseDistribution noise;
    private final int[] tokens;
    private final int dimension;
    private final int window;
    private final int negative;
    private final int epochs;
    private final boolean skipGram;
    private final LearningRateSchedule schedule;
    private final AtomicLong wordsDone;
    private final Progress progress;
    private final int[] sentence = new int[MAX_SENTENCE_LENGTH];
    private final float[] hidden;
    private final float[] gradient;
    /** The output rows of one position's samples, the positive first, and their scores, then gradients. */
    private final int[] rows;
    private final float[] coefficients;
    private final VectorKernels kernels;
    private long random;

    Worker(Model model, int[] tokens, LearningRateSchedule schedule, AtomicLong wordsDone,
        Progress progress, long seed) {
      this.input = model.input;
      this.output = model.output;
      this.keep = model.keep;
      this.noise = model.noise;
      this.kernels = model.kernels;
      this.tokens = tokens;
      this.dimension = model.settings.dimension();
      this.window = model.settings.window();
      this.negative = model.settings.negative();
      this.epochs = model.settings.epochs();
      this.skipGram = model.settings.architecture() == Word2VecSettings.Architecture.SKIP_GRAM;
      this.schedule = schedule;
      this.wordsDone = wordsDone;
      this.progress = progress;
      this.hidden = new float[dimension];
      this.gradient = new float[dimension];
      this.rows = new int[negative + 1];
      this.coefficients = new float[negative + 1];
      this.random = seed;
    }

    void run(int start, int end) {
      long pending = 0;
      float learningRate = schedule.rate(wordsDone.get());
      for (int epoch = 0; epoch < epochs; epoch++) {
        int position = start;
        while (position < end) {
          int length = 0;
          int token;
          while (length < MAX_SENTENCE_LENGTH && (token = tokens[position]) != EncodedCorpus.SENTENCE_END) {
            position++;
            pending++;
            random = FastRandom.next(random);
            if (keep[token] >= FastRandom.unit(random)) {
              sentence[length++] = token;
            }
          }
          if (tokens[position] == EncodedCorpus.SENTENCE_END) {
            position++;
          }
          if (pending >= WORDS_PER_UPDATE) {
            learningRate = schedule.rate(wordsDone.addAndGet(pending));
            progress.advance(pending);
            pending = 0;
          }
          if (skipGram) {
            skipGram(length, learningRate);
          } else {
            cbow(length, learningRate);
          }
        }
      }
      wordsDone.addAndGet(pending);
      progress.advance(pending);
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

    /**
     * One positive and {@code negative} noise updates of the output vectors against the hidden vector
     * at {@code vectors[offset..]}, whose own gradient is added to {@code gradient[gradientOffset..]}
     * (which may be the hidden vector itself). All samples are drawn first, then scored in one pass
     * and updated in a second: the word2vec tool interleaves the two per sample, which differs only
     * when a noise word is drawn twice for one position.
     */
    private void negativeSampling(int word, float[] vectors, int offset, float learningRate, float[] gradient,
        int gradientOffset) {
      int count = 0;
      rows[count++] = word * dimension;
      for (int sample = 0; sample < negative; sample++) {
        long indexState = random = FastRandom.next(random);
        random = FastRandom.next(random);
        int target = noise.sample(indexState, random);
        if (target != word) {
          rows[count++] = target * dimension;
        }
      }
      kernels.dots(vectors, offset, output, rows, count, dimension, coefficients);
      coefficients[0] = SigmoidTable.gradient(coefficients[0], 1, learningRate);
      for (int i = 1; i < count; i++) {
        coefficients[i] = SigmoidTable.gradient(coefficients[i], 0, learningRate);
      }
      kernels.update(vectors, offset, output, rows, coefficients, count, dimension, gradient, gradientOffset);
    }
  }
}

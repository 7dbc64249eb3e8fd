package org.seqnlp.vectors.train;

import java.util.concurrent.atomic.AtomicLong;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.kernels.VectorKernels;

/**
 * One training thread's walk over its part of an encoded corpus, as the word2vec tool walks it: a
 * sentence is a corpus line, cut every {@value #MAX_SENTENCE_LENGTH} kept words; each occurrence of a
 * word is kept with its subsampling probability; the learning rate and the progress are updated every
 * {@value #WORDS_PER_UPDATE} words. What a sentence teaches is the subclass's {@link #learn}, with the
 * negative-sampling update every skip-gram and CBOW variant shares ({@link #negativeSampling}).
 */
abstract class SentenceWorker {

  static final int MAX_SENTENCE_LENGTH = 1000;
  /** How many words a worker processes between learning-rate and progress updates. */
  private static final int WORDS_PER_UPDATE = 10_000;

  /** The kept words of the current sentence, {@link #learn}'s {@code length} of them. */
  protected final int[] sentence = new int[MAX_SENTENCE_LENGTH];
  private final int[] tokens;
  private final float[] keep;
  private final int epochs;
  private final LearningRateSchedule schedule;
  private final AtomicLong wordsDone;
  private final Progress progress;
  /** The output vectors, one row per word, shared by all workers. */
  protected final float[] output;
  private final NoiseDistribution noise;
  private final int negative;
  protected final int dimension;
  /** The gradient of the hidden vector, summed by {@link #negativeSampling}; the subclass clears it. */
  protected final float[] gradient;
  /** The state of this worker's {@link FastRandom} generator, shared with the subclass. */
  protected long random;
  /** The SIMD or plain-Java kernels every vector operation of the worker runs on. */
  protected final VectorKernels kernels;
  /** The output rows of one position's samples, the positive first, and their scores, then gradients. */
  private final int[] rows;
  private final float[] coefficients;

  /**
   * @param keep the probability that an occurrence of each word is kept
   * @param settings the epochs, dimension and noise words per example
   * @param wordsDone the words all workers have processed, which sets the learning rate
   */
  SentenceWorker(int[] tokens, float[] keep, float[] output, NoiseDistribution noise, Word2VecSettings settings,
      VectorKernels kernels, LearningRateSchedule schedule, AtomicLong wordsDone, Progress progress, long seed) {
    this.tokens = tokens;
    this.keep = keep;
    this.output = output;
    this.noise = noise;
    this.negative = settings.negative();
    this.dimension = settings.dimension();
    this.gradient = new float[dimension];
    this.epochs = settings.epochs();
    this.schedule = schedule;
    this.wordsDone = wordsDone;
    this.progress = progress;
    this.random = seed;
    this.kernels = kernels;
    this.rows = new int[negative + 1];
    this.coefficients = new float[negative + 1];
  }

  /** Learns from the first {@code length} words of {@link #sentence}. */
  abstract void learn(int length, float learningRate);

  /** Every epoch, walks {@code tokens[start, end)}, which begins at a sentence start. */
  final void run(int start, int end) {
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
        learn(length, learningRate);
      }
    }
    wordsDone.addAndGet(pending);
    progress.advance(pending);
  }

  /** {@link #negativeSampling(int, float[], int, float, float[], int)} into {@link #gradient}. */
  protected final void negativeSampling(int word, float[] vectors, int offset, float learningRate) {
    negativeSampling(word, vectors, offset, learningRate, gradient, 0);
  }

  /**
   * One positive and {@code negative} noise updates of the output vectors against the hidden vector
   * at {@code vectors[offset..]}, whose own gradient is added to {@code gradient[gradientOffset..]}
   * (which may be the hidden vector itself). All samples are drawn first, then scored in one pass
   * and updated in a second: the word2vec tool interleaves the two per sample, which differs only
   * when a noise word is drawn twice for one position.
   */
  protected final void negativeSampling(int word, float[] vectors, int offset, float learningRate,
      float[] gradient, int gradientOffset) {
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

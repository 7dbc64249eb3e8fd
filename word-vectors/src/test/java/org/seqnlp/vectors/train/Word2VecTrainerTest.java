package org.seqnlp.vectors.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.kernels.Vectorization;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.vectors.train.Word2VecSettings.Architecture;

class Word2VecTrainerTest {

  private static final EncodedCorpus CORPUS = SyntheticCorpus.generate(2000, 7);

  /** 20 dimensions, window 3, no subsampling, 5 epochs, one thread, seed 1. */
  private static Word2VecSettings small(Architecture architecture) {
    return small(architecture, 5, 0, 1, 1);
  }

  private static Word2VecSettings small(Architecture architecture, int epochs, double sample, int threads,
      long seed) {
    return new Word2VecSettings(architecture, 20, 3, 5, sample, epochs, architecture.defaultLearningRate(),
        threads, seed);
  }

  private static float[] matrix(WordVectors vectors) {
    float[] values = new float[vectors.size() * vectors.dimension()];
    for (int row = 0; row < vectors.size(); row++) {
      System.arraycopy(vectors.vector(row), 0, values, row * vectors.dimension(), vectors.dimension());
    }
    return values;
  }

  @Test
  void aDivergedTrainingFailsRatherThanReturningVectorsOfNaN() {
    Word2VecSettings settings = new Word2VecSettings(Architecture.SKIP_GRAM, 20, 3, 5, 0, 5, 10, 1, 1);
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> new Word2VecTrainer(settings).train(SyntheticCorpus.generate(2000, 7), Progress::silent));
    assertTrue(error.getMessage().startsWith("training diverged: ")
        && error.getMessage().endsWith("train again with a learning rate below 10.0"), error.getMessage());
  }

  @Test
  void skipGramPlacesWordsOfOneTopicTogether() {
    WordVectors vectors = new Word2VecTrainer(small(Architecture.SKIP_GRAM)).train(CORPUS, Progress::silent);
    assertEquals(CORPUS.words().size(), vectors.size());
    assertEquals(CORPUS.vocabulary().size() - 1, vectors.size(), "<unk> is not exported");
    for (int row = 0; row < vectors.size(); row++) {
      assertEquals(CORPUS.vocabulary().token(row), vectors.word(row), "rows keep the frequency order");
    }
    assertTrue(TopicSeparation.margin(vectors) > 0.3, "margin " + TopicSeparation.margin(vectors));
  }

  @Test
  void cbowPlacesWordsOfOneTopicTogether() {
    WordVectors vectors = new Word2VecTrainer(small(Architecture.CBOW)).train(CORPUS, Progress::silent);
    assertTrue(TopicSeparation.margin(vectors) > 0.3, "margin " + TopicSeparation.margin(vectors));
  }

  @Test
  void severalThreadsLearnAsWell() {
    WordVectors vectors = new Word2VecTrainer(small(Architecture.SKIP_GRAM, 5, 0, 3, 1))
        .train(CORPUS, Progress::silent);
    assertTrue(TopicSeparation.margin(vectors) > 0.3, "margin " + TopicSeparation.margin(vectors));
  }

  @Test
  void plainJavaKernelsLearnAsTheSimdOnesDo() {
    for (Architecture architecture : Architecture.values()) {
      WordVectors plain = new Word2VecTrainer(small(architecture), Vectorization.scalar()).train(CORPUS,
          Progress::silent);
      WordVectors simd = new Word2VecTrainer(small(architecture), Vectorization.kernels()).train(CORPUS,
          Progress::silent);
      assertTrue(TopicSeparation.margin(plain) > 0.3, architecture + " margin " + TopicSeparation.margin(plain));
      assertEquals(TopicSeparation.margin(simd), TopicSeparation.margin(plain), 0.1, architecture.toString());
    }
  }

  @Test
  void oneThreadWithAFixedSeedIsDeterministic() {
    Word2VecSettings settings = small(Architecture.SKIP_GRAM, 1, 1e-2, 1, 1);
    float[] first = matrix(new Word2VecTrainer(settings).train(CORPUS, Progress::silent));
    float[] second = matrix(new Word2VecTrainer(settings).train(CORPUS, Progress::silent));
    float[] otherSeed = matrix(new Word2VecTrainer(small(Architecture.SKIP_GRAM, 1, 1e-2, 1, 2))
        .train(CORPUS, Progress::silent));
    assertArrayEquals(first, second);
    assertFalse(Arrays.equals(first, otherSeed));
  }

  @Test
  void progressCountsEveryWordOfEveryEpoch() {
    Progress[] opened = new Progress[1];
    new Word2VecTrainer(small(Architecture.SKIP_GRAM, 3, 0, 2, 1)).train(CORPUS,
        (task, total, unit) -> {
          assertEquals(3 * CORPUS.wordCount(), total);
          return opened[0] = Progress.silent(task, total, unit);
        });
    assertEquals(3 * CORPUS.wordCount(), opened[0].done());
  }

  @Test
  void subsamplingKeepsRareWordsAndThinsFrequentOnes() {
    long[] counts = {900_000, 99_000, 1_000};
    float[] keep = Word2VecTrainer.keepProbabilities(counts, 1e-3);
    // word2vec: (sqrt(f / t) + 1) * t / f with f the word's share of the corpus.
    assertEquals((Math.sqrt(0.9 / 1e-3) + 1) * 1e-3 / 0.9, keep[0], 1e-6);
    assertTrue(keep[0] < keep[1] && keep[1] < 1, Arrays.toString(keep));
    assertTrue(keep[2] >= 1, Arrays.toString(keep));
    float[] off = Word2VecTrainer.keepProbabilities(counts, 0);
    assertArrayEquals(new float[] {1, 1, 1}, off);
  }

  @Test
  void workersStartAtSentenceBoundaries() {
    int end = EncodedCorpus.SENTENCE_END;
    int[] tokens = {0, 1, 2, end, 3, end, 4, 5, 6, 7, end, 8, end};
    int[] starts = Word2VecTrainer.chunkStarts(tokens, 3);
    assertArrayEquals(new int[] {0, 4, 11, 13}, starts);
    assertArrayEquals(new int[] {0, 13}, Word2VecTrainer.chunkStarts(tokens, 1));
  }

  @Test
  void emptyCorpusIsRejected() {
    EncodedCorpus empty = new EncodedCorpus(Vocabulary.byFrequency(List.of(), new long[0]), new int[0]);
    Word2VecTrainer trainer = new Word2VecTrainer(Word2VecSettings.DEFAULTS);
    assertThrows(IllegalArgumentException.class, () -> trainer.train(empty, Progress::silent));
  }

  @Test
  void settingsOutOfRangeAreRejectedNamingTheSettingAndItsRange() {
    Word2VecSettings d = Word2VecSettings.DEFAULTS;
    assertRejected("Dimension must be in [1, 10000], not 0", new Word2VecSettings(d.architecture(), 0,
        d.window(), d.negative(), d.sample(), d.epochs(), d.learningRate(), d.threads(), d.seed()));
    assertRejected("Window must be in [1, 1000], not 1001", new Word2VecSettings(d.architecture(), d.dimension(),
        1001, d.negative(), d.sample(), d.epochs(), d.learningRate(), d.threads(), d.seed()));
    assertRejected("Negative must be in [1, 1000], not 0", new Word2VecSettings(d.architecture(), d.dimension(),
        d.window(), 0, d.sample(), d.epochs(), d.learningRate(), d.threads(), d.seed()));
    assertRejected("Sample must be in [0, 1], not -1.0", new Word2VecSettings(d.architecture(), d.dimension(),
        d.window(), d.negative(), -1, d.epochs(), d.learningRate(), d.threads(), d.seed()));
    assertRejected("Epochs must be in [1, 10000], not 0", new Word2VecSettings(d.architecture(), d.dimension(),
        d.window(), d.negative(), d.sample(), 0, d.learningRate(), d.threads(), d.seed()));
    assertRejected("LearningRate must be in (0, 10], not NaN", new Word2VecSettings(d.architecture(),
        d.dimension(), d.window(), d.negative(), d.sample(), d.epochs(), Double.NaN, d.threads(), d.seed()));
    assertRejected("Threads must be in [1, 256], not 0", new Word2VecSettings(d.architecture(), d.dimension(),
        d.window(), d.negative(), d.sample(), d.epochs(), d.learningRate(), 0, d.seed()));
  }

  private static void assertRejected(String message, Word2VecSettings settings) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new Word2VecTrainer(settings))
        .getMessage());
  }

  @Test
  void withSeedChangesTheSeedAlone() {
    Word2VecSettings d = Word2VecSettings.DEFAULTS;
    assertEquals(new Word2VecSettings(d.architecture(), d.dimension(), d.window(), d.negative(), d.sample(),
        d.epochs(), d.learningRate(), d.threads(), 42), d.withSeed(42));
  }

  @Test
  void defaultsAreTheWord2VecToolsWithTheLearningRateOfTheArchitecture() {
    assertEquals(new Word2VecSettings(Architecture.SKIP_GRAM, 100, 5, 5, 1e-4, 5, 0.025,
        Word2VecSettings.DEFAULTS.threads(), 1), Word2VecSettings.DEFAULTS.validate());
    assertEquals(Word2VecSettings.DEFAULTS, Word2VecSettings.defaults(Architecture.SKIP_GRAM));
    Word2VecSettings cbow = Word2VecSettings.defaults(Architecture.CBOW);
    assertEquals(Architecture.CBOW, cbow.architecture());
    assertEquals(0.05, cbow.learningRate());
    assertEquals(Word2VecSettings.DEFAULTS.epochs(), cbow.epochs());
  }
}

package org.seqnlp.vectors.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.RandomVectors;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.train.Word2VecSettings.Architecture;

class SubwordTrainerTest {

  private static final EncodedCorpus CORPUS = SyntheticCorpus.generate(2000, 7);
  private static final CharacterNgrams NGRAMS = new CharacterNgrams(3, 6, 5000);

  private static Word2VecSettings small(int threads, long seed) {
    return new Word2VecSettings(Architecture.SKIP_GRAM, 20, 3, 5, 0, 5, 0.025, threads, seed);
  }

  @Test
  void placesWordsOfOneTopicTogether() {
    WordVectors vectors = new SubwordTrainer(small(2, 1), NGRAMS).train(CORPUS, Progress::silent);
    assertEquals(CORPUS.words().size(), vectors.size());
    assertTrue(TopicSeparation.margin(vectors) > 0.3, "margin " + TopicSeparation.margin(vectors));
  }

  @Test
  void aWordsVectorIsTheMeanOfItsOwnRowAndItsNgramsRows() {
    WordVectors vectors = new SubwordTrainer(small(1, 1), NGRAMS).train(CORPUS, Progress::silent);
    assertEquals(NGRAMS, vectors.subwords().orElseThrow().ngrams());
    // An unseen plural shares most n-grams with its singular, so it lands among the singular's topic.
    float[] horses = vectors.vectorOf("horses");
    float[] horse = vectors.vectorOf("horse");
    double toHorse = TopicSeparation.cosine(horses, horse);
    for (String vehicle : SyntheticCorpus.VEHICLES) {
      assertTrue(toHorse > TopicSeparation.cosine(horses, vectors.vectorOf(vehicle)), vehicle);
    }
    assertTrue(toHorse > 0.5, "cosine " + toHorse);
    assertArrayEquals(vectors.vector(vectors.indexOf("horse")), horse);
  }

  @Test
  void oneThreadWithAFixedSeedIsDeterministic() {
    float[] first = RandomVectors.values(new SubwordTrainer(small(1, 1), NGRAMS).train(CORPUS, Progress::silent));
    float[] second = RandomVectors.values(new SubwordTrainer(small(1, 1), NGRAMS).train(CORPUS, Progress::silent));
    float[] otherSeed = RandomVectors.values(new SubwordTrainer(small(1, 2), NGRAMS)
        .train(CORPUS, Progress::silent));
    assertArrayEquals(first, second);
    assertFalse(Arrays.equals(first, otherSeed));
  }

  @Test
  void onlySkipGramAndArraysThatFitAreAccepted() {
    Word2VecSettings cbow = Word2VecSettings.defaults(Architecture.CBOW);
    assertEquals("subword vectors are trained with skip-gram, not CBOW",
        assertThrows(IllegalArgumentException.class, () -> new SubwordTrainer(cbow, NGRAMS)).getMessage());
    Word2VecSettings wide = new Word2VecSettings(Architecture.SKIP_GRAM, 10_000, 3, 5, 0, 1, 0.025, 1, 1);
    SubwordTrainer trainer = new SubwordTrainer(wide, new CharacterNgrams(3, 6, CharacterNgrams.MAX_BUCKETS));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> trainer.train(CORPUS, Progress::silent))
        .getMessage().endsWith("more values than one Java array holds; use fewer buckets"));
  }
}

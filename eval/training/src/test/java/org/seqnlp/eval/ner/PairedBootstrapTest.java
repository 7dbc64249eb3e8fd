package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

  /** Sentences of two entities each: a person at 0-2 and a location at 3-4. */
  private static final List<NameSample> SENTENCES = sentences(40);

  private static List<NameSample> sentences(int count) {
    List<NameSample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(new NameSample(new String[] {"John", "Smith", "visited", "Paris", "."},
          new Span[] {new Span(0, 2, "person"), new Span(3, 4, "location")}, false));
    }
    return samples;
  }

  /** Finds both entities in every sentence. */
  private static List<Span[]> allFound() {
    return SENTENCES.stream().map(NameSample::getNames).toList();
  }

  /** Finds the person in every sentence, and a wrong span for the location in every other one. */
  private static List<Span[]> personOnly() {
    List<Span[]> predictions = new ArrayList<>();
    for (int i = 0; i < SENTENCES.size(); i++) {
      predictions.add(i % 2 == 0 ? new Span[] {new Span(0, 2, "person")}
          : new Span[] {new Span(0, 2, "person"), new Span(2, 4, "location")});
    }
    return predictions;
  }

  @Test
  void identicalPredictionsGiveAnIntervalOfZero() {
    SentenceCounts counts = SentenceCounts.of(SENTENCES, personOnly());
    F1Difference difference = PairedBootstrap.f1Difference(counts, counts, 1000, 1);
    assertEquals(0, difference.observed());
    assertEquals(0, difference.lower());
    assertEquals(0, difference.upper());
    assertEquals(1, difference.shareAtMostZero(), "every resample ties");
    assertEquals(1000, difference.resamples());
  }

  @Test
  void aSystemBetterOnEverySentenceHasAnIntervalAboveZero() {
    SentenceCounts baseline = SentenceCounts.of(SENTENCES, personOnly());
    SentenceCounts system = SentenceCounts.of(SENTENCES, allFound());
    F1Difference difference = PairedBootstrap.f1Difference(baseline, system, 1000, 1);
    // Baseline: 40 of 80 entities found with 60 predictions, F1 = 2 * 40 / (60 + 80); the system finds all.
    assertEquals(1 - 80.0 / 140, difference.observed(), 1e-12);
    assertTrue(difference.lower() > 0, "lower end " + difference.lower());
    assertTrue(difference.lower() <= difference.observed() && difference.observed() <= difference.upper(),
        difference.toString());
    assertEquals(0, difference.shareAtMostZero());
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    SentenceCounts baseline = SentenceCounts.of(SENTENCES, personOnly());
    SentenceCounts system = SentenceCounts.of(SENTENCES, allFound());
    assertEquals(PairedBootstrap.f1Difference(baseline, system, 200, 7),
        PairedBootstrap.f1Difference(baseline, system, 200, 7));
  }

  @Test
  void sentenceCountsMustAlign() {
    SentenceCounts all = SentenceCounts.of(SENTENCES, allFound());
    SentenceCounts fewer = SentenceCounts.of(SENTENCES.subList(0, 3), allFound().subList(0, 3));
    assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.f1Difference(all, fewer, 10, 1));
  }

  @Test
  void sentenceF1EqualsTheScorersF1() {
    List<Span[]> predictions = personOnly();
    int[] all = new int[SENTENCES.size()];
    java.util.Arrays.setAll(all, i -> i);
    NameFinderTagging.Run run = new NameFinderTagging.Run(predictions, new Throughput(1, 1));
    assertEquals(run.scores(SENTENCES).overall().f1(), SentenceCounts.of(SENTENCES, predictions).f1(all), 1e-12);
  }
}

package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderEvaluator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.eval.FMeasure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.EntityScores;

/** A NameFinderME model tagged and scored as eval-ner and compare-ner do. */
class NameFinderTaggingTest {

  @TempDir
  static Path directory;

  private static List<NameSample> test;
  private static TokenNameFinderModel nameFinderMe;

  @BeforeAll
  static void trainNameFinderMe() throws IOException {
    List<NameSample> train = ConllFixtures.samples(ConllFixtures.conllFile(directory.resolve("train.txt"),
        40, 1));
    test = new ArrayList<>();
    // Every other sentence lowercased, so that NameFinderME makes mistakes and the scores are not trivially 1.
    for (NameSample sample : ConllFixtures.samples(ConllFixtures.conllFile(directory.resolve("test.txt"),
        60, 2))) {
      test.add(test.size() % 2 == 0 ? sample : new NameSample(Arrays.stream(sample.getSentence())
          .map(token -> token.toLowerCase(Locale.ROOT)).toArray(String[]::new), sample.getNames(), false));
    }
    nameFinderMe = ConllFixtures.nameFinderMe(train);
  }

  @Test
  void scoresAgreeWithOpenNlpsEvaluatorOnNameFinderMePredictions() throws IOException {
    EntityScores scores = NameFinderTagging.find(nameFinderMe, test, 1, "tagging").scores(test);
    TokenNameFinderEvaluator evaluator = new TokenNameFinderEvaluator(new NameFinderME(nameFinderMe));
    evaluator.evaluate(ObjectStreamUtils.createObjectStream(test));
    FMeasure expected = evaluator.getFMeasure();
    assertTrue(expected.getFMeasure() > 0 && expected.getFMeasure() < 1, "a non-trivial case: " + expected);
    assertEquals(expected.getPrecisionScore(), scores.overall().precision(), 1e-12);
    assertEquals(expected.getRecallScore(), scores.overall().recall(), 1e-12);
    assertEquals(expected.getFMeasure(), scores.overall().f1(), 1e-12);
  }

  @Test
  void everyRoundTagsTheWholeSetAndTheLastIsReported() {
    NameFinderTagging.Run run = NameFinderTagging.find(nameFinderMe, test, 3, "tagging");
    assertEquals(test.size(), run.predictions().size());
    assertEquals(test.stream().mapToLong(sample -> sample.getSentence().length).sum(), run.throughput().tokens());
    assertTrue(run.throughput().tokensPerSecond() > 0);
  }

  @Test
  void aSecondPassTagsEachDocumentAgainWithWhatTheFirstLeftInTheFinder() {
    List<opennlp.tools.util.Span[]> expected = new ArrayList<>();
    NameFinderME finder = new NameFinderME(nameFinderMe);
    for (List<NameSample> document : DataSet.documents(test)) {
      finder.clearAdaptiveData();
      document.forEach(sample -> finder.find(sample.getSentence()));
      document.forEach(sample -> expected.add(finder.find(sample.getSentence())));
    }
    NameFinderTagging.Run run = NameFinderTagging.find(nameFinderMe, test, 1, 2, "tagging");
    assertEquals(expected.size(), run.predictions().size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), run.predictions().get(i), "sentence " + i);
    }
    assertEquals(test.stream().mapToLong(sample -> sample.getSentence().length).sum(), run.throughput().tokens());
  }
}

package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.seqnlp.eval.ner.NerComparison.Comparison;
import org.seqnlp.eval.ner.NerComparison.ModelResult;
import org.seqnlp.eval.ner.NerComparison.TestSetResult;
import org.seqnlp.opennlp.namefind.EntityScores;

class ComparisonReportTest {

  private static final NameSample SENTENCE = new NameSample(new String[] {"John", "Smith", "visited", "Paris", "."},
      new Span[] {new Span(0, 2, "person"), new Span(3, 4, "location")}, false);
  private static final DataSet TRAIN = new DataSet(Path.of("data", "train.txt"), List.of(SENTENCE, SENTENCE));
  private static final DataSet TEST = new DataSet(Path.of("data", "test.txt"), List.of(SENTENCE));

  private static EntityScores scores(Span... predicted) {
    EntityScores scores = new EntityScores();
    scores.add(SENTENCE.getNames(), predicted);
    return scores;
  }

  private static String report(NamedModel ours) {
    return report(ours, ScoredTypes.ALL);
  }

  private static String report(NamedModel ours, ScoredTypes types) {
    NamedModel nameFinderMe = new NamedModel(NameFinderTraining.NAME_FINDER_ME, null, "trained in this run",
        OptionalDouble.of(58.1), true);
    ModelResult baseline = new ModelResult(scores(new Span(0, 2, "person")), new Throughput(50_000, 1), Optional.empty());
    ModelResult ourResult = new ModelResult(scores(SENTENCE.getNames()), new Throughput(10_000, 1),
        Optional.of(new Throughput(20_000, 1)));
    Comparison comparison = new Comparison(TRAIN, nameFinderMe, ours,
        new NerComparison.Settings(3, 2, 1000, 1, types),
        List.of(new TestSetResult(TEST, baseline, ourResult, new F1Difference(1.0 / 3, 0.25, 0.4, 0.001, 1000))));
    return new ComparisonReport(comparison, "seqnlp compare-ner --train data/train.txt --test data/test.txt",
        ZonedDateTime.of(2026, 11, 27, 9, 30, 0, 0, ZoneOffset.UTC)).markdown();
  }

  private static NamedModel oursTrained() {
    return new NamedModel(NameFinderTraining.BILSTM_CRF, null, "trained in this run with Epochs=3",
        OptionalDouble.of(812.25), true);
  }

  /** The cells of the table row that starts with {@code prefix}. */
  private static List<String> row(String markdown, String prefix) {
    String line = markdown.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
        new AssertionError("no row " + prefix + " in\n" + markdown));
    return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
  }

  @Test
  void headerNamesTheCommandDateDataAndModels() {
    String markdown = report(oursTrained());
    for (String expected : List.of("Produced on 2026-11-27 09:30 UTC by",
        "```\nseqnlp compare-ner --train data/train.txt --test data/test.txt\n```",
        "- Training data: `train.txt` (2 sentences, 10 tokens, 4 entities)",
        "- Test data: `test.txt` (1 sentences, 5 tokens, 2 entities)",
        "- OpenNLP NameFinderME: trained in this run",
        "- BiLSTM-CRF (ours): trained in this run with Epochs=3",
        "1,000 resamples, seed 1")) {
      assertTrue(markdown.contains(expected), expected + " in\n" + markdown);
    }
  }

  @Test
  void theTypesScoredAreNamedWhenNotAll() {
    assertFalse(report(oursTrained()).contains("Types scored"));
    assertTrue(report(oursTrained(), ScoredTypes.parse("person,corporation=organization"))
        .contains("- Types scored: person, organization (`--score-types`"));
  }

  @Test
  void resultsTableHasEveryColumnForBothModels() {
    String markdown = report(oursTrained());
    assertEquals(List.of("test set", "model", "precision", "recall", "F1", "F1 difference [95% CI]",
        "resamples with difference ≤ 0", "tokens/s, 1 thread", "tokens/s, batched (2 threads)", "training time"),
        row(markdown, "| test set | model |"));
    assertEquals(List.of("test.txt", "OpenNLP NameFinderME", "100.00", "50.00", "66.67", "–", "–", "50,000", "–",
        "58.1 s"), row(markdown, "| test.txt | OpenNLP NameFinderME |"));
    assertEquals(List.of("test.txt", "BiLSTM-CRF (ours)", "100.00", "100.00", "100.00", "+33.33 [+25.00, +40.00]",
        "0.001", "10,000", "20,000", "812.3 s"), row(markdown, "| test.txt | BiLSTM-CRF (ours) |"));
  }

  @Test
  void perTypeTableHasPrecisionRecallAndF1OfBothModels() {
    String markdown = report(oursTrained());
    assertEquals(List.of("test set", "type", "entities", "OpenNLP NameFinderME P", "R", "F1", "BiLSTM-CRF (ours) P",
        "R", "F1"), row(markdown, "| test set | type |"));
    assertEquals(List.of("test.txt", "location", "1", "0.00", "0.00", "0.00", "100.00", "100.00", "100.00"),
        row(markdown, "| test.txt | location |"));
    assertEquals(List.of("test.txt", "person", "1", "100.00", "100.00", "100.00", "100.00", "100.00", "100.00"),
        row(markdown, "| test.txt | person |"));
  }

  @Test
  void aLoadedModelIsNeverReportedAsTrainedInThisRun() {
    NamedModel recorded = new NamedModel(NameFinderTraining.BILSTM_CRF, null, "loaded from en-ner.bin",
        OptionalDouble.of(809), false);
    assertEquals("809.0 s (recorded in the loaded model)", row(report(recorded), "| test.txt | BiLSTM-CRF").get(9));
    NamedModel unrecorded = new NamedModel(NameFinderTraining.BILSTM_CRF, null, "loaded from en-ner.bin",
        OptionalDouble.empty(), false);
    assertEquals("not recorded (loaded)", row(report(unrecorded), "| test.txt | BiLSTM-CRF").get(9));
  }
}

package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.EntityScores;
import org.seqnlp.opennlp.models.OpenNlpModelJars;

/** The raw-text evaluation with the shipped English model on synthetic CoNLL documents. */
class RawTextEvaluationTest {

  @TempDir
  Path directory;

  private List<NameSample> samples() throws IOException {
    return ConllFixtures.samples(ConllFixtures.conllFile(directory.resolve("test.txt"), 30, 3));
  }

  @Test
  void documentsStartWhereAdaptiveDataIsCleared() {
    NameSample first = new NameSample(new String[] {"a"}, new Span[0], false);
    NameSample second = new NameSample(new String[] {"b"}, new Span[0], true);
    NameSample third = new NameSample(new String[] {"c"}, new Span[0], false);
    assertEquals(List.of(List.of(first), List.of(second, third)),
        DataSet.documents(List.of(first, second, third)));
  }

  @Test
  void goldTokensScoreAsTokenLevelTaggingDoesAndEverySettingIsScored() throws IOException {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    TokenNameFinderModel model = new TokenNameFinderModel(Path.of("../models/ner/en-ner.bin"));
    List<NameSample> samples = samples();
    List<RawTextEvaluation.Result> results = new RawTextEvaluation(model, OpenNlpModelJars.sentenceModel("en"),
        OpenNlpModelJars.tokenizerModel("en")).evaluate(samples);
    assertEquals(RawTextEvaluation.Setting.values().length, results.size());

    EntityScores tokenLevel = NameFinderTagging.find(model, samples, 1, "tagging").scores(samples);
    RawTextEvaluation.Result gold = results.get(0);
    assertEquals(RawTextEvaluation.Setting.GOLD_TOKENS, gold.setting());
    assertEquals(tokenLevel.overall().truePositives(), gold.scores().overall().truePositives());
    assertEquals(tokenLevel.overall().predicted(), gold.scores().overall().predicted());
    assertEquals(tokenLevel.overall().reference(), gold.scores().overall().reference());
    assertEquals(gold.scores().overall().reference(), gold.reachableEntities());
    assertEquals(samples.size(), gold.sentences());
    for (RawTextEvaluation.Result result : results) {
      assertEquals(gold.scores().overall().reference(), result.scores().overall().reference());
      assertTrue(result.scores().overall().f1() > 0.5, result.setting() + " " + result.scores().format());
    }
  }
}

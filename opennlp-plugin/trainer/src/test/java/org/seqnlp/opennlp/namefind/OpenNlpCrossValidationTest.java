package org.seqnlp.opennlp.namefind;

import org.seqnlp.opennlp.namefind.training.TrainingSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import opennlp.tools.cmdline.namefind.TokenNameFinderCrossValidatorTool;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderCrossValidator;
import opennlp.tools.namefind.TokenNameFinderEvaluationMonitor;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.eval.FMeasure;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;

/**
 * OpenNLP's own cross-validation, {@code TokenNameFinderCrossValidator} and its command-line tool, trains
 * and scores our model in every fold when the training parameters name our trainer, as the README tells
 * users to do for {@code TokenNameFinderTrainer}.
 */
class OpenNlpCrossValidationTest {

  /** Sentences a document: the cross validator splits folds at document starts. */
  private static final int DOCUMENT_SENTENCES = 5;
  private static final int SENTENCES = 100;

  @TempDir
  Path directory;

  @BeforeAll
  static void allowOurPackage() {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
  }

  /** The tests' tiny model, fewer epochs than the shared one: each fold trains its own. */
  private static TrainingParameters parameters(Path checkpoint) {
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(TrainingSettings.EPOCHS, 6);
    parameters.put(TrainingSettings.CHECKPOINT, checkpoint.toString());
    return parameters;
  }

  private static List<NameSample> documents() {
    List<NameSample> samples = new ArrayList<>();
    for (NameSample sample : SyntheticNames.samples(SENTENCES, 5)) {
      samples.add(new NameSample(sample.getSentence(), sample.getNames(),
          samples.size() % DOCUMENT_SENTENCES == 0));
    }
    return samples;
  }

  /**
   * Checks that every prediction the evaluator sees is what our network tags. Without development data
   * our trainer writes each epoch's network to the checkpoint, so after a fold's training the checkpoint
   * holds that fold's final network, the one its model tags with.
   */
  private static final class OurNetworkCheck implements TokenNameFinderEvaluationMonitor {
    private final Path checkpoint;
    private byte[] network = new byte[0];
    private NameFinderME finder;
    private int networks;
    private int sentences;

    OurNetworkCheck(Path checkpoint) {
      this.checkpoint = checkpoint;
    }

    @Override
    public void correctlyClassified(NameSample reference, NameSample prediction) {
      check(reference, prediction);
    }

    @Override
    public void misclassified(NameSample reference, NameSample prediction) {
      check(reference, prediction);
    }

    private void check(NameSample reference, NameSample prediction) {
      try {
        byte[] current = Files.readAllBytes(checkpoint);
        if (!Arrays.equals(current, network)) {
          network = current;
          finder = new NameFinderME(new BiLstmCrfSequenceModel(BiLstmCrfNetworkFormat.read(
              new ByteArrayInputStream(current), checkpoint.toString())).toNameFinderModel("eng"));
          networks++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Span[] expected = finder.find(reference.getSentence());
      assertArrayEquals(expected, prediction.getNames(), Arrays.toString(reference.getSentence()));
      sentences++;
    }
  }

  @Test
  void crossValidatorTrainsAndScoresOurModelInEveryFold() throws IOException {
    Path checkpoint = directory.resolve("fold.checkpoint");
    OurNetworkCheck check = new OurNetworkCheck(checkpoint);
    TokenNameFinderCrossValidator validator = new TokenNameFinderCrossValidator("eng", null, parameters(checkpoint),
        new TokenNameFinderFactory(), check);
    validator.evaluate(ObjectStreamUtils.createObjectStream(documents()), 2);

    FMeasure measure = validator.getFMeasure();
    assertTrue(measure.getFMeasure() > 0.5, measure.toString());
    assertEquals(2, check.networks, "one network per fold");
    assertEquals(SENTENCES, check.sentences, "every sentence tested once, by our network");
  }

  @Test
  void crossValidatorToolRunsWithAParamsFileNamingOurTrainer() throws IOException {
    Path checkpoint = directory.resolve("tool.checkpoint");
    // The params file the README documents: Algorithm names our trainer, our settings beside it.
    Path params = Files.write(directory.resolve("bilstm.properties"), parameters(checkpoint).getObjectSettings()
        .entrySet().stream().map(setting -> setting.getKey() + "=" + setting.getValue()).toList());
    Path report = directory.resolve("report.txt");
    new TokenNameFinderCrossValidatorTool().run("conll03", new String[] {"-lang", "eng", "-types", "per,loc,org",
        "-data", conll03(documents()).toString(), "-folds", "2", "-params", params.toString(),
        "-reportOutputFile", report.toString()});

    assertTrue(Files.exists(checkpoint), "our trainer trained the folds");
    String text = Files.readString(report);
    assertTrue(text.contains("F-Measure"), text);
    assertTrue(Pattern.compile("Number of sentences:\\s+" + SENTENCES + "\\b").matcher(text).find(),
        "every sentence evaluated across the folds: " + text);
  }

  /** Writes samples as a CoNLL-2003 file (IOB2 tags), a {@code -DOCSTART-} line at each document start. */
  private Path conll03(List<NameSample> samples) throws IOException {
    List<String> lines = new ArrayList<>();
    for (NameSample sample : samples) {
      if (sample.isClearAdaptiveDataSet()) {
        lines.addAll(List.of("-DOCSTART- -X- O O", ""));
      }
      String[] tags = new String[sample.getSentence().length];
      Arrays.fill(tags, "O");
      for (Span name : sample.getNames()) {
        String type = name.getType().substring(0, 3).toUpperCase(Locale.ROOT); // PER, LOC, ORG
        for (int i = name.getStart(); i < name.getEnd(); i++) {
          tags[i] = (i == name.getStart() ? "B-" : "I-") + type;
        }
      }
      for (int i = 0; i < tags.length; i++) {
        lines.add(sample.getSentence()[i] + " NNP I-NP " + tags[i]);
      }
      lines.add("");
    }
    return Files.write(directory.resolve("names.conll"), lines, StandardCharsets.UTF_8);
  }
}

package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;

/** Training inputs that are wrong fail before the training, naming what is wrong. */
class TrainingInputChecksTest {

  @TempDir
  Path directory;

  @BeforeAll
  static void allowTheTrainer() {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
  }

  private static Exception trainingFailure(TrainingParameters parameters, List<NameSample> samples) {
    return assertThrows(Exception.class, () -> NameFinderME.train("eng", null,
        ObjectStreamUtils.createObjectStream(samples), parameters, new TokenNameFinderFactory()));
  }

  @Test
  void aCheckpointThatCannotBeWrittenFailsBeforeTheFirstEpoch() {
    Path checkpoint = directory.resolve("missing").resolve("x.bin");
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(TrainingSettings.CHECKPOINT, checkpoint.toString());
    Exception e = trainingFailure(parameters, SyntheticNames.samples(5, 1));
    assertEquals(IOException.class, e.getClass());
    assertEquals("Checkpoint: " + checkpoint + ": its directory " + checkpoint.getParent() + " does not exist",
        e.getMessage());
  }

  @Test
  void aMissingDevelopmentFileFailsBeforeTheVectorsAreRead() {
    Path dev = directory.resolve("dev.txt");
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA, dev.toString());
    parameters.put(BiLstmCrfSequenceTrainer.WORD_VECTORS, directory.resolve("vectors.bin").toString());
    Exception e = trainingFailure(parameters, SyntheticNames.samples(5, 1));
    assertEquals(dev.toString(), ((java.nio.file.NoSuchFileException) e).getFile());
  }

  @Test
  void anEmptyTokenNamesItsSampleAndPosition() {
    List<NameSample> samples = new ArrayList<>(SyntheticNames.samples(3, 1));
    samples.add(new NameSample(new String[] {"Anna", "", "left"}, new Span[] {new Span(0, 1, "person")}, false));
    Exception e = trainingFailure(SyntheticNames.parameters(), samples);
    assertEquals("name sample 4, token 2: an empty token, which the name finder cannot learn from", e.getMessage());
  }
}

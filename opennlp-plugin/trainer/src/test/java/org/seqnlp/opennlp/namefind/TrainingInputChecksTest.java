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

  /** OpenNLP itself refuses such a model only once every epoch has run. */
  @Test
  void samplesWithoutANameFailBeforeTheFirstEpoch() {
    List<NameSample> unnamed = new ArrayList<>();
    for (NameSample sample : SyntheticNames.samples(5, 1)) {
      unnamed.add(new NameSample(sample.getSentence(), new Span[0], false));
    }
    Exception e = trainingFailure(SyntheticNames.parameters(), unnamed);
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertEquals("the training samples hold no names (5 sentences), so there is nothing to learn; are they read in"
        + " the right format?", e.getMessage());
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
  void aCheckpointThatIsAnInputFailsBeforeItIsWrittenOver() throws IOException {
    Path dev = java.nio.file.Files.writeString(directory.resolve("dev.txt"), "Anna B-PER\nleft O\n\n");
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA, dev.toString());
    parameters.put(TrainingSettings.CHECKPOINT, dev.toString());
    Exception e = trainingFailure(parameters, SyntheticNames.samples(5, 1));
    assertEquals("Checkpoint: " + dev + ": is also an input (" + dev + "); writing it would destroy the input",
        e.getMessage());
    assertEquals("Anna B-PER\nleft O\n\n", java.nio.file.Files.readString(dev));
  }

  @Test
  void developmentDataWithoutATrainedTypeFailsBeforeTraining() throws IOException {
    Path dev = java.nio.file.Files.writeString(directory.resolve("dev.txt"), "Anna B-FOO\nleft O\n\n");
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA, dev.toString());
    Exception e = trainingFailure(parameters, SyntheticNames.samples(5, 1));
    assertEquals("DevData " + dev + ": its names are of the types [foo], none of which the training data has"
        + " ([location, organization, person]), so every epoch would score 0", e.getMessage());
  }

  @Test
  void aTokenLongerThanAModelStoresFailsBeforeTraining() {
    List<NameSample> samples = new ArrayList<>(SyntheticNames.samples(3, 1));
    samples.add(new NameSample(new String[] {"Anna", "y".repeat(1_100_000)}, new Span[] {new Span(0, 1, "person")},
        false));
    Exception e = trainingFailure(SyntheticNames.parameters(), samples);
    assertEquals("name sample 4, token 2: a token of 1,100,000 bytes ('yyyyyyyyyyyyyyyyyyyy...') is longer than the"
        + " 1,048,576 bytes a model stores", e.getMessage());
  }

  /** Without "other", the runtime would refuse the model: every token would be part of a name. */
  @Test
  void dataOfNamesAloneTrainsAModelThatLoads() throws IOException {
    List<NameSample> names = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      names.add(new NameSample(new String[] {"John", "Smith"}, new Span[] {new Span(0, 2, "person")}, false));
    }
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(TrainingSettings.EPOCHS, 1);
    opennlp.tools.namefind.TokenNameFinderModel model = NameFinderME.train("eng", null,
        ObjectStreamUtils.createObjectStream(names), parameters, new TokenNameFinderFactory());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    model.serialize(bytes);
    assertEquals(List.of("other", "person-cont", "person-start"), List.of(NameFinderModels.load(bytes.toByteArray(),
        "names.bin").getNameFinderSequenceModel().getOutcomes()));
  }

  @Test
  void anEmptyTokenNamesItsSampleAndPosition() {
    List<NameSample> samples = new ArrayList<>(SyntheticNames.samples(3, 1));
    samples.add(new NameSample(new String[] {"Anna", "", "left"}, new Span[] {new Span(0, 1, "person")}, false));
    Exception e = trainingFailure(SyntheticNames.parameters(), samples);
    assertEquals("name sample 4, token 2: an empty token, which the name finder cannot learn from", e.getMessage());
  }
}

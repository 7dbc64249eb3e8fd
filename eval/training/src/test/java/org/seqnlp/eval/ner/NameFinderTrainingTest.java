package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NameFinderME side of compare-ner is trained as OpenNLP's command-line trainer trains it. */
class NameFinderTrainingTest {

  @TempDir
  Path directory;

  @Test
  void nameFinderMeIsTrainedWithTheCommandLineDefaults() throws IOException {
    NamedModel nameFinderMe = NameFinderTraining.nameFinderMe("eng",
        ConllFixtures.samples(ConllFixtures.conllFile(directory.resolve("train.txt"), 40, 1)));
    assertTrue(nameFinderMe.origin().contains("Algorithm=PERCEPTRON, Cutoff=0, Iterations=300"), nameFinderMe.origin());
    assertTrue(nameFinderMe.trainedInThisRun());
    assertTrue(nameFinderMe.trainingSeconds().isPresent());
    assertTrue(nameFinderMe.biLstmCrf().isEmpty());
  }
}

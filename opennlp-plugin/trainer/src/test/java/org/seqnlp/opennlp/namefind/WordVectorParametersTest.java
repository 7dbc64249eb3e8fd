package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

class WordVectorParametersTest {

  @TempDir
  Path directory;

  @Test
  void subwordVectorsNeedAFileWithNgramVectors() throws IOException {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    Path plain = directory.resolve("plain.bin");
    VectorFiles.write(new WordVectors(List.of("paris"), 2, new float[] {1, 0}), plain,
        VectorFormat.WORD2VEC_BINARY);
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(BiLstmCrfSequenceTrainer.WORD_VECTORS, plain.toString());
    parameters.put(BiLstmCrfSequenceTrainer.SUBWORD_VECTORS, true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NameFinderME.train("eng", null,
        ObjectStreamUtils.createObjectStream(SyntheticNames.samples(5, 1)), parameters,
        new TokenNameFinderFactory()));
    assertEquals("SubwordVectors=true needs n-gram vectors, which " + plain + " does not hold: train it with"
        + " train-vectors --subwords, in the seqnlp format", e.getMessage());

    TrainingParameters withoutFile = SyntheticNames.parameters();
    withoutFile.put(BiLstmCrfSequenceTrainer.SUBWORD_VECTORS, true);
    assertThrows(IllegalArgumentException.class, () -> NameFinderME.train("eng", null,
        ObjectStreamUtils.createObjectStream(SyntheticNames.samples(5, 1)), withoutFile,
        new TokenNameFinderFactory()));
  }

  @Test
  void frozenVectorsNeedVectors() {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(TrainingSettings.FREEZE_VECTORS, true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NameFinderME.train("eng", null,
        ObjectStreamUtils.createObjectStream(SyntheticNames.samples(5, 1)), parameters,
        new TokenNameFinderFactory()));
    assertEquals("FreezeVectors=true needs WordVectors, the vectors to keep", e.getMessage());
  }
}

package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seqnlp.eval.ir.CollectionVectors.TrainingText.ANALYSED;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.train.Word2VecSettings;

class IrExperimentSettingsTest {

  private static final List<StandardCollection> TWO = List.of(StandardCollection.MED, StandardCollection.CISI);

  private static IrExperiment.Settings settings(List<StandardCollection> collections, int ensemble) {
    return new IrExperiment.Settings(Path.of("data"), null, collections, grid(), true, Word2VecSettings.DEFAULTS, 3,
        ensemble, ANALYSED, false, null, 1, Stemming.NONE);
  }

  private static List<QuerySettings> grid() {
    return List.of(new QuerySettings(new ExpansionSettings(1, 0.9f, 0.5f), SynonymQueryStyle.AS_DISTINCT_TERMS));
  }

  @Test
  void refusesWhatCannotRunBeforeAnyWork() {
    assertEquals(3, settings(TWO, 3).trainingEnsemble());
    assertEquals("an ensemble needs at least one training, got 0",
        assertThrows(IllegalArgumentException.class, () -> settings(TWO, 0)).getMessage());
    assertEquals("cross-validation needs at least two collections",
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(StandardCollection.MED), 3)).getMessage());
  }

  @Test
  void theEnsembleIsNotCheckedWhenNoOwnVectorsAreTrained() {
    IrExperiment.Settings general = new IrExperiment.Settings(Path.of("data"), Path.of("general.bin"), TWO, grid(),
        false, Word2VecSettings.DEFAULTS, 3, 0, ANALYSED, false, null, 1, Stemming.NONE);
    assertEquals(0, general.trainingEnsemble());
  }

  @Test
  void joiningNeedsBothVectorSets() {
    String message = "joining needs both the general vectors and own vectors";
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new IrExperiment.Settings(
        Path.of("data"), null, TWO, grid(), true, Word2VecSettings.DEFAULTS, 3, 3, ANALYSED, true, null, 1,
        Stemming.NONE))
        .getMessage());
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new IrExperiment.Settings(
        Path.of("data"), Path.of("general.bin"), TWO, grid(), false, Word2VecSettings.DEFAULTS, 3, 3, ANALYSED, true,
        null, 1, Stemming.NONE)).getMessage());
    assertEquals(true, new IrExperiment.Settings(Path.of("data"), Path.of("general.bin"), TWO, grid(), true,
        Word2VecSettings.DEFAULTS, 3, 3, ANALYSED, true, null, 1, Stemming.NONE).joinGeneral());
  }
}

package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.train.Word2VecSettings;

class IrExperimentSettingsTest {

  private static IrExperiment.Settings settings(List<StandardCollection> collections, int ensemble) {
    return new IrExperiment.Settings(Path.of("data"), null, collections,
        List.of(new QuerySettings(new ExpansionSettings(1, 0.9f, 0.5f), SynonymQueryStyle.AS_DISTINCT_TERMS)), true,
        Word2VecSettings.DEFAULTS, 3, ensemble, null, 1);
  }

  @Test
  void refusesWhatCannotRunBeforeAnyWork() {
    List<StandardCollection> two = List.of(StandardCollection.MED, StandardCollection.CISI);
    assertEquals(3, settings(two, 3).trainingEnsemble());
    assertEquals("an ensemble needs at least one training, got 0",
        assertThrows(IllegalArgumentException.class, () -> settings(two, 0)).getMessage());
    assertEquals("cross-validation needs at least two collections",
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(StandardCollection.MED), 3)).getMessage());
  }
}

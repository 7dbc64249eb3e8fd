package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BiLstmCrfSequenceTrainerTest {

  @Test
  void developmentDataIsScoredOnTheTypesOfTheTrainingOutcomes() {
    // As OpenNLP's -types per trains: a dev file's locations must not count as misses.
    assertEquals(Set.of("person"), BiLstmCrfSequenceTrainer.typesOf(List.of("other", "person-start", "person-cont")));
    assertEquals(Set.of("person", "misc-x"), BiLstmCrfSequenceTrainer.typesOf(
        List.of("misc-x-start", "misc-x-cont", "other", "person-start")));
    assertEquals(Set.of(), BiLstmCrfSequenceTrainer.typesOf(List.of("other")));
  }
}

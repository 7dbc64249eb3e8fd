package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;

class BiLstmCrfSequenceTrainerTest {

  private static final List<String> LABELS = List.of("other", "person-start", "person-cont");
  private static final String[] WORDS = {"we", "met", "in", "the", "city", "Anna", "Peter", "Maria", "saw", "near"};

  @Test
  void theTypesOfTheTrainingOutcomesAreTheirNamesBeforeStart() {
    assertEquals(Set.of("person"), BiLstmCrfSequenceTrainer.typesOf(LABELS));
    assertEquals(Set.of("person", "misc-x"), BiLstmCrfSequenceTrainer.typesOf(
        List.of("misc-x-start", "misc-x-cont", "other", "person-start")));
    assertEquals(Set.of(), BiLstmCrfSequenceTrainer.typesOf(List.of("other")));
  }

  @Test
  void parametersTheTrainerDoesNotReadAreListed() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingParameters.ALGORITHM_PARAM, BiLstmCrfSequenceTrainer.class.getName());
    parameters.put("Hiden", 5000);
    parameters.put("L1Cost", 0.1);
    parameters.put(TrainingSettings.HIDDEN, 8);
    parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA, "dev.txt");
    // What NameFinderME.train adds to every training, and NameFinderME reads, is no user's mistake.
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 300);
    parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
    parameters.put("BeamSize", 3);
    assertEquals(List.of("Hiden", "L1Cost"), BiLstmCrfSequenceTrainer.unreadParameters(parameters));
  }

  @Test
  void namesOfTypesNotTrainedDoNotCountOnTheDevelopmentData() throws IOException {
    // As OpenNLP's -types per trains: the dev file's locations must not count as misses.
    Random random = new Random(3);
    List<LabeledSentence> training = new ArrayList<>();
    List<NameSample> persons = new ArrayList<>();
    List<NameSample> personsAndPlaces = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      String[] tokens = new String[5];
      int[] labels = new int[5];
      List<Span> names = new ArrayList<>();
      tokens[4] = "oslo";
      for (int t = 0; t < 4; t++) {
        tokens[t] = WORDS[random.nextInt(WORDS.length)];
        if (Character.isUpperCase(tokens[t].charAt(0))) {
          labels[t] = 1;
          names.add(new Span(t, t + 1, "person"));
        }
      }
      training.add(new LabeledSentence(tokens, labels));
      persons.add(new NameSample(tokens, names.toArray(new Span[0]), false));
      names.add(new Span(4, 5, "location"));
      personsAndPlaces.add(new NameSample(tokens, names.toArray(new Span[0]), false));
    }
    TrainingSettings d = TrainingSettings.DEFAULTS;
    TrainingSettings small = new TrainingSettings(6, 0, 8, 8, 4, 6, d.maxWordChars(), 8, 0.02, 0, d.gradientClip(),
        d.maxVocabulary(), d.embeddingBits(), d.seed(), null, List.of(), false, 0, 0, 0);
    BiLstmCrfNetwork network = new BiLstmCrfTrainer(small, false).train(LABELS, training, null, null);
    double personsOnly = BiLstmCrfSequenceTrainer.developmentF1(persons, LABELS).score(network);
    assertTrue(personsOnly > 0.5, "the network learnt capitalised words: " + personsOnly);
    assertEquals(personsOnly, BiLstmCrfSequenceTrainer.developmentF1(personsAndPlaces, LABELS).score(network));
  }

  @Test
  void developmentDataAreReadInTheirEncoding(@TempDir Path directory) throws IOException {
    Path dev = Files.write(directory.resolve("dev.txt"), "Jos\u00e9 B-PER\nlleg\u00f3 O\n".getBytes(
        StandardCharsets.ISO_8859_1));
    TrainingParameters parameters = new TrainingParameters();
    assertNull(BiLstmCrfSequenceTrainer.developmentData(parameters));
    parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA, dev.toString());
    InputFormatException utf8 = assertThrows(InputFormatException.class,
        () -> BiLstmCrfSequenceTrainer.developmentData(parameters));
    assertTrue(utf8.getMessage().contains("not valid UTF-8"), utf8.getMessage());
    parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA_ENCODING, "ISO-8859-1");
    List<NameSample> samples = BiLstmCrfSequenceTrainer.developmentData(parameters);
    assertEquals("Jos\u00e9", samples.get(0).getSentence()[0]);
    parameters.put(BiLstmCrfSequenceTrainer.DEV_DATA_ENCODING, "latin-9-ish");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> BiLstmCrfSequenceTrainer.developmentData(parameters));
    assertEquals("DevDataEncoding: unknown character encoding 'latin-9-ish'", unknown.getMessage());
  }
}

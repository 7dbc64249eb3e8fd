package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;

/** Training with the {@code Gazetteers} parameter through OpenNLP's {@code NameFinderME.train}. */
class GazetteerTrainingTest {

  @TempDir
  static Path directory;

  /** A location list named as the GeoNames one is (so its attribution is required). */
  private static Path cities;
  /** A folder of person lists and one file that is no list. */
  private static Path people;

  @BeforeAll
  static void writeLists() throws IOException {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    cities = Files.writeString(Files.createDirectories(directory.resolve("geonames-locations"))
        .resolve("loc-cities.txt"), "Paris\nNew York\nOslo\n");
    people = Files.createDirectories(directory.resolve("names"));
    Files.writeString(people.resolve("per-given.txt"), "John\nMaria\n");
    Files.writeString(people.resolve("per-full.txt"), "Wei Zhang\n");
    Files.writeString(people.resolve("notes.txt"), "no type prefix, so the folder leaves it out\n");
  }

  private static TrainingParameters parameters(String gazetteers, int epochs) {
    TrainingParameters parameters = SyntheticNames.parameters();
    parameters.put(TrainingSettings.EPOCHS, epochs);
    parameters.put(TrainingSettings.GAZETTEERS, gazetteers);
    return parameters;
  }

  private static TokenNameFinderModel train(TrainingParameters parameters) throws IOException {
    return NameFinderME.train("eng", null, ObjectStreamUtils.createObjectStream(SyntheticNames.samples(120, 1)),
        parameters, new TokenNameFinderFactory());
  }

  @Test
  void aModelTrainedWithAGazetteerCarriesItAndTagsAfterReloading() throws IOException {
    TokenNameFinderModel trained = train(parameters(cities + ", " + people, 3));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trained.serialize(bytes);
    TokenNameFinderModel model = new TokenNameFinderModel(new ByteArrayInputStream(bytes.toByteArray()));
    BiLstmCrfSequenceModel sequenceModel =
        assertInstanceOf(BiLstmCrfSequenceModel.class, model.getNameFinderSequenceModel());
    Gazetteer gazetteer = sequenceModel.network().gazetteer().orElseThrow();
    assertEquals(List.of("location", "person"), gazetteer.types());
    assertEquals(List.of("new york", "oslo", "paris"), gazetteer.entries("location"));
    assertEquals(List.of("john", "maria", "wei zhang"), gazetteer.entries("person"));

    Span[] names = new NameFinderME(model).find(new String[] {"John", "Smith", "visited", "Oslo", "."});
    assertTrue(names.length > 0, "no names found");

    assertEquals("geonames-locations/loc-cities.txt, names/per-full.txt, names/per-given.txt",
        model.getManifestProperty(BiLstmCrfSequenceTrainer.GAZETTEER_FILES_MANIFEST_ENTRY));
    assertEquals("GeoNames, www.geonames.org (CC BY 4.0)",
        model.getManifestProperty(BiLstmCrfSequenceTrainer.GAZETTEER_ATTRIBUTIONS_MANIFEST_ENTRY));
  }

  @Test
  void withoutGazetteersTheModelHasNone() {
    TokenNameFinderModel model = SyntheticNames.model();
    assertTrue(((BiLstmCrfSequenceModel) model.getNameFinderSequenceModel()).network().gazetteer().isEmpty());
    assertNull(model.getManifestProperty(BiLstmCrfSequenceTrainer.GAZETTEER_FILES_MANIFEST_ENTRY));
  }

  @Test
  void theParameterIsACommaSeparatedListOfPaths() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingSettings.GAZETTEERS, "a/loc-x.txt, b ,");
    assertEquals(List.of(Path.of("a/loc-x.txt"), Path.of("b")),
        TrainingSettings.from(parameters).gazetteers());
    assertEquals(List.of(), TrainingSettings.from(new TrainingParameters()).gazetteers());
  }

  @Test
  void aMissingListFailsBeforeTraining() {
    Path missing = directory.resolve("loc-missing.txt");
    Path checkpoint = directory.resolve("missing.checkpoint");
    TrainingParameters parameters = parameters(cities + "," + missing, 50);
    parameters.put(TrainingSettings.CHECKPOINT, checkpoint.toString());
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> train(parameters));
    assertEquals(missing + ": no such file or directory", e.getMessage());
    assertFalse(Files.exists(checkpoint), "training started");
  }

  @Test
  void anUntypedListFailsBeforeTraining() throws IOException {
    Path untyped = Files.writeString(directory.resolve("places.txt"), "Paris\n");
    IOException e = assertThrows(IOException.class, () -> train(parameters(untyped.toString(), 50)));
    assertEquals(untyped + ": the name of a list must start with loc-, per-, org- or misc- to give its type",
        e.getMessage());
  }
}

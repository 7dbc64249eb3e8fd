package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.network.RandomNetworks;

/**
 * Document context through OpenNLP's {@code NameFinderME}, on a small random network: with it, a token
 * labelled {@code person} in the first sentence of a document is labelled so in the next, where the network
 * alone labels it {@code other}.
 */
class DocumentContextFactoryTest {

  /** The random network finds "Mat" as a person name here... */
  private static final String[] EARLIER = {"The", "Mat"};
  /** ...and no name here. */
  private static final String[] LATER = {"on", "Mat"};
  private static final String[][] SENTENCES = {EARLIER, LATER, {"on", "the", "Mat", "the", "Cat", "sat"},
      {"The", "cat", "sat", "on", "the", "Mat"}, {}, {"Mat", "sat"}};
  private static final DocumentContext STRONG = new DocumentContext(20, 0);

  private static TokenNameFinderModel plain;
  private static TokenNameFinderModel withContext;

  @BeforeAll
  static void models() {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    plain = new BiLstmCrfSequenceModel(RandomNetworks.create(9)).toNameFinderModel("en");
    withContext = DocumentContextFactory.withDocumentContext(plain, STRONG);
  }

  /** Spans with their probabilities, which {@code Span.equals} ignores. */
  private static String found(NameFinderME finder, String[] tokens) {
    List<String> names = new ArrayList<>();
    for (Span span : finder.find(tokens)) {
      names.add(span + " " + span.getProb());
    }
    return names + " " + java.util.Arrays.toString(finder.probs());
  }

  private static boolean labelsPerson(Span[] names, int token) {
    for (Span name : names) {
      if (name.contains(token) && name.getType().equals("person")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void laterSentencesTakeTheTypeEarlierSentencesGaveAToken() {
    assertEquals(0, new NameFinderME(plain).find(LATER).length);
    NameFinderME finder = new NameFinderME(withContext);
    assertTrue(labelsPerson(finder.find(EARLIER), 1));
    assertArrayEquals(new Span[] {new Span(1, 2, "person")}, finder.find(LATER));
  }

  @Test
  void clearAdaptiveDataForgetsTheDocument() {
    NameFinderME finder = new NameFinderME(withContext);
    finder.find(EARLIER);
    finder.clearAdaptiveData();
    assertEquals(found(new NameFinderME(plain), LATER), found(finder, LATER));
  }

  @Test
  void eachFinderHasItsOwnMemory() {
    NameFinderME first = new NameFinderME(withContext);
    NameFinderME second = new NameFinderME(withContext);
    first.find(EARLIER);
    assertEquals(found(new NameFinderME(plain), LATER), found(second, LATER));
    assertTrue(labelsPerson(first.find(LATER), 1));
  }

  @Test
  void sentenceBySentenceUseIsUnchanged() {
    NameFinderME reference = new NameFinderME(plain);
    NameFinderME cleared = new NameFinderME(withContext);
    NameFinderME off = new NameFinderME(DocumentContextFactory.withDocumentContext(withContext, DocumentContext.OFF));
    for (String[] sentence : SENTENCES) {
      String expected = found(reference, sentence);
      assertEquals(expected, found(cleared, sentence));
      cleared.clearAdaptiveData();
      assertEquals(expected, found(off, sentence), "context off, never cleared");
    }
  }

  @Test
  void theSingleBestOfTheNBestMethodsIsDecodedWithTheMemoryToo() {
    BiLstmCrfSequenceModel network = (BiLstmCrfSequenceModel) plain.getNameFinderSequenceModel();
    DocumentContextGenerator generator = assertInstanceOf(DocumentContextGenerator.class,
        withContext.getFactory().createContextGenerator());
    List<String> earlier = network.bestSequence(EARLIER, null, generator, null).getOutcomes();
    generator.updateAdaptiveData(EARLIER, earlier.toArray(new String[0]));
    List<String> later = network.bestSequence(LATER, null, generator, null).getOutcomes();
    assertFalse(later.equals(network.tag(LATER).getOutcomes()));
    assertEquals(later, network.bestSequences(3, LATER, null, generator, null)[0].getOutcomes());
    assertEquals(later, network.bestSequences(3, LATER, null, -100, generator, null)[0].getOutcomes());
  }

  @Test
  void theContextTravelsInTheModelFileWithTheOtherManifestEntries() throws IOException {
    TokenNameFinderModel model = new TokenNameFinderModel("en", plain.getNameFinderSequenceModel(), null, Map.of(),
        Map.of("SeqNLP-Training-Seconds", "12.5"), new BioCodec(), new TokenNameFinderFactory());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DocumentContextFactory.withDocumentContext(model, STRONG).serialize(bytes);
    TokenNameFinderModel loaded = NameFinderModels.load(bytes.toByteArray(), "m.bin");
    assertEquals(STRONG, assertInstanceOf(DocumentContextFactory.class, loaded.getFactory()).documentContext());
    assertEquals("12.5", loaded.getManifestProperty("SeqNLP-Training-Seconds"));
    assertEquals("20", loaded.getManifestProperty(DocumentContext.WEIGHT_ENTRY));
    NameFinderME finder = new NameFinderME(loaded);
    finder.find(EARLIER);
    assertTrue(labelsPerson(finder.find(LATER), 1));
  }

  @Test
  void aNewNetworkKeepsTheContextAndTheManifestEntries() {
    TokenNameFinderModel model = DocumentContextFactory.withDocumentContext(new TokenNameFinderModel("en",
        plain.getNameFinderSequenceModel(), null, Map.of(), Map.of("SeqNLP-Training-Seconds", "12.5"), new BioCodec(),
        new TokenNameFinderFactory()), STRONG);
    BiLstmCrfSequenceModel other = new BiLstmCrfSequenceModel(RandomNetworks.create(10));
    TokenNameFinderModel swapped = DocumentContextFactory.withNetwork(model, other);
    assertEquals(other, swapped.getNameFinderSequenceModel());
    assertEquals(STRONG, assertInstanceOf(DocumentContextFactory.class, swapped.getFactory()).documentContext());
    assertEquals("12.5", swapped.getManifestProperty("SeqNLP-Training-Seconds"));
    assertEquals(DocumentContext.OFF, assertInstanceOf(DocumentContextFactory.class,
        DocumentContextFactory.withNetwork(plain, other).getFactory()).documentContext());
  }

  @Test
  void openNlpsTrainerGetsTheDefaultContextFromTheFactoryNamedByItsClass() throws IOException {
    // What TokenNameFinderTrainer -factory org.seqnlp.opennlp.namefind.DocumentContextFactory does.
    TokenNameFinderFactory factory = TokenNameFinderFactory.create(DocumentContextFactory.class.getName(), null,
        Map.of(), new BioCodec());
    TokenNameFinderModel model = new TokenNameFinderModel("en", plain.getNameFinderSequenceModel(), null, Map.of(),
        Map.of(), new BioCodec(), factory);
    assertEquals(DocumentContext.DEFAULT,
        assertInstanceOf(DocumentContextFactory.class, model.getFactory()).documentContext());
    assertEquals("4", model.getManifestProperty(DocumentContext.WEIGHT_ENTRY));
    assertEquals("0.9", model.getManifestProperty(DocumentContext.THRESHOLD_ENTRY));
  }

  @Test
  void onlyOurNetworksTakeADocumentContext() throws IOException {
    List<NameSample> samples = List.of(
        new NameSample(new String[] {"Tess", "sat"}, new Span[] {new Span(0, 1, "person")}, true),
        new NameSample(new String[] {"the", "cat", "sat"}, new Span[0], false));
    TrainingParameters parameters = TrainingParameters.defaultParams();
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 5);
    parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
    TokenNameFinderModel maxent = NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples),
        parameters, new TokenNameFinderFactory());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DocumentContextFactory.withDocumentContext(maxent, STRONG));
    assertTrue(e.getMessage().startsWith("document context needs a SeqNLP BiLSTM-CRF name finder"), e.getMessage());
  }
}

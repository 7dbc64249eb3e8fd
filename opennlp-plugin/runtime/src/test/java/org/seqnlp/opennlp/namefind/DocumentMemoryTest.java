package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.network.Tagging;

class DocumentMemoryTest {

  /** Outcomes in the order a model might hold them: types interleaved, other in the middle. */
  private static final String[] OUTCOMES = {"location-cont", "location-start", "other", "person-cont",
      "person-start"};
  private static final int LOCATION_START = 1;
  private static final int OTHER = 2;
  private static final int PERSON_START = 4;

  private final DocumentMemory memory = new DocumentMemory(new DocumentContext(3, 0.9), OUTCOMES);

  private void remember(String[] tokens, int[] labels, double[] probabilities) {
    memory.decoded(tokens, new Tagging(labels, probabilities));
    memory.commit(tokens);
  }

  private float[] biased(String... tokens) {
    float[] emissions = new float[tokens.length * OUTCOMES.length];
    memory.bias(tokens, emissions);
    return emissions;
  }

  @Test
  void addsTheWeightToTheLabelsOfTheTypeAConfidentEarlierSentenceGaveTheToken() {
    assertArrayEquals(new float[10], biased("Jordan", "said"));
    remember(new String[] {"Mr.", "Jordan", "said"}, new int[] {OTHER, PERSON_START, OTHER},
        new double[] {0.99, 0.95, 0.99});
    assertFalse(memory.isEmpty());
    // Case is ignored (headlines are in capitals), but a token needs a capital letter.
    assertArrayEquals(new float[] {0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        biased("JORDAN", "jordan", "Said"));
  }

  @Test
  void ignoresLabelsBelowTheThresholdAndOtherTokens() {
    remember(new String[] {"Paris", "Hilton", "The"}, new int[] {LOCATION_START, PERSON_START, OTHER},
        new double[] {0.89, 0.9, 1.0});
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0}, biased("Paris", "Hilton", "The"));
  }

  @Test
  void favoursTheTypeWithTheHighestSummedProbability() {
    String[] tokens = {"Jordan"};
    remember(tokens, new int[] {LOCATION_START}, new double[] {0.95});
    remember(new String[] {"Jordan"}, new int[] {PERSON_START}, new double[] {0.92});
    remember(new String[] {"Jordan"}, new int[] {PERSON_START}, new double[] {0.91});
    assertArrayEquals(new float[] {0, 0, 0, 3, 3}, biased("Jordan"));
  }

  @Test
  void remembersOnlyWhatIsCommittedForTheSameTokens() {
    String[] decoded = {"Jordan"};
    memory.decoded(decoded, new Tagging(new int[] {PERSON_START}, new double[] {1.0}));
    memory.commit(new String[] {"Jordan"});
    assertTrue(memory.isEmpty(), "a commit for other tokens than those decoded");
    memory.commit(decoded);
    assertTrue(memory.isEmpty(), "the decoded labels were dropped by the mismatched commit");
  }

  @Test
  void clearForgetsTheDocument() {
    String[] tokens = {"Jordan"};
    remember(tokens, new int[] {PERSON_START}, new double[] {1.0});
    memory.decoded(tokens, new Tagging(new int[] {LOCATION_START}, new double[] {1.0}));
    memory.clear();
    memory.commit(tokens);
    assertTrue(memory.isEmpty());
    assertArrayEquals(new float[5], biased("Jordan"));
  }

  @Test
  void holdsAtMostTheLimitOfDistinctTokens() {
    for (int i = 0; i < DocumentMemory.MAX_TOKENS + 10; i++) {
      remember(new String[] {"N" + i}, new int[] {PERSON_START}, new double[] {1.0});
    }
    assertArrayEquals(new float[] {0, 0, 0, 3, 3}, biased("N0"));
    assertArrayEquals(new float[5], biased("N" + DocumentMemory.MAX_TOKENS));
  }

  @Test
  void rejectsEmissionsOfAnotherShape() {
    remember(new String[] {"Jordan"}, new int[] {PERSON_START}, new double[] {1.0});
    assertThrows(IllegalArgumentException.class, () -> memory.bias(new String[] {"Jordan"}, new float[4]));
    assertThrows(IllegalArgumentException.class,
        () -> memory.decoded(new String[] {"a", "b"}, new Tagging(new int[1], new double[1])));
  }

  @Test
  void contextSettingsAreCheckedAndReadFromTheManifest() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> new DocumentContext(-1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new DocumentContext(101, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new DocumentContext(1, 1.5));
    assertThrows(IllegalArgumentException.class, () -> new DocumentContext(Double.NaN, 0.5));
    assertEquals(DocumentContext.OFF, DocumentContext.fromManifest(name -> null));
    DocumentContext context = new DocumentContext(2.5, 0.8);
    assertEquals(context, DocumentContext.fromManifest(context.manifestEntries()::get));
    Exception e = assertThrows(opennlp.tools.util.InvalidFormatException.class, () -> DocumentContext.fromManifest(
        name -> name.equals(DocumentContext.WEIGHT_ENTRY) ? "four" : "0.9"));
    assertEquals("manifest.properties: SeqNLP-Document-Context-Weight is not a number: 'four'", e.getMessage());
    for (String javaOnly : new String[] {"4d", "0.8f", "0x1p2", "NaN"}) {
      Exception refused = assertThrows(opennlp.tools.util.InvalidFormatException.class,
          () -> DocumentContext.fromManifest(name -> name.equals(DocumentContext.WEIGHT_ENTRY) ? javaOnly : "0.9"));
      assertEquals("manifest.properties: SeqNLP-Document-Context-Weight is not a number: '" + javaOnly + "'",
          refused.getMessage());
    }
  }
}

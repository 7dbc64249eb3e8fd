package org.seqnlp.opennlp.namefind.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;

class BiLstmCrfNetworkFormatTest {

  private static final String[] SENTENCE = {"The", "cat", "sat", "on", "the", "Mat", "1984", "!"};

  private static byte[] written(BiLstmCrfNetwork network) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BiLstmCrfNetworkFormat.write(network, out);
    return out.toByteArray();
  }

  private static BiLstmCrfNetwork read(byte[] bytes) throws IOException {
    return BiLstmCrfNetworkFormat.read(new ByteArrayInputStream(bytes), "test.bin", bytes.length);
  }

  @Test
  void roundTripKeepsLabelsAndOutputs() throws IOException {
    BiLstmCrfNetwork network = RandomNetworks.create(5);
    BiLstmCrfNetwork copy = read(written(network));
    assertEquals(network.labels(), copy.labels());
    assertArrayEquals(network.emissions(SENTENCE), copy.emissions(SENTENCE));
    assertArrayEquals(network.tag(SENTENCE).labels(), copy.tag(SENTENCE).labels());
  }

  @Test
  void eightBitEmbeddingsRoundTripAndTagAsTheNetworkThatWroteThem() throws IOException {
    BiLstmCrfNetwork network = RandomNetworks.withGazetteer(5).withEmbeddingBits(8);
    byte[] bytes = written(network);
    assertEquals(3, ByteBuffer.wrap(bytes, 8, 4).getInt());
    BiLstmCrfNetwork copy = read(bytes);
    assertEquals(8, copy.encoder().embeddingBits());
    assertArrayEquals(network.emissions(SENTENCE), copy.emissions(SENTENCE));
    assertEquals(32, read(written(copy.withEmbeddingBits(32))).encoder().embeddingBits());
  }

  @Test
  void eightBitEmbeddingsChangeTheOutputsOnlyByTheirRounding() {
    BiLstmCrfNetwork network = RandomNetworks.create(5);
    BiLstmCrfNetwork quantized = network.withEmbeddingBits(8);
    assertSame(network, network.withEmbeddingBits(32));
    float[] exact = network.emissions(SENTENCE);
    float[] rounded = quantized.emissions(SENTENCE);
    assertFalse(Arrays.equals(exact, rounded));
    assertArrayEquals(exact, rounded, 0.05f);
  }

  @Test
  void badEightBitEmbeddingsAreRejectedAtTheirEntry() throws IOException {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5).withEmbeddingBits(8));
    // Float.MAX_VALUE is finite, but a byte of -128 times it is not, and the network would tag with NaN; 1e36 times
    // a byte is finite, but beyond any trained weight, as TensorBundle.weights bounds float weights.
    for (float bad : new float[] {-0.5f, Float.MAX_VALUE, 1e36f}) {
      float[] scales = bundle.tensor("word-embedding-scales", 6).values().clone();
      scales[3] = bad;
      InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(
          replaced(bundle, new Tensor("word-embedding-scales", new int[] {6}, scales)))));
      assertTrue(e.getMessage().matches("test\\.bin: byte \\d+: scale 4 of 'word-embeddings-int8' is not a number"
          + " in \\[0, .*\\]: " + bad), e.getMessage());
    }

    TensorBundle both = replaced(bundle, null);
    both.add(BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5)).tensor("word-embeddings", 6, 4));
    InputFormatException twice = assertThrows(InputFormatException.class, () -> read(bytesOf(both)));
    assertTrue(twice.getMessage().endsWith(": both word-embeddings and word-embeddings-int8"), twice.getMessage());

    TensorBundle noScales = replaced(bundle, new Tensor("word-embedding-scales", new int[] {5}, new float[5]));
    InputFormatException shape = assertThrows(InputFormatException.class, () -> read(bytesOf(noScales)));
    assertTrue(shape.getMessage().endsWith(": tensor 'word-embedding-scales' has shape [5], expected [6]"),
        shape.getMessage());
  }

  /** Finite but huge, the CRF's weights swamp every score, and the model would find no name without a word. */
  @Test
  void everyWeightTensorIsBounded() throws IOException {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.withGazetteer(5));
    for (String name : bundle.tensors().keySet()) {
      float[] values = bundle.tensors().get(name).values().clone();
      values[values.length - 1] = 3e38f;
      InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(
          replaced(bundle, new Tensor(name, bundle.tensors().get(name).shape(), values)))), name);
      assertTrue(e.getMessage().endsWith(": tensor '" + name + "': value " + values.length + " is 3.0E38, beyond the"
          + " 100000 in magnitude that no trained weight reaches (a damaged or hand-made model?)"), e.getMessage());
    }
  }

  /** {@code bundle} with the float tensor of {@code tensor}'s name replaced by it (null: none replaced). */
  private static TensorBundle replaced(TensorBundle bundle, Tensor tensor) {
    TensorBundle changed = new TensorBundle();
    bundle.texts().forEach(changed::addText);
    bundle.stringLists().forEach(changed::addStrings);
    bundle.tensors().forEach((name, old) -> changed.add(tensor != null && name.equals(tensor.name()) ? tensor : old));
    bundle.byteTensors().values().forEach(changed::add);
    return changed;
  }

  /** An entry of another version or kind of model might matter to its outputs: it is refused, not ignored. */
  @Test
  void anEntryTheNetworkDoesNotUseIsRefused() throws IOException {
    TensorBundle extra = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5))
        .add(new Tensor("attention-weights", new int[] {2}, new float[] {1, 2}));
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(extra)));
    assertTrue(e.getMessage().endsWith(": entry 'attention-weights' is not part of a bilstm-crf network"),
        e.getMessage());
  }

  @Test
  void roundTripKeepsTheGazetteer() throws IOException {
    BiLstmCrfNetwork network = RandomNetworks.withGazetteer(5);
    BiLstmCrfNetwork copy = read(written(network));
    Gazetteer gazetteer = copy.gazetteer().orElseThrow();
    assertEquals(List.of("location", "person"), gazetteer.types());
    assertEquals(List.of("mat", "new york", "the mat"), gazetteer.entries("location"));
    assertEquals(List.of("tess", "tess cat"), gazetteer.entries("person"));
    String[] sentence = {"Tess", "Cat", "sat", "on", "The", "Mat"};
    assertArrayEquals(network.emissions(sentence), copy.emissions(sentence));
    assertTrue(read(written(RandomNetworks.create(5))).gazetteer().isEmpty());
  }

  @Test
  void moreThanEightGazetteerTypesAreRejected() throws IOException {
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(withGazetteerList(
        "gazetteer-types", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")))));
    assertTrue(e.getMessage().endsWith(": 9 gazetteer types, outside 1..8"), e.getMessage());
  }

  @Test
  void aGazetteerEntryThatMatchingCouldNotHaveWrittenIsRejected() throws IOException {
    for (String entry : List.of("New york", "new  york", " york", "", "a b c d e f g h i", "new\tyork",
        "new\u0001foo")) {
      InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(withGazetteerList(
          "gazetteer-entries-0", List.of("mat", entry)))));
      assertTrue(e.getMessage().matches("test\\.bin: byte \\d+: gazetteer-entries-0: entry 2 .*"), e.getMessage());
    }
  }

  @Test
  void aGazetteerTypeWithoutEntriesListIsNamed() throws IOException {
    TensorBundle bundle = withGazetteerList("gazetteer-types", List.of("location", "person", "zzz"));
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(bundle)));
    assertTrue(e.getMessage().endsWith(": no string list 'gazetteer-entries-2'"), e.getMessage());
  }

  /** The bundle of a network with a gazetteer, with the string list {@code name} replaced. */
  private static TensorBundle withGazetteerList(String name, List<String> strings) {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.withGazetteer(5));
    TensorBundle changed = new TensorBundle();
    bundle.texts().forEach(changed::addText);
    bundle.stringLists().forEach((entry, list) -> changed.addStrings(entry, entry.equals(name) ? strings : list));
    bundle.tensors().values().forEach(changed::add);
    return changed;
  }

  @Test
  void aTokenOf65536BytesRoundTrips() throws IOException {
    String longToken = "é".repeat(1 << 15);
    assertEquals(65_536, longToken.getBytes(StandardCharsets.UTF_8).length);
    BiLstmCrfNetwork network = RandomNetworks.create(5, List.of(longToken));
    BiLstmCrfNetwork copy = read(written(network));
    assertEquals(network.encoder().words().tokens(), copy.encoder().words().tokens());
    assertEquals(6, copy.encoder().wordIndex(longToken));
  }

  @Test
  void otherFilesAreRejectedAtByteZero() {
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> read("PK\u0003\u0004 not a network at all".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("test.bin: byte 0: not a SeqNLP tensor file (bad magic number)", e.getMessage());
  }

  @Test
  void aHugeDeclaredEmbeddingInASmallFileFailsBeforeAllocating() throws IOException {
    byte[] bytes = written(RandomNetworks.create(5));
    int at = indexOf(bytes, "word-embeddings".getBytes(StandardCharsets.US_ASCII)) + "word-embeddings".length();
    ByteBuffer.wrap(bytes, at, 12).putInt(2).putInt(130_000).putInt(16_384);
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytes));
    assertEquals(at, e.position());
    assertTrue(e.getMessage().startsWith("test.bin: byte " + at + ": tensor 'word-embeddings' declares shape"
        + " [130000, 16384] (2129920000 floats) but at most"), e.getMessage());
  }

  @Test
  void aShapeThatDisagreesWithTheDimensionsIsRejectedAtItsEntry() throws IOException {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5));
    TensorBundle changed = new TensorBundle();
    bundle.texts().forEach((name, value) -> changed.addText(name, name.equals("hidden") ? "7" : value));
    bundle.stringLists().forEach(changed::addStrings);
    bundle.tensors().values().forEach(changed::add);
    byte[] bytes = bytesOf(changed);
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytes));
    assertTrue(e.getMessage().matches("test\\.bin: byte \\d+: tensor 'forward-input-weights' has shape \\[9, 24\\],"
        + " expected \\[9, 28\\]"), e.getMessage());
  }

  /** The bundle of a random network with one text or string list replaced. */
  private static byte[] withEntry(String name, Object value) throws IOException {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5));
    TensorBundle changed = new TensorBundle();
    bundle.texts().forEach((entry, text) -> changed.addText(entry, entry.equals(name) ? (String) value : text));
    bundle.stringLists().forEach((entry, list) -> changed.addStrings(entry, entry.equals(name)
        ? castList(value) : list));
    bundle.tensors().values().forEach(changed::add);
    return bytesOf(changed);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }

  /** Labels OpenNLP's BioCodec cannot turn into names would load and then tag nothing, or wrongly. */
  @Test
  void labelsThatAreNotBioAreRejected() throws IOException {
    Map<List<String>, String> problems = Map.of(
        List.of("other", "person-start", "person-start"), "label 'person-start' appears twice",
        List.of("O", "B-PER", "I-PER"), "label 'O' is not one of OpenNLP's BIO labels: other, TYPE-start, TYPE-cont",
        List.of("other", "-start", "person-cont"), "label '-start' is not one of OpenNLP's BIO labels: other,"
            + " TYPE-start, TYPE-cont",
        List.of("person-start", "person-cont", "location-start"), "no 'other' label, so every token would be part of"
            + " a name",
        List.of("other", "person-start", "location-cont"), "label 'location-cont' has no '-start' label to begin its"
            + " names");
    for (Map.Entry<List<String>, String> problem : problems.entrySet()) {
      InputFormatException e = assertThrows(InputFormatException.class,
          () -> read(withEntry("labels", problem.getKey())));
      assertTrue(e.getMessage().endsWith(": " + problem.getValue()), e.getMessage());
    }
    assertEquals(null, BiLstmCrfNetworkFormat.bioLabelProblem(List.of("other", "misc-x-start", "misc-x-cont")),
        "a type may hold a hyphen");
  }

  /** Sizes a trainer never writes could make a small file allocate and compute without end. */
  @Test
  void widthsBeyondTheTrainersAreRejected() throws IOException {
    for (String entry : List.of("char-filters", "hidden", "max-word-chars")) {
      int limit = entry.equals("max-word-chars") ? BiLstmCrfNetworkFormat.MAX_WORD_CHARS
          : BiLstmCrfNetworkFormat.MAX_WIDTH;
      InputFormatException e = assertThrows(InputFormatException.class,
          () -> read(withEntry(entry, Integer.toString(limit + 1))));
      assertTrue(e.getMessage().contains(entry) && e.getMessage().contains(Integer.toString(limit)),
          e.getMessage());
    }
  }

  @Test
  void aCharacterVocabularyWithoutPaddingIsRejected() throws IOException {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5));
    TensorBundle changed = new TensorBundle();
    bundle.texts().forEach(changed::addText);
    bundle.stringLists().forEach((name, list) -> changed.addStrings(name, name.equals("characters")
        ? List.of("<unk>", "x", "t", "h", "e", "c", "a", "s", "T") : list));
    bundle.tensors().values().forEach(changed::add);
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(changed)));
    assertTrue(e.getMessage().contains("the character vocabulary must hold <pad> at 1"), e.getMessage());
  }

  @Test
  void aCharacterEntryOfMoreThanOneCharacterIsRejected() throws IOException {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5));
    TensorBundle changed = new TensorBundle();
    bundle.texts().forEach(changed::addText);
    bundle.stringLists().forEach((name, list) -> changed.addStrings(name, !name.equals("characters") ? list
        : list.stream().map(entry -> entry.equals("e") ? "ee" : entry).toList()));
    bundle.tensors().values().forEach(changed::add);
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(changed)));
    assertTrue(e.getMessage().contains("the character vocabulary holds 'ee', which is no single character"),
        e.getMessage());
  }

  @Test
  void aMissingTensorIsNamed() throws IOException {
    TensorBundle bundle = BiLstmCrfNetworkFormat.toBundle(RandomNetworks.create(5));
    TensorBundle changed = new TensorBundle();
    bundle.texts().forEach(changed::addText);
    bundle.stringLists().forEach(changed::addStrings);
    for (Map.Entry<String, Tensor> tensor : bundle.tensors().entrySet()) {
      if (!tensor.getKey().equals("crf-end")) {
        changed.add(tensor.getValue());
      }
    }
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(changed)));
    assertTrue(e.getMessage().endsWith(": no tensor 'crf-end'"), e.getMessage());
  }

  @Test
  void flippedWeightBitsFailTheChecksum() throws IOException {
    byte[] bytes = written(RandomNetworks.create(5));
    bytes[bytes.length - 20] ^= 1;
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytes));
    assertEquals("test.bin: byte " + (bytes.length - 4) + ": checksum mismatch: the file is corrupted",
        e.getMessage());
  }

  @Test
  void aFileWithAValidChecksumButAnotherArchitectureIsRejected() throws IOException {
    TensorBundle bundle = new TensorBundle().addText("architecture", "transformer");
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytesOf(bundle)));
    assertEquals("test.bin: byte 16: unsupported architecture 'transformer'", e.getMessage());
  }

  private static byte[] bytesOf(TensorBundle bundle) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TensorFile.write(bundle, out);
    return out.toByteArray();
  }

  /** Where {@code needle} first stands in {@code haystack}: one byte is one char in ISO-8859-1. */
  private static int indexOf(byte[] haystack, byte[] needle) {
    int at = new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    assertTrue(at >= 0, "not found");
    return at;
  }
}

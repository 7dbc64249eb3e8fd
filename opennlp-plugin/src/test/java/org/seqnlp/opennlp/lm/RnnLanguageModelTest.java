package org.seqnlp.opennlp.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.nn.Tensor;

class RnnLanguageModelTest {

  private static final List<String> WORDS = List.of("the", "cat", "dog", "sees", "a", "tree");

  @TempDir
  Path directory;

  /** A model with random weights over {@link #WORDS}: enough to test everything but learning. */
  static RnnLanguageModel randomModel(CellType cell, TokenUnit unit, List<String> words) {
    Map<String, Long> counts = new LinkedHashMap<>();
    words.forEach(word -> counts.put(word, 1L));
    Vocabulary vocabulary = Vocabulary.build(counts, 1, 0);
    LmArchitecture architecture = new LmArchitecture(unit, cell, 2, 5, 7);
    int v = vocabulary.size();
    int gates = cell == CellType.LSTM ? 28 : 7;
    Random random = new Random(42);
    Map<String, Tensor> weights = new LinkedHashMap<>();
    put(weights, random, RnnLanguageModel.EMBEDDING, v, 5);
    for (int layer = 0; layer < 2; layer++) {
      put(weights, random, RnnLanguageModel.layerTensor(layer, "input-weights"), architecture.inputSize(layer),
          gates);
      put(weights, random, RnnLanguageModel.layerTensor(layer, "recurrent-weights"), 7, gates);
      put(weights, random, RnnLanguageModel.layerTensor(layer, "bias"), gates);
    }
    put(weights, random, RnnLanguageModel.OUTPUT_WEIGHTS, 7, v);
    put(weights, random, RnnLanguageModel.OUTPUT_BIAS, v);
    return new RnnLanguageModel(architecture, vocabulary, weights, Map.of("Data", "random"));
  }

  private static void put(Map<String, Tensor> weights, Random random, String name, int... shape) {
    float[] values = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    weights.put(name, new Tensor(name, shape, values));
  }

  private final RnnLanguageModel model = randomModel(CellType.LSTM, TokenUnit.WORD, WORDS);

  @Test
  void nextTokenProbabilitiesSumToOne() {
    for (CellType cell : CellType.values()) {
      double[] probabilities = randomModel(cell, TokenUnit.WORD, WORDS).nextTokenProbabilities("the", "cat");
      assertEquals(1.0, Arrays.stream(probabilities).sum(), 1e-6, cell.name());
    }
  }

  @Test
  void sentenceProbabilityIsTheChainOfNextTokenProbabilitiesEndOfSentenceIncluded() {
    String[] sentence = {"the", "cat", "sees", "a", "tree"};
    double expected = 0;
    for (int i = 0; i <= sentence.length; i++) {
      int next = i < sentence.length ? model.vocabulary().id(sentence[i]) : Vocabulary.END_OF_SENTENCE_ID;
      expected += Math.log(model.nextTokenProbabilities(Arrays.copyOf(sentence, i))[next]);
    }
    assertEquals(expected, model.logProbability(sentence), 1e-9);
    assertEquals(Math.exp(expected), model.calculateProbability(sentence), 1e-12);
  }

  @Test
  void unknownTokensAreScoredAsUnknown() {
    assertEquals(model.logProbability("the", Vocabulary.UNKNOWN), model.logProbability("the", "zebra"));
  }

  @Test
  void predictNextTokensIsGreedyDecodingUpToTheEndOfSentence() {
    String[] predicted = model.predictNextTokens("the");
    String[] context = {"the"};
    for (String token : predicted) {
      double[] next = model.nextTokenProbabilities(context);
      assertEquals(model.vocabulary().id(token), argmax(next));
      context = Arrays.copyOf(context, context.length + 1);
      context[context.length - 1] = token;
    }
    assertTrue(predicted.length == RnnLanguageModel.MAX_CONTINUATION
        || argmax(model.nextTokenProbabilities(context)) == Vocabulary.END_OF_SENTENCE_ID);
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void samplingRepeatsWithTheSameSeedAndVariesWithOthers() {
    String[] context = {"the"};
    Set<List<String>> distinct = new HashSet<>();
    for (int seed = 0; seed < 10; seed++) {
      String[] first = model.sample(context, 20, 1.0, 0, new Random(seed));
      assertArrayEquals(first, model.sample(context, 20, 1.0, 0, new Random(seed)));
      assertTrue(first.length <= 20);
      distinct.add(List.of(first));
    }
    assertTrue(distinct.size() > 1, "ten seeds gave one sample");
  }

  @Test
  void zeroOrTinyTemperatureAndTopOneAreGreedy() {
    String[] greedy = model.predictNextTokens("a");
    assertArrayEquals(greedy, model.sample(new String[] {"a"}, 256, 0, 0, new Random(3)));
    assertArrayEquals(greedy, model.sample(new String[] {"a"}, 256, 1e-4, 0, new Random(3)));
    assertArrayEquals(greedy, model.sample(new String[] {"a"}, 256, 1.0, 1, new Random(3)));
    assertThrows(IllegalArgumentException.class, () -> model.sample(new String[0], 5, -1, 0, new Random(1)));
  }

  @Test
  void topKDrawsOnlyAmongTheMostLikelyTokens() {
    double[] next = model.nextTokenProbabilities("the");
    Integer[] order = new Integer[next.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(next[b], next[a]));
    Set<Integer> topTwo = Set.of(order[0], order[1]);
    for (int seed = 0; seed < 30; seed++) {
      String[] sample = model.sample(new String[] {"the"}, 1, 5.0, 2, new Random(seed));
      int drawn = sample.length == 0 ? Vocabulary.END_OF_SENTENCE_ID : model.vocabulary().id(sample[0]);
      assertTrue(topTwo.contains(drawn), "drew " + drawn);
    }
  }

  @Test
  void filePerplexityCountsOneEndOfSentenceALine() throws IOException {
    Path file = Files.write(directory.resolve("text.txt"), List.of("the cat sees a tree", "", "a dog"));
    Perplexity perSentence = model.perplexity(file, false);
    assertEquals(5 + 1 + 0 + 1 + 2 + 1, perSentence.tokens());
    double expected = model.logProbability("the", "cat", "sees", "a", "tree") + model.logProbability()
        + model.logProbability("a", "dog");
    assertEquals(expected, perSentence.logProbability(), 1e-9);
    assertEquals(Math.exp(-expected / 10), perSentence.value(), 1e-9);
    Perplexity running = model.perplexity(file, true);
    assertEquals(10, running.tokens());
    assertNotEquals(perSentence.logProbability(), running.logProbability(), 1e-9);
  }

  @Test
  void manySentencesOfMixedLengthsScoreExactlyAsEachAlone() throws IOException {
    Random random = new Random(5);
    List<String> lines = new ArrayList<>();
    double expected = 0;
    for (int i = 0; i < 50; i++) {
      String[] sentence = new String[random.nextInt(9)];
      Arrays.setAll(sentence, t -> WORDS.get(random.nextInt(WORDS.size())));
      lines.add(String.join(" ", sentence));
      expected += model.logProbability(sentence);
    }
    Path file = Files.write(directory.resolve("many.txt"), lines);
    assertEquals(expected, model.perplexity(file, false).logProbability(), 1e-9);
  }

  @Test
  void savedModelReadsBackIdentically() throws IOException {
    for (CellType cell : CellType.values()) {
      RnnLanguageModel original = randomModel(cell, TokenUnit.CHARACTER, List.of("a", "b", " ", "\\", "é"));
      Path file = directory.resolve(cell + ".zip");
      original.save(file);
      RnnLanguageModel read = RnnLanguageModel.load(file);
      assertEquals(original.architecture(), read.architecture());
      assertEquals(original.vocabulary().tokens(), read.vocabulary().tokens());
      assertEquals(original.trainingInfo(), read.trainingInfo());
      assertEquals(original.logProbability("a", " ", "b", "é"), read.logProbability("a", " ", "b", "é"));
      assertEquals(read.tokenize("ab é"), List.of("a", "b", " ", "é"));
    }
  }

  @Test
  void badModelFilesFailNamingFileAndProblem() throws IOException {
    Path text = Files.writeString(directory.resolve("notes.txt"), "not a model");
    InputFormatException notZip = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(text));
    assertTrue(notZip.getMessage().startsWith(text.toString()), notZip.getMessage());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    Path noWeights = directory.resolve("no-weights.zip");
    copyEntries(bytes.toByteArray(), noWeights, RnnLanguageModel.WEIGHTS_ENTRY, null);
    InputFormatException missing = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(noWeights));
    assertTrue(missing.getMessage().contains("no entry weights.bin"), missing.getMessage());

    Path truncated = directory.resolve("truncated.zip");
    copyEntries(bytes.toByteArray(), truncated, RnnLanguageModel.WEIGHTS_ENTRY, 100);
    InputFormatException cut = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(truncated));
    assertTrue(cut.getMessage().contains("weights.bin: byte"), cut.getMessage());
    assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    assertFalse(cut.getMessage().contains("\n"));
  }

  /** Copies the zip {@code model} to {@code file}, dropping {@code entry} or cutting it to {@code keep} bytes. */
  private static void copyEntries(byte[] model, Path file, String entry, Integer keep) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
        OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry next;
      while ((next = in.getNextEntry()) != null) {
        byte[] content = in.readAllBytes();
        if (next.getName().equals(entry)) {
          if (keep == null) {
            continue;
          }
          content = Arrays.copyOf(content, keep);
        }
        zip.putNextEntry(new ZipEntry(next.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
  }
}

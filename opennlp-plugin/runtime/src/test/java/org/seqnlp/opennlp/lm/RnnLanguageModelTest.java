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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.util.StringList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;

public class RnnLanguageModelTest {

  private static final List<String> WORDS = List.of("the", "cat", "dog", "sees", "a", "tree");

  @TempDir
  Path directory;

  /** Class starts for {@link #WORDS}: the end of sentence alone, then classes of 3 and 4 ids. */
  private static final int[] CLASS_STARTS = {0, 1, 4, 8};

  /** A model with random weights over {@code words}: enough to test everything but learning. */
  public static RnnLanguageModel randomModel(CellType cell, TokenUnit unit, List<String> words) {
    return randomModel(cell, unit, words, null);
  }

  /**
   * A model with random weights over {@code words}, with the full softmax when {@code classStarts} is null,
   * else with the class-factored one of these class boundaries.
   */
  static RnnLanguageModel randomModel(CellType cell, TokenUnit unit, List<String> words, int[] classStarts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    words.forEach(word -> counts.put(word, 1L));
    Vocabulary vocabulary = Vocabulary.build(counts, 1, 0);
    int classes = classStarts == null ? 0 : classStarts.length - 1;
    LmArchitecture architecture = new LmArchitecture(unit, cell, 2, 5, 7, classes);
    int v = vocabulary.size();
    int gates = switch (cell) {
      case RNN -> 7;
      case LSTM -> 28;
      case GRU -> 21;
    };
    Random random = new Random(42);
    Map<String, Tensor> weights = new LinkedHashMap<>();
    put(weights, random, RnnLanguageModel.EMBEDDING, v, 5);
    for (int layer = 0; layer < 2; layer++) {
      put(weights, random, RnnLanguageModel.layerTensor(layer, RnnLanguageModel.INPUT_WEIGHTS),
          architecture.inputSize(layer), gates);
      put(weights, random, RnnLanguageModel.layerTensor(layer, RnnLanguageModel.RECURRENT_WEIGHTS), 7, gates);
      put(weights, random, RnnLanguageModel.layerTensor(layer, RnnLanguageModel.BIAS), gates);
    }
    put(weights, random, RnnLanguageModel.OUTPUT_WEIGHTS, 7, v);
    put(weights, random, RnnLanguageModel.OUTPUT_BIAS, v);
    if (classStarts != null) {
      put(weights, random, RnnLanguageModel.CLASS_WEIGHTS, 7, classes);
      put(weights, random, RnnLanguageModel.CLASS_BIAS, classes);
      float[] starts = new float[classStarts.length];
      for (int c = 0; c < starts.length; c++) {
        starts[c] = classStarts[c];
      }
      weights.put(RnnLanguageModel.CLASS_STARTS, new Tensor(RnnLanguageModel.CLASS_STARTS,
          new int[] {starts.length}, starts));
    }
    return new RnnLanguageModel(architecture, vocabulary, weights, Map.of("Data", "random"));
  }

  /** Every cell type, each with the full and with the class-factored softmax. */
  private static List<RnnLanguageModel> allKinds(TokenUnit unit, List<String> words, int[] classStarts) {
    List<RnnLanguageModel> models = new ArrayList<>();
    for (CellType cell : CellType.values()) {
      models.add(randomModel(cell, unit, words));
      models.add(randomModel(cell, unit, words, classStarts));
    }
    return models;
  }

  private static void put(Map<String, Tensor> weights, Random random, String name, int... shape) {
    float[] values = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    weights.put(name, new Tensor(name, shape, values));
  }

  private final RnnLanguageModel model = randomModel(CellType.LSTM, TokenUnit.WORD, WORDS);
  private final RnnLanguageModel classModel = randomModel(CellType.GRU, TokenUnit.WORD, WORDS, CLASS_STARTS);

  @Test
  void nextTokenProbabilitiesSumToOne() {
    for (RnnLanguageModel kind : allKinds(TokenUnit.WORD, WORDS, CLASS_STARTS)) {
      for (String[] context : List.of(new String[0], new String[] {"the", "cat"})) {
        double[] probabilities = kind.nextTokenProbabilities(context);
        assertEquals(1.0, Arrays.stream(probabilities).sum(), 1e-6, kind.toString());
        assertTrue(Arrays.stream(probabilities).allMatch(p -> p > 0), kind.toString());
      }
    }
  }

  @Test
  void sentenceProbabilityIsTheChainOfNextTokenProbabilitiesEndOfSentenceIncluded() {
    String[] sentence = {"the", "cat", "sees", "a", "tree"};
    for (RnnLanguageModel kind : allKinds(TokenUnit.WORD, WORDS, CLASS_STARTS)) {
      double expected = 0;
      for (int i = 0; i <= sentence.length; i++) {
        int next = i < sentence.length ? kind.vocabulary().id(sentence[i]) : Vocabulary.END_OF_SENTENCE_ID;
        expected += Math.log(kind.nextTokenProbabilities(Arrays.copyOf(sentence, i))[next]);
      }
      assertEquals(expected, kind.logProbability(sentence), 1e-9, kind.toString());
      assertEquals(Math.exp(expected), kind.calculateProbability(sentence), 1e-12, kind.toString());
    }
  }

  @Test
  void classScoresMoveWholeClassesAndLeaveTheWordsWithinAClassInProportion() throws IOException {
    Path file = classModelWithWeights("shifted-classes.zip", weights -> {
      Map<String, Tensor> tensors = TensorFile.read(new ByteArrayInputStream(weights), "weights");
      float[] bias = tensors.get(RnnLanguageModel.CLASS_BIAS).values();
      bias[1] += 2f;
      bias[2] -= 1f;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TensorFile.write(tensors.values(), out);
      return out.toByteArray();
    });
    RnnLanguageModel shifted = RnnLanguageModel.load(file);
    double[] before = classModel.nextTokenProbabilities("the");
    double[] after = shifted.nextTokenProbabilities("the");
    double[] classBefore = new double[CLASS_STARTS.length - 1];
    double[] classAfter = new double[CLASS_STARTS.length - 1];
    for (int c = 0; c < classBefore.length; c++) {
      for (int id = CLASS_STARTS[c]; id < CLASS_STARTS[c + 1]; id++) {
        classBefore[c] += before[id];
        classAfter[c] += after[id];
        assertEquals(before[id] / before[CLASS_STARTS[c]], after[id] / after[CLASS_STARTS[c]], 1e-9);
      }
    }
    // p(class) = softmax of the class scores, so moving class 1 up by 2 and class 2 down by 1 multiplies
    // their odds against class 0 by e^2 and e^-1.
    assertEquals(Math.exp(2), (classAfter[1] / classAfter[0]) / (classBefore[1] / classBefore[0]), 1e-6);
    assertEquals(Math.exp(-1), (classAfter[2] / classAfter[0]) / (classBefore[2] / classBefore[0]), 1e-6);
  }

  @Test
  void unknownTokensAreScoredAsUnknown() {
    assertEquals(model.logProbability("the", SpecialTokens.UNKNOWN), model.logProbability("the", "zebra"));
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

  @Test
  void predictNextTokensNeverChoosesTheUnknownTokenWhileSamplingDrawsIt() {
    Map<String, Tensor> weights = new LinkedHashMap<>(model.weights);
    float[] bias = weights.get(RnnLanguageModel.OUTPUT_BIAS).values().clone();
    bias[model.vocabulary().unknownId()] = 100;
    weights.put(RnnLanguageModel.OUTPUT_BIAS, new Tensor(RnnLanguageModel.OUTPUT_BIAS, new int[] {bias.length}, bias));
    RnnLanguageModel unknownFirst = new RnnLanguageModel(model.architecture(), model.vocabulary(), weights, Map.of());
    double[] next = unknownFirst.nextTokenProbabilities("the");
    assertTrue(next[model.vocabulary().unknownId()] > 0.99, "the unknown token is the most likely");
    List<String> predicted = List.of(unknownFirst.predictNextTokens("the"));
    assertFalse(predicted.isEmpty());
    assertFalse(predicted.contains(SpecialTokens.UNKNOWN), predicted.toString());
    assertEquals(SpecialTokens.UNKNOWN, unknownFirst.sample(new String[] {"the"}, 1, 0, 0, new Random(1))[0]);
  }

  /** The most likely token but the unknown one, which predictNextTokens never chooses (both models share WORDS). */
  private int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (i != model.vocabulary().unknownId() && values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void openNlp1StringListFormsAgreeWithTheStringForms() {
    assertEquals(model.calculateProbability("the", "cat"), model.calculateProbability(new StringList("the", "cat")));
    assertEquals(new StringList(model.predictNextTokens("the")), model.predictNextTokens(new StringList("the")));
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
    for (RnnLanguageModel kind : List.of(model, classModel)) {
      String[] greedy = kind.sample(new String[] {"a"}, 256, 0, 0, new Random(3));
      assertArrayEquals(greedy, kind.sample(new String[] {"a"}, 256, 1e-4, 0, new Random(3)));
      assertArrayEquals(greedy, kind.sample(new String[] {"a"}, 256, 1.0, 1, new Random(3)));
    }
    assertThrows(IllegalArgumentException.class, () -> model.sample(new String[0], 5, -1, 0, new Random(1)));
  }

  @Test
  void classSoftmaxGreedyDecodingFollowsTheMostLikelyNextToken() {
    String[] predicted = classModel.predictNextTokens("the");
    String[] context = {"the"};
    for (String token : predicted) {
      assertEquals(classModel.vocabulary().id(token), argmax(classModel.nextTokenProbabilities(context)));
      context = Arrays.copyOf(context, context.length + 1);
      context[context.length - 1] = token;
    }
    assertTrue(predicted.length == RnnLanguageModel.MAX_CONTINUATION
        || argmax(classModel.nextTokenProbabilities(context)) == Vocabulary.END_OF_SENTENCE_ID);
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
  void anEmptyFileHasNoPerplexityRatherThanNaN() throws IOException {
    Path file = Files.write(directory.resolve("empty.txt"), new byte[0]);
    for (boolean acrossSentences : new boolean[] {false, true}) {
      IOException error = assertThrows(IOException.class, () -> model.perplexity(file, acrossSentences));
      assertEquals(file + ": no sentence to score, so no perplexity (is the file empty?)", error.getMessage());
    }
  }

  @Test
  void classSoftmaxFilePerplexityIsThatOfTheSentenceProbabilities() throws IOException {
    List<String> lines = List.of("the cat sees a tree", "", "a dog", "tree tree the", "zebra");
    Path file = Files.write(directory.resolve("classes.txt"), lines);
    double logProbability = 0;
    long tokens = 0;
    for (String line : lines) {
      String[] sentence = classModel.tokenize(line).toArray(String[]::new);
      logProbability += Math.log(classModel.calculateProbability(sentence));
      tokens += sentence.length + 1;
    }
    Perplexity perplexity = classModel.perplexity(file, false);
    assertEquals(tokens, perplexity.tokens());
    assertEquals(Math.exp(-logProbability / tokens), perplexity.value(), 1e-9);
    double running = 0;
    String[] context = new String[0];
    for (String line : lines) {
      for (String token : (line + " " + SpecialTokens.END_OF_SENTENCE).trim().split(" ")) {
        // Across sentences the state runs on: an end of sentence is fed like any other token.
        running += Math.log(classModel.nextTokenProbabilities(context)[classModel.vocabulary().id(token)]);
        context = Arrays.copyOf(context, context.length + 1);
        context[context.length - 1] = token;
      }
    }
    assertEquals(running, classModel.perplexity(file, true).logProbability(), 1e-9);
  }

  @Test
  void encodedSentencesMustEndWithTheEndOfSentence() {
    int[] theCat = {model.vocabulary().id("the"), model.vocabulary().id("cat"), Vocabulary.END_OF_SENTENCE_ID};
    assertEquals(model.logProbability("the", "cat"), new PerplexityScorer(model).ofSentences(new int[][] {theCat}).logProbability());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PerplexityScorer(model).ofSentences(new int[][] {{0}, {2, 3}}));
    assertTrue(e.getMessage().contains("sentence 1"), e.getMessage());
  }

  @Test
  void manySentencesOfMixedLengthsScoreExactlyAsEachAlone() throws IOException {
    for (RnnLanguageModel kind : List.of(model, classModel)) {
      Random random = new Random(5);
      List<String> lines = new ArrayList<>();
      double expected = 0;
      for (int i = 0; i < 50; i++) {
        String[] sentence = new String[random.nextInt(9)];
        Arrays.setAll(sentence, t -> WORDS.get(random.nextInt(WORDS.size())));
        lines.add(String.join(" ", sentence));
        expected += kind.logProbability(sentence);
      }
      Path file = Files.write(directory.resolve("many.txt"), lines);
      assertEquals(expected, kind.perplexity(file, false).logProbability(), 1e-9, kind.toString());
    }
  }

  @Test
  void savedModelReadsBackIdentically() throws IOException {
    int[] characterClasses = {0, 2, 5, 7};
    int saved = 0;
    for (RnnLanguageModel original : allKinds(TokenUnit.CHARACTER, List.of("a", "b", " ", "\\", "é"),
        characterClasses)) {
      Path file = directory.resolve("model-" + saved++ + ".zip");
      original.save(file);
      RnnLanguageModel read = RnnLanguageModel.load(file);
      assertEquals(original.architecture(), read.architecture());
      assertEquals(original.vocabulary().tokens(), read.vocabulary().tokens());
      assertEquals(original.trainingInfo(), read.trainingInfo());
      assertEquals(original.logProbability("a", " ", "b", "é"), read.logProbability("a", " ", "b", "é"));
      assertArrayEquals(original.nextTokenProbabilities("b", "a"), read.nextTokenProbabilities("b", "a"));
      assertEquals(read.tokenize("ab é"), List.of("a", "b", " ", "é"));
    }
    assertEquals(2 * CellType.values().length, saved);
  }

  @Test
  void manifestsWrittenBeforeWordClassesReadAsTheFullSoftmax() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    Path old = directory.resolve("old.zip");
    withManifest(bytes.toByteArray(), old, properties -> assertEquals("0", properties.remove("Output-Classes")));
    RnnLanguageModel read = RnnLanguageModel.load(old);
    assertEquals(0, read.architecture().outputClasses());
    assertEquals(model.architecture(), read.architecture());
    assertEquals(model.logProbability("the", "cat"), read.logProbability("the", "cat"));
  }

  @Test
  void badClassStartsFailToLoadNamingTheProblem() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classModel.write(bytes);
    Map<float[], String> problems = new LinkedHashMap<>();
    problems.put(new float[] {0, 4, 1, 8}, "must increase strictly (no empty class): entry 2 is 1 after 4");
    problems.put(new float[] {0, 1, 1, 8}, "must increase strictly");
    problems.put(new float[] {0, 1, 4, 7}, "must end at the vocabulary size 8, not 7");
    problems.put(new float[] {1, 2, 4, 8}, "must start at 0, not 1");
    problems.put(new float[] {0, 1.5f, 4, 8}, "entry 1 is 1.5, not an id from 0 to 8");
    problems.put(new float[] {0, 1, 4, 9}, "entry 3 is 9.0, not an id from 0 to 8");
    int case_ = 0;
    for (Map.Entry<float[], String> problem : problems.entrySet()) {
      Path file = directory.resolve("bad-classes-" + case_++ + ".zip");
      copyEntries(bytes.toByteArray(), file, RnnLanguageModel.WEIGHTS_ENTRY, weights -> {
        Map<String, Tensor> tensors = TensorFile.read(new ByteArrayInputStream(weights), "weights");
        float[] starts = problem.getKey();
        tensors.put(RnnLanguageModel.CLASS_STARTS, new Tensor(RnnLanguageModel.CLASS_STARTS,
            new int[] {starts.length}, starts));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TensorFile.write(tensors.values(), out);
        return out.toByteArray();
      });
      InputFormatException e = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(file));
      assertTrue(e.getMessage().contains(file + "!" + RnnLanguageModel.WEIGHTS_ENTRY), e.getMessage());
      assertTrue(e.getMessage().contains(RnnLanguageModel.CLASS_STARTS), e.getMessage());
      assertTrue(e.getMessage().contains(problem.getValue()), e.getMessage());
    }
  }

  @Test
  void classTensorsMustMatchTheDeclaredClassCount() throws IOException {
    InputFormatException e = errorWithManifest(classModel, "four-classes.zip",
        properties -> properties.setProperty("Output-Classes", "4"));
    assertTrue(e.getMessage().contains(RnnLanguageModel.CLASS_WEIGHTS + " has shape [7, 3], expected [7, 4]"),
        e.getMessage());
  }

  /** Another version's entry in the weights (8-bit weights, a list, a text) might matter to the scores. */
  @Test
  void weightsHoldingAnEntryThatIsNotAFloatTensorAreRefused() throws IOException {
    Path file = classModelWithWeights("noted-weights.zip", weights -> {
      TensorBundle bundle = new TensorBundle();
      TensorFile.read(new ByteArrayInputStream(weights), "weights").values().forEach(bundle::add);
      bundle.addText("dropout-mask", "on");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TensorFile.write(bundle, out);
      return out.toByteArray();
    });
    InputFormatException e = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(file));
    assertTrue(e.getMessage().startsWith(file + "!" + RnnLanguageModel.WEIGHTS_ENTRY + ": byte "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": entry 'dropout-mask' is not part of a language model's weights, which are"
        + " float tensors"), e.getMessage());
  }

  /** Finite but huge weights would score NaN or a perplexity of 1 without a word; class starts are ids, not weights. */
  @Test
  void weightsBeyondAnyTrainedMagnitudeAreRefused() throws IOException {
    Path file = classModelWithWeights("huge-bias.zip", weights -> {
      TensorBundle bundle = new TensorBundle();
      TensorFile.read(new ByteArrayInputStream(weights), "weights").values().forEach(tensor -> bundle.add(
          tensor.name().equals(RnnLanguageModel.OUTPUT_BIAS) ? new Tensor(tensor.name(), tensor.shape(),
              filled(tensor.values().length, 3e38f)) : tensor));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TensorFile.write(bundle, out);
      return out.toByteArray();
    });
    InputFormatException e = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(file));
    assertTrue(e.getMessage().startsWith(file + "!" + RnnLanguageModel.WEIGHTS_ENTRY + ": byte "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": tensor '" + RnnLanguageModel.OUTPUT_BIAS + "': value 1 is 3.0E38, beyond"
        + " the 100000 in magnitude that no trained weight reaches (a damaged or hand-made model?)"), e.getMessage());
  }

  @Test
  void classStartsAreIdsAndLoadBeyondTheWeightBound() throws IOException {
    List<String> words = IntStream.range(0, (int) TensorBundle.MAX_WEIGHT).mapToObj(i -> "w" + i).toList();
    int size = words.size() + 2;
    RnnLanguageModel large = randomModel(CellType.RNN, TokenUnit.WORD, words, new int[] {0, 1, size});
    Path file = directory.resolve("large.zip");
    large.save(file);
    assertEquals(size, RnnLanguageModel.load(file).vocabulary().size());
  }

  private static float[] filled(int length, float value) {
    float[] values = new float[length];
    Arrays.fill(values, value);
    return values;
  }

  @Test
  void aManifestThatLeavesTensorsUnusedIsRefusedRatherThanScoringWithPartOfTheModel() throws IOException {
    InputFormatException layers = errorWithManifest(classModel, "one-layer.zip",
        properties -> properties.setProperty("Layers", "1"));
    assertEquals(directory.resolve("one-layer.zip") + "!weights.bin: byte 0: the weights hold tensors that 1 GRU"
        + " layer(s) and 3 output classes do not use: [layer.1.bias, layer.1.input-weights,"
        + " layer.1.recurrent-weights]", layers.getMessage());
    InputFormatException classes = errorWithManifest(classModel, "no-classes.zip",
        properties -> properties.remove("Output-Classes"));
    assertTrue(classes.getMessage().endsWith("0 output classes do not use: [" + RnnLanguageModel.CLASS_BIAS + ", "
        + RnnLanguageModel.CLASS_STARTS + ", " + RnnLanguageModel.CLASS_WEIGHTS + "]"), classes.getMessage());
  }

  @Test
  void aVocabularyOfAnotherTokenUnitIsRefused() throws IOException {
    InputFormatException e = errorWithManifest(model, "said-characters.zip",
        properties -> properties.setProperty("Token-Unit", TokenUnit.CHARACTER.name()));
    int firstWord = 2;
    while (model.vocabulary().token(firstWord).length() == 1) {
      firstWord++;
    }
    assertEquals(directory.resolve("said-characters.zip") + "!vocabulary.txt:" + (firstWord + 1) + ": '"
        + model.vocabulary().token(firstWord) + "' is not one CHARACTER token, as the manifest's Token-Unit says the"
        + " vocabulary holds", e.getMessage());
    InputFormatException space = errorWithManifest(randomModel(CellType.RNN, TokenUnit.CHARACTER,
        List.of("a", " ", "b")), "said-words.zip", properties -> properties.setProperty("Token-Unit", "WORD"));
    assertTrue(space.getMessage().contains("' ' is not one WORD token"), space.getMessage());
  }

  @Test
  void theVocabularyMustHoldTheTokensTheManifestDeclares() throws IOException {
    int size = classModel.vocabulary().size();
    InputFormatException e = errorWithManifest(classModel, "vocabulary-size.zip",
        properties -> properties.setProperty("Vocabulary-Size", Integer.toString(size + 1)));
    assertEquals(directory.resolve("vocabulary-size.zip") + "!manifest.properties: byte 0: Vocabulary-Size is "
        + (size + 1) + ", but " + RnnLanguageModel.VOCABULARY_ENTRY + " holds " + size + " tokens", e.getMessage());
  }

  @Test
  void aManifestDeclaringAHugeArchitectureFailsBeforeAllocating() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classModel.write(bytes);
    for (String[] huge : new String[][] {{"Layers", "2000000000"}, {"Hidden-Size", "1000000000"}}) {
      Path file = directory.resolve("huge.zip");
      withManifest(bytes.toByteArray(), file, properties -> properties.setProperty(huge[0], huge[1]));
      InputFormatException e = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(file));
      assertTrue(e.getMessage().startsWith(file + "!manifest.properties: byte 0: bad architecture"), e.getMessage());
    }
  }

  @Test
  void aManifestValueThatIsNotOfItsKindIsNamedWithItsKey() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classModel.write(bytes);
    String[][] cases = {
        {"Cell", "XYZ", "Cell is 'XYZ', not one of [RNN, LSTM, GRU]"},
        {"Hidden-Size", "abc", "Hidden-Size is 'abc', not a whole number"}};
    for (String[] bad : cases) {
      Path file = directory.resolve("bad-value.zip");
      withManifest(bytes.toByteArray(), file, properties -> properties.setProperty(bad[0], bad[1]));
      InputFormatException e = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(file));
      assertEquals(file + "!manifest.properties: byte 0: " + bad[2], e.getMessage());
    }
  }

  @Test
  void aManifestWithABadEscapeIsAFormatError() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classModel.write(bytes);
    Path file = directory.resolve("escape.zip");
    copyEntries(bytes.toByteArray(), file, RnnLanguageModel.MANIFEST_ENTRY,
        manifest -> "Cell=\\uZZZZ\n".getBytes(StandardCharsets.ISO_8859_1));
    InputFormatException e = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(file));
    assertTrue(e.getMessage().startsWith(file + "!manifest.properties: byte 0: not a properties file"), e.getMessage());
  }

  @Test
  void badModelFilesFailNamingFileAndProblem() throws IOException {
    Path text = Files.writeString(directory.resolve("notes.txt"), "not a model");
    InputFormatException notZip = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(text));
    assertTrue(notZip.getMessage().startsWith(text.toString()), notZip.getMessage());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    Path noWeights = directory.resolve("no-weights.zip");
    copyEntries(bytes.toByteArray(), noWeights, RnnLanguageModel.WEIGHTS_ENTRY, content -> null);
    InputFormatException missing = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(noWeights));
    assertTrue(missing.getMessage().contains("no entry weights.bin"), missing.getMessage());

    Path truncated = directory.resolve("truncated.zip");
    copyEntries(bytes.toByteArray(), truncated, RnnLanguageModel.WEIGHTS_ENTRY,
        content -> Arrays.copyOf(content, 100));
    InputFormatException cut = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(truncated));
    assertTrue(cut.getMessage().contains("weights.bin: byte"), cut.getMessage());
    assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    assertFalse(cut.getMessage().contains("\n"));
  }

  @Test
  void unknownEntriesAreSkippedAndBombsAndAHugeManifestAreRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    Path extra = withExtraEntry(bytes.toByteArray(), directory.resolve("extra.zip"), new byte[4096]);
    assertEquals(model.logProbability("the", "cat"), RnnLanguageModel.load(extra).logProbability("the", "cat"));

    // 64 MB of zeros, a few kB on disk: more than a hundred times the file's size inflated, so a bomb
    Path bomb = withExtraEntry(bytes.toByteArray(), directory.resolve("bomb.zip"), new byte[64 << 20]);
    InputFormatException refused = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(bomb));
    assertTrue(refused.getMessage().startsWith(bomb + "!padding.bin: byte "), refused.getMessage());
    assertTrue(refused.getMessage().contains("bytes in all"), refused.getMessage());

    Path hugeManifest = directory.resolve("huge-manifest.zip");
    copyEntries(bytes.toByteArray(), hugeManifest, RnnLanguageModel.MANIFEST_ENTRY, content -> new byte[2 << 20]);
    InputFormatException huge = assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(hugeManifest));
    assertTrue(huge.getMessage().contains("manifest.properties: byte"), huge.getMessage());
  }

  /** Copies the zip {@code model} to {@code file} with an entry {@code padding.bin} of {@code padding} added. */
  private static Path withExtraEntry(byte[] model, Path file, byte[] padding) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model))) {
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          out.putNextEntry(new ZipEntry(entry.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
      }
      out.putNextEntry(new ZipEntry("padding.bin"));
      out.write(padding);
      out.closeEntry();
    }
    return file;
  }

  /** A change to the content of a zip entry; null drops the entry. */
  private interface EntryChange {
    byte[] apply(byte[] content) throws IOException;
  }

  /** The error of loading a copy of {@code model}, named {@code name}, whose manifest {@code edit} changed. */
  private InputFormatException errorWithManifest(RnnLanguageModel model, String name, Consumer<Properties> edit)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    Path file = directory.resolve(name);
    withManifest(bytes.toByteArray(), file, edit);
    return assertThrows(InputFormatException.class, () -> RnnLanguageModel.load(file));
  }

  /** Writes to {@code file} the zip {@code model} with its manifest changed by {@code edit}. */
  private static void withManifest(byte[] model, Path file, Consumer<Properties> edit) throws IOException {
    copyEntries(model, file, RnnLanguageModel.MANIFEST_ENTRY, manifest -> {
      Properties properties = load(manifest);
      edit.accept(properties);
      return store(properties);
    });
  }

  /** Copies the zip {@code model} to {@code file} with {@code entry} changed by {@code change}. */
  /** A copy of the class model, named {@code name}, whose weights entry {@code change} rewrites. */
  private Path classModelWithWeights(String name, EntryChange change) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classModel.write(bytes);
    Path file = directory.resolve(name);
    copyEntries(bytes.toByteArray(), file, RnnLanguageModel.WEIGHTS_ENTRY, change);
    return file;
  }

  private static void copyEntries(byte[] model, Path file, String entry, EntryChange change) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
        OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry next;
      while ((next = in.getNextEntry()) != null) {
        byte[] content = in.readAllBytes();
        if (next.getName().equals(entry)) {
          content = change.apply(content);
          if (content == null) {
            continue;
          }
        }
        zip.putNextEntry(new ZipEntry(next.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
  }

  private static Properties load(byte[] content) throws IOException {
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(content));
    return properties;
  }

  private static byte[] store(Properties properties) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    properties.store(out, null);
    return out.toByteArray();
  }
}

package org.seqnlp.lucene.expansion;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.util.ResourceLoader;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

public class TestSemanticExpansionFilterFactory extends BaseTokenStreamTestCase {

  /** Cosines of the spokes to "hub": eleven at or above 0.4, then 0.39, so the defaults cut on both sides. */
  private static final double[] SPOKES = {0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.41, 0.39};

  private static final ResourceLoader LOADER = new MapResourceLoader()
      .with("vectors.txt", ExpansionFixtures.vehiclesText())
      .with("protwords.txt", "# never expanded\nCAR\n")
      .with("broken.txt", "2 3\ncar 1 2\n")
      .with("spokes.txt", spokesText());

  /** "hub" along the first axis, spoke i at cosine SPOKES[i] to it and off in a direction of its own. */
  private static String spokesText() {
    int dimension = SPOKES.length + 1;
    StringBuilder text = new StringBuilder((SPOKES.length + 1) + " " + dimension + "\nhub 1");
    text.append(" 0".repeat(SPOKES.length)).append('\n');
    for (int i = 0; i < SPOKES.length; i++) {
      text.append("spoke").append(i).append(' ').append(SPOKES[i]);
      for (int axis = 0; axis < SPOKES.length; axis++) {
        text.append(' ').append(axis == i ? Math.sqrt(1 - SPOKES[i] * SPOKES[i]) : 0);
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static Map<String, String> args(String... keysAndValues) {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      args.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return args;
  }

  private static TokenFilterFactory informed(ResourceLoader loader, String... keysAndValues) throws IOException {
    TokenFilterFactory factory = TokenFilterFactory.forName(SemanticExpansionFilterFactory.NAME,
        args(keysAndValues));
    ((SemanticExpansionFilterFactory) factory).inform(loader);
    return factory;
  }

  private static TokenStream tokenize(TokenFilterFactory factory, String text) {
    Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
    tokenizer.setReader(new StringReader(text));
    return factory.create(tokenizer);
  }

  /** A temporary directory of the default file system, which the factory resolves names on. */
  private static Path defaultFileSystemTempDir() {
    return Path.of(createTempDir().toString());
  }

  public void testIsFoundByItsSpiName() {
    assertTrue(TokenFilterFactory.availableTokenFilters().contains(SemanticExpansionFilterFactory.NAME));
    assertEquals(SemanticExpansionFilterFactory.class,
        TokenFilterFactory.lookupClass(SemanticExpansionFilterFactory.NAME));
    assertTrue(TokenFilterFactory.forName("semanticExpansion", args("vectors", "v.txt"))
        instanceof SemanticExpansionFilterFactory);
  }

  public void testExpandsWithVectorsFromTheResourceLoader() throws IOException {
    TokenFilterFactory factory = informed(LOADER, "vectors", "vectors.txt", "maxExpansions", "2");
    assertTokenStreamContents(tokenize(factory, "car banana"),
        new String[] {"car", "automobile", "vehicle", "banana", "fruit"}, new int[] {1, 0, 0, 1, 0});
  }

  public void testDefaultsAreTheDocumentedConstants() throws IOException {
    TokenFilterFactory explicit = informed(LOADER, "vectors", "vectors.txt", "maxExpansions",
        String.valueOf(SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS), "minSimilarity",
        String.valueOf(SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY), "expansionWeight",
        String.valueOf(SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT));
    TokenFilterFactory defaults = informed(LOADER, "vectors", "vectors.txt");
    List<String> texts = List.of("car", "car banana truck", "bus fruit vehicle automobile");
    assertEquals(analyzeAll(explicit, texts), analyzeAll(defaults, texts));
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", "vectors.txt", "minSimilarity", "0.7"), "car"),
        new String[] {"car", "automobile", "vehicle"});
  }

  public void testDefaultsAreTenNeighboursOfCosineFromPointFourWeighingPointSeven() throws IOException {
    List<String> tenClosest = new ArrayList<>(List.of("hub"));
    double cosineSum = 0;
    for (int i = 0; i < 10; i++) {
      tenClosest.add("spoke" + i);
      cosineSum += SPOKES[i];
    }
    TokenFilterFactory defaults = informed(LOADER, "vectors", "spokes.txt");
    assertTokenStreamContents(tokenize(defaults, "hub"), tenClosest.toArray(String[]::new));
    try (TokenStream stream = tokenize(defaults, "hub")) {
      BoostAttribute boostAtt = stream.addAttribute(BoostAttribute.class);
      stream.reset();
      assertTrue(stream.incrementToken());
      assertTrue(stream.incrementToken());
      assertEquals(0.7 * SPOKES[0] / cosineSum, boostAtt.getBoost(), 1e-6);
      while (stream.incrementToken()) {
        // drained for end()
      }
      stream.end();
    }
    List<String> fromPointFour = new ArrayList<>(tenClosest);
    fromPointFour.add("spoke10");
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", "spokes.txt", "maxExpansions", "20"), "hub"),
        fromPointFour.toArray(String[]::new));
  }

  public void testTheVectorsDirectoryPropertyConfinesFilesReadFromTheFileSystem() throws IOException {
    Path allowed = defaultFileSystemTempDir();
    Path other = defaultFileSystemTempDir();
    Path inside = Files.writeString(allowed.resolve("v.txt"), ExpansionFixtures.vehiclesText());
    Path outside = Files.writeString(other.resolve("v.txt"), ExpansionFixtures.vehiclesText());
    Path link = allowed.resolve("link.txt");
    boolean linked = true;
    try {
      Files.createSymbolicLink(link, outside);
    } catch (UnsupportedOperationException | IOException e) {
      linked = false;
    }
    String previous = System.setProperty(SemanticExpansionFilterFactory.VECTORS_DIRECTORY_PROPERTY,
        allowed.toString());
    try {
      assertTokenStreamContents(tokenize(informed(LOADER, "vectors", inside.toString(), "maxExpansions", "1"), "car"),
          new String[] {"car", "automobile"});
      IOException e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", outside.toString()));
      assertEquals("semanticExpansion: vectors file '" + outside + "' is outside " + allowed
          + ", the directory that system property seqnlp.vectors.dir allows", e.getMessage());
      if (linked) {
        expectThrows(IOException.class, () -> informed(LOADER, "vectors", link.toString()));
      }
      Path missingOutside = other.resolve("missing.txt");
      e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", missingOutside.toString()));
      assertTrue(e.getMessage(), e.getMessage().contains("is outside"));
      if (linked) {
        // The directory reached through a link: a missing file in it is missing, not outside.
        Path linkToAllowed = other.resolve("allowed-link");
        Files.createSymbolicLink(linkToAllowed, allowed);
        System.setProperty(SemanticExpansionFilterFactory.VECTORS_DIRECTORY_PROPERTY, linkToAllowed.toString());
        Path typo = linkToAllowed.resolve("vectros.txt");
        e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", typo.toString()));
        assertEquals("semanticExpansion: vectors file '" + typo + "' does not exist", e.getMessage());
        System.setProperty(SemanticExpansionFilterFactory.VECTORS_DIRECTORY_PROPERTY, allowed.toString());
      }
      if (linked) {
        // ".." after a link is taken from the link's target, as opening the file would take it.
        Path escape = Files.createSymbolicLink(allowed.resolve("to-other"), other.resolve("sub-dir-missing"));
        Files.createDirectories(other.resolve("sub-dir-missing"));
        Path throughLink = Path.of(escape + "/../v.txt");
        e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", throughLink.toString()));
        assertTrue(e.getMessage(), e.getMessage().contains("is outside"));
      }
      // A relative name the loader does not know: whether it exists in the working directory stays unsaid.
      e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", "../../no-such-dir/x.txt"));
      assertEquals("semanticExpansion: vectors file '../../no-such-dir/x.txt' not found by the resource loader, and"
          + " in the working directory it would be outside " + allowed + ", the directory that system property"
          + " seqnlp.vectors.dir allows", e.getMessage());
      System.setProperty(SemanticExpansionFilterFactory.VECTORS_DIRECTORY_PROPERTY, other.resolve("none").toString());
      e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", inside.toString()));
      assertEquals("semanticExpansion: system property seqnlp.vectors.dir names no directory: '"
          + other.resolve("none") + "'", e.getMessage());
    } finally {
      if (previous == null) {
        System.clearProperty(SemanticExpansionFilterFactory.VECTORS_DIRECTORY_PROPERTY);
      } else {
        System.setProperty(SemanticExpansionFilterFactory.VECTORS_DIRECTORY_PROPERTY, previous);
      }
    }
    // Without the property, any absolute path is read, as before.
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", outside.toString(), "maxExpansions", "1"), "car"),
        new String[] {"car", "automobile"});
  }

  public void testADirectoryAsVectorsIsOneLineNamingThePath() {
    Path directory = defaultFileSystemTempDir();
    IOException e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", directory.toString()));
    assertEquals("semanticExpansion: vectors file '" + directory + "' is a directory", e.getMessage());
  }

  public void testExpansionWeightIsSharedByATermsNeighbours() throws IOException {
    TokenFilterFactory factory = informed(LOADER, "vectors", "vectors.txt", "maxExpansions", "1",
        "expansionWeight", "0.2");
    try (TokenStream stream = tokenize(factory, "banana")) {
      BoostAttribute boostAtt = stream.addAttribute(BoostAttribute.class);
      stream.reset();
      assertTrue(stream.incrementToken());
      assertEquals(1f, boostAtt.getBoost(), 0f);
      assertTrue(stream.incrementToken());
      assertEquals(0.2f, boostAtt.getBoost(), 1e-6f);
      assertFalse(stream.incrementToken());
      stream.end();
    }
  }

  public void testReadsAnAbsolutePathInAnyFormat() throws IOException {
    Path directory = defaultFileSystemTempDir();
    for (VectorFormat format : VectorFormat.values()) {
      Path file = directory.resolve("vectors-" + format.id());
      VectorFiles.write(ExpansionFixtures.vehicles(), file, format);
      for (String formatArg : List.of("auto", format.id())) {
        TokenFilterFactory factory = informed(LOADER, "vectors", file.toString(), "format", formatArg);
        assertTokenStreamContents(tokenize(factory, "banana"), new String[] {"banana", "fruit"});
      }
    }
  }

  public void testFallsBackToAPathRelativeToTheWorkingDirectory() throws IOException {
    Path file = defaultFileSystemTempDir().resolve("vectors.bin");
    VectorFiles.write(ExpansionFixtures.vehicles(), file, VectorFormat.WORD2VEC_BINARY);
    Path relative = Path.of("").toAbsolutePath().relativize(file);
    TokenFilterFactory factory = informed(LOADER, "vectors", relative.toString());
    assertTokenStreamContents(tokenize(factory, "banana"), new String[] {"banana", "fruit"});
  }

  public void testAReadErrorIsReportedAndNotTakenForAMissingFile() throws IOException {
    // The working directory's file of the same name must not be read instead.
    Path file = defaultFileSystemTempDir().resolve("unreadable.bin");
    VectorFiles.write(ExpansionFixtures.vehicles(), file, VectorFormat.WORD2VEC_BINARY);
    String relative = Path.of("").toAbsolutePath().relativize(file).toString();
    ResourceLoader failing = new ResourceLoader() {
      @Override
      public InputStream openResource(String resource) {
        return new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk error");
          }
        };
      }

      @Override
      public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
        throw new UnsupportedOperationException();
      }
    };
    IOException e = expectThrows(IOException.class, () -> informed(failing, "vectors", relative));
    assertEquals("semanticExpansion: cannot read vectors file '" + relative + "': disk error", e.getMessage());
  }

  public void testProtectedWordsAreNotExpanded() throws IOException {
    assertTokenStreamContents(
        tokenize(informed(LOADER, "vectors", "vectors.txt", "minSimilarity", "0.7", "protected", "protwords.txt"),
            "CAR car"),
        new String[] {"CAR", "car", "automobile", "vehicle"});
    assertTokenStreamContents(
        tokenize(informed(LOADER, "vectors", "vectors.txt", "protected", "protwords.txt", "ignoreCase", "true"),
            "car Car banana"),
        new String[] {"car", "Car", "banana", "fruit"});
  }

  public void testIgnoreCaseLooksTermsUpLowercased() throws IOException {
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", "vectors.txt", "minSimilarity", "0.7",
        "ignoreCase", "true"), "CAR"), new String[] {"CAR", "automobile", "vehicle"});
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", "vectors.txt"), "CAR"), new String[] {"CAR"});
  }

  public void testNeighbourTableGivesTheSameTokens() throws IOException {
    TokenFilterFactory factory = informed(LOADER, "vectors", "vectors.txt", "neighbourTable", "true",
        "maxExpansions", "4", "minSimilarity", "0.55");
    assertTokenStreamContents(tokenize(factory, "car"), new String[] {"car", "automobile", "vehicle", "truck"});
  }

  public void testSubwordsExpandUnseenTermsByTheirNgramVectorsWhenAsked() throws IOException {
    WordVectors vehicles = ExpansionFixtures.vehicles();
    // Every n-gram points like "car", so any unseen term's subword vector does too.
    CharacterNgrams ngrams = new CharacterNgrams(3, 5, 64);
    float[] buckets = new float[64 * 3];
    for (int bucket = 0; bucket < 64; bucket++) {
      buckets[3 * bucket] = 1;
    }
    List<String> words = new ArrayList<>();
    for (int row = 0; row < vehicles.size(); row++) {
      words.add(vehicles.word(row));
    }
    float[] rows = new float[vehicles.size() * 3];
    for (int row = 0; row < vehicles.size(); row++) {
      System.arraycopy(vehicles.vector(row), 0, rows, 3 * row, 3);
    }
    Path file = defaultFileSystemTempDir().resolve("subwords.seqnlp");
    VectorFiles.write(new WordVectors(words, 3, rows, new SubwordVectors(ngrams, 3, buckets)), file,
        VectorFormat.SEQNLP);
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", file.toString(), "subwords", "true", "minSimilarity", "0.7"),
        "cars banana"),
        new String[] {"cars", "car", "automobile", "vehicle", "banana", "fruit"});
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", file.toString(), "subwords", "true",
        "minSimilarity", "0.7", "neighbourTable", "true"), "cars"), new String[] {"cars", "car", "automobile", "vehicle"});
    assertTokenStreamContents(tokenize(informed(LOADER, "vectors", file.toString()), "cars"), new String[] {"cars"});

    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> informed(LOADER, "vectors", "vectors.txt", "subwords", "true"));
    assertEquals("semanticExpansion: subwords=\"true\" needs n-gram vectors, which 'vectors.txt' does not hold"
        + " (train-vectors --subwords writes them in the seqnlp format)", e.getMessage());
  }

  public void testRequiresVectors() {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> TokenFilterFactory.forName("semanticExpansion", args()));
    assertTrue(e.getMessage(), e.getMessage().contains("vectors"));
    IllegalArgumentException blank = expectThrows(IllegalArgumentException.class,
        () -> TokenFilterFactory.forName("semanticExpansion", args("vectors", " ")));
    assertEquals("Configuration Error: 'vectors' names no file", blank.getMessage());
  }

  public void testRejectsUnknownParameters() {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> TokenFilterFactory.forName("semanticExpansion", args("vectors", "v.txt", "maxSynonyms", "3")));
    assertEquals("Unknown parameters: {maxSynonyms=3}", e.getMessage());
  }

  public void testRejectsInvalidValuesNamingTheArgument() {
    String[][] invalid = {
        {"format", "csv"}, {"maxExpansions", "0"}, {"maxExpansions", "-2"}, {"maxExpansions", "three"},
        {"minSimilarity", "0"}, {"minSimilarity", "1.5"}, {"minSimilarity", "high"}, {"expansionWeight", "0"},
        {"expansionWeight", "1.01"}, {"expansionWeight", "-1"}, {"expansionWeight", "NaN"},
        {"expansionWeight", "half"}, {"ignoreCase", "yes"}, {"neighbourTable", "maybe"}, {"subwords", "on"}};
    for (String[] arg : invalid) {
      IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
          () -> TokenFilterFactory.forName("semanticExpansion", args("vectors", "v.txt", arg[0], arg[1])));
      assertTrue(e.getMessage(), e.getMessage().contains(arg[0]) && e.getMessage().contains(arg[1]));
    }
  }

  public void testMissingVectorsFileIsReportedByName() {
    IOException e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", "missing.bin"));
    assertEquals("semanticExpansion: vectors file 'missing.bin' not found by the resource loader nor in the"
        + " working directory", e.getMessage());
    assertEquals("the loader's own reason is kept", "Resource not found: missing.bin", e.getCause().getMessage());
  }

  public void testTooManyExpansionsAreRejectedBeforeATableIsBuilt() {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> TokenFilterFactory.forName("semanticExpansion",
            args("vectors", "v.txt", "neighbourTable", "true", "maxExpansions", "100000")));
    assertEquals("maxExpansions must be in [1, 1000], got 100000", e.getMessage());
  }

  public void testMissingAbsoluteVectorsPathIsOneLineNamingThePath() {
    Path missing = defaultFileSystemTempDir().resolve("missing.bin");
    IOException e = expectThrows(IOException.class, () -> informed(LOADER, "vectors", missing.toString()));
    assertEquals("semanticExpansion: vectors file '" + missing + "' does not exist", e.getMessage());
  }

  public void testMalformedVectorsNameTheLine() {
    InputFormatException e = expectThrows(InputFormatException.class,
        () -> informed(LOADER, "vectors", "broken.txt"));
    assertEquals("broken.txt:2: expected 3 values after word 'car', found 2", e.getMessage());
  }

  public void testCreateBeforeInformFails() {
    TokenFilterFactory factory = TokenFilterFactory.forName("semanticExpansion", args("vectors", "v.txt"));
    expectThrows(IllegalStateException.class, () -> factory.create(new MockTokenizer()));
  }

  public void testSixteenThreadsThroughOneFactoryGetTheSameTokensAsOne() throws Exception {
    TokenFilterFactory factory = informed(LOADER, "vectors", "vectors.txt", "minSimilarity", "0.5",
        "maxExpansions", "3");
    String[] words = {"car", "banana", "bus", "truck", "x", "vehicle", "fruit", "automobile"};
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = 0; j <= i % 7; j++) {
        text.append(words[(i * 31 + j * 7) % words.length]).append(' ');
      }
      texts.add(text.toString());
    }
    List<String> expected = analyzeAll(factory, texts);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int thread = 0; thread < 16; thread++) {
        results.add(pool.submit(() -> analyzeAll(factory, texts)));
      }
      for (Future<List<String>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }
  }

  /** Each text's tokens with their boosts, e.g. "car/1.0 automobile/0.95". */
  private static List<String> analyzeAll(TokenFilterFactory factory, List<String> texts) throws IOException {
    List<String> analyzed = new ArrayList<>();
    for (String text : texts) {
      StringBuilder tokens = new StringBuilder();
      try (TokenStream stream = tokenize(factory, text)) {
        CharTermAttribute termAtt = stream.addAttribute(CharTermAttribute.class);
        BoostAttribute boostAtt = stream.addAttribute(BoostAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          tokens.append(termAtt).append('/').append(boostAtt.getBoost()).append(' ');
        }
        stream.end();
      }
      analyzed.add(tokens.toString());
    }
    return analyzed;
  }
}

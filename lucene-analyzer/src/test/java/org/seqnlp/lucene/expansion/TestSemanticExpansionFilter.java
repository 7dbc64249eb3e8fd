package org.seqnlp.lucene.expansion;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.boost.DelimitedBoostTokenFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.CannedTokenStream;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.tests.analysis.Token;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.NeighbourLookup;
import org.seqnlp.vectors.WordVectors;

public class TestSemanticExpansionFilter extends BaseTokenStreamTestCase {

  private static final NearestNeighbours VEHICLES = new NearestNeighbours(ExpansionFixtures.vehicles());

  private static TokenStream expand(String text, int maxExpansions, float minSimilarity, float expansionWeight,
      CharArraySet unexpanded, boolean lowercaseLookup) {
    Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
    tokenizer.setReader(new StringReader(text));
    return new SemanticExpansionFilter(tokenizer, VEHICLES, maxExpansions, minSimilarity, expansionWeight,
        unexpanded, lowercaseLookup);
  }

  private static TokenStream expand(String text, int maxExpansions, float minSimilarity, CharArraySet unexpanded,
      boolean lowercaseLookup) {
    return expand(text, maxExpansions, minSimilarity, 0.5f, unexpanded, lowercaseLookup);
  }

  private static TokenStream expand(String text, int maxExpansions, float minSimilarity) {
    return expand(text, maxExpansions, minSimilarity, CharArraySet.EMPTY_SET, false);
  }

  /** Asserts the stream's terms and, within rounding, their boosts. */
  private static void assertBoosts(TokenStream stream, List<String> terms, float... boosts) throws IOException {
    List<String> actualTerms = new ArrayList<>();
    List<Float> actualBoosts = new ArrayList<>();
    try (stream) {
      CharTermAttribute termAtt = stream.getAttribute(CharTermAttribute.class);
      BoostAttribute boostAtt = stream.getAttribute(BoostAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        actualTerms.add(termAtt.toString());
        actualBoosts.add(boostAtt.getBoost());
      }
      stream.end();
    }
    assertEquals(terms, actualTerms);
    for (int i = 0; i < boosts.length; i++) {
      assertEquals(terms.get(i), boosts[i], actualBoosts.get(i), 1e-5);
    }
  }

  public void testAddsNeighboursAsSynonymsAtTheSamePosition() throws IOException {
    assertTokenStreamContents(expand("red car fast", 3, 0.7f),
        new String[] {"red", "car", "automobile", "vehicle", "fast"},
        new int[] {0, 4, 4, 4, 8},
        new int[] {3, 7, 7, 7, 12},
        new String[] {"word", "word", "SYNONYM", "SYNONYM", "word"},
        new int[] {1, 1, 0, 0, 1},
        12);
  }

  public void testExpansionsSpanAsManyPositionsAsTheirTerm() throws IOException {
    // A graph as a synonym graph filter leaves it: "car" spans the two positions of "go on".
    Token car = new Token("car", 0, 5);
    car.setPositionLength(2);
    Token go = new Token("go", 0, 2);
    go.setPositionIncrement(0);
    TokenStream stream = new SemanticExpansionFilter(
        new CannedTokenStream(car, go, new Token("on", 3, 5), new Token("fast", 6, 10)), VEHICLES, 2, 0.7f, 0.5f,
        CharArraySet.EMPTY_SET, false);
    assertTokenStreamContents(stream, new String[] {"car", "automobile", "vehicle", "go", "on", "fast"},
        new int[] {0, 0, 0, 0, 3, 6}, new int[] {5, 5, 5, 2, 5, 10}, null, new int[] {1, 0, 0, 0, 1, 1},
        new int[] {2, 2, 2, 1, 1, 1}, null);
  }

  public void testTermsOnAMultiWordPathOfAGraphAreNotExpanded() throws IOException {
    // "banana" alone spans the stretch that "car bus" spans in two terms; the stretch ends before "fruit".
    Token banana = new Token("banana", 0, 7);
    banana.setPositionLength(2);
    Token car = new Token("car", 0, 3);
    car.setPositionIncrement(0);
    TokenStream stream = new SemanticExpansionFilter(
        new CannedTokenStream(banana, car, new Token("bus", 4, 7), new Token("fruit", 8, 13)), VEHICLES, 1, 0.5f,
        0.5f, CharArraySet.EMPTY_SET, false);
    assertTokenStreamContents(stream, new String[] {"banana", "fruit", "car", "bus", "fruit", "banana"},
        new int[] {0, 0, 0, 4, 8, 8}, new int[] {7, 7, 3, 7, 13, 13}, null, new int[] {1, 0, 0, 1, 1, 0},
        new int[] {2, 2, 1, 1, 1, 1}, null);
  }

  public void testMultiWordSynonymsKeepTheQueryWithinTheClauseLimit() throws IOException {
    SynonymMap.Builder rules = new SynonymMap.Builder(true);
    rules.add(SynonymMap.Builder.join(new String[] {"car", "bus"}, new CharsRefBuilder()),
        SynonymMap.Builder.join(new String[] {"truck", "vehicle", "automobile"}, new CharsRefBuilder()), true);
    SynonymMap synonyms = rules.build();
    Analyzer analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
        return new TokenStreamComponents(tokenizer, new SemanticExpansionFilter(
            new SynonymGraphFilter(tokenizer, synonyms, false), VEHICLES, 10, 0.1f, 0.5f, CharArraySet.EMPTY_SET,
            false));
      }
    };
    // With each term of each path expanded, the stretch would have over 100 paths, each a clause; it has its 2.
    Query query = new DistinctTermsQueryBuilder(analyzer).createBooleanQuery("f", "car bus banana");
    assertEquals(List.of("f:automobile", "f:banana", "f:bus", "f:car", "f:fruit", "f:truck", "f:vehicle"),
        termsOf(query));
    analyzer.close();
  }

  /** car => car, automobile: each the other's nearest neighbour, and both near vehicle, truck and bus. */
  private static Analyzer stackedSynonyms(TokenFilterFactory after) throws IOException {
    SynonymMap.Builder rules = new SynonymMap.Builder(true);
    rules.add(new CharsRef("car"), new CharsRef("automobile"), true);
    SynonymMap synonyms = rules.build();
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
        return new TokenStreamComponents(tokenizer, after.create(new SemanticExpansionFilter(
            new SynonymGraphFilter(tokenizer, synonyms, false), VEHICLES, 4, 0.5f, 0.5f, CharArraySet.EMPTY_SET,
            false)));
      }
    };
  }

  /** A filter after the expansion, or none. */
  private interface TokenFilterFactory {
    TokenStream create(TokenStream input);
  }

  public void testStackedSynonymsDoNotExpandIntoEachOther() throws IOException {
    try (Analyzer analyzer = stackedSynonyms(input -> input)) {
      Query query = new DistinctTermsQueryBuilder(analyzer).createBooleanQuery("f", "car");
      assertEquals("each word once, so the original terms keep their weight",
          List.of("f:automobile", "f:bus", "f:car", "f:truck", "f:vehicle"), termsOf(query).stream().sorted().toList());
    }
  }

  public void testResetDropsTokensHeldBackAtAStackedPosition() throws IOException {
    try (Analyzer analyzer = stackedSynonyms(input -> input)) {
      try (TokenStream stream = analyzer.tokenStream("f", "car")) {
        stream.reset();
        assertTrue(stream.incrementToken());
        // abandoned with the stacked synonym held back: no end(), as after an exception in a consumer
      } catch (IllegalStateException expected) {
        // MockTokenizer complains about the missing end(); the reuse below is what matters
      }
      assertAnalyzesTo(analyzer, "banana", new String[] {"banana", "fruit"});
    }
  }

  /**
   * A keyword term is expanded; its neighbours are new tokens, no keywords, so a stemmer after the filter stems
   * them.
   */
  public void testNeighboursOfAKeywordAreNoKeywords() throws IOException {
    Analyzer analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
        TokenStream marked = new SetKeywordMarkerFilter(tokenizer, new CharArraySet(List.of("automobile"), false));
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(new SemanticExpansionFilter(marked,
            VEHICLES, 2, 0.5f, 0.5f, CharArraySet.EMPTY_SET, false)));
      }
    };
    assertAnalyzesTo(analyzer, "automobile", new String[] {"automobile", "car", "vehicl"});
    analyzer.close();
  }

  public void testShinglesPassUnexpandedAndNoLongRunIsAllHeld() throws IOException {
    Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
    tokenizer.setReader(new StringReader("car banana"));
    assertTokenStreamContents(new SemanticExpansionFilter(new ShingleFilter(tokenizer, 2, 2), VEHICLES, 3, 0.5f,
        0.5f, CharArraySet.EMPTY_SET, false), new String[] {"car", "car banana", "banana"});

    int count = 4 * SemanticExpansionFilter.MAX_STRETCH_TOKENS;
    Token[] overlapping = new Token[count];
    for (int i = 0; i < count; i++) {
      overlapping[i] = new Token(i % 2 == 0 ? "car" : "banana", i, i + 1);
      overlapping[i].setPositionLength(2);
    }
    assertUnexpandedAndHeldBackAtMost(overlapping, SemanticExpansionFilter.MAX_STRETCH_TOKENS);

    Token[] stacked = new Token[SemanticExpansionFilter.MAX_STACKED_TOKENS + 5];
    for (int i = 0; i < stacked.length; i++) {
      stacked[i] = new Token("banana", 0, 6);
      stacked[i].setPositionIncrement(i == 0 ? 1 : 0);
    }
    assertUnexpandedAndHeldBackAtMost(stacked, SemanticExpansionFilter.MAX_STACKED_TOKENS);
  }

  private static void assertUnexpandedAndHeldBackAtMost(Token[] tokens, int held) throws IOException {
    int[] read = {0};
    TokenStream counted = new TokenFilter(new CannedTokenStream(tokens)) {
      @Override
      public boolean incrementToken() throws IOException {
        boolean more = input.incrementToken();
        read[0] += more ? 1 : 0;
        return more;
      }
    };
    try (TokenStream stream = new SemanticExpansionFilter(counted, VEHICLES, 3, 0.5f, 0.5f, CharArraySet.EMPTY_SET,
        false)) {
      TypeAttribute type = stream.getAttribute(TypeAttribute.class);
      stream.reset();
      int emitted = 0;
      while (stream.incrementToken()) {
        if (emitted++ == 0) {
          assertTrue("tokens read before the first came out: " + read[0], read[0] <= held);
        }
        assertFalse(type.type().equals(SynonymGraphFilter.TYPE_SYNONYM));
      }
      stream.end();
      assertEquals(tokens.length, emitted);
    }
  }

  /** More than a stretch may hold, but at one position: expanded (the neighbour once, as it is the same word). */
  public void testManyTokensStackedAtOnePositionAreExpanded() throws IOException {
    int count = SemanticExpansionFilter.MAX_STRETCH_TOKENS + 10;
    Token[] stacked = new Token[count];
    for (int i = 0; i < count; i++) {
      stacked[i] = new Token("banana", 0, 6);
      stacked[i].setPositionIncrement(i == 0 ? 1 : 0);
    }
    String[] expected = new String[count + 1];
    Arrays.fill(expected, "banana");
    expected[1] = "fruit";
    assertTokenStreamContents(new SemanticExpansionFilter(new CannedTokenStream(stacked), VEHICLES, 1, 0.5f, 0.5f,
        CharArraySet.EMPTY_SET, false), expected);
  }

  public void testExpansionsShareTheExpansionWeightInProportionToCosine() throws IOException {
    // car: automobile .95, vehicle .8, truck .6, bus .5 (sum 2.85); banana: fruit .9 alone.
    float car = 0.6f / 2.85f;
    assertBoosts(expand("car banana", 5, 0.5f, 0.6f, CharArraySet.EMPTY_SET, false),
        List.of("car", "automobile", "vehicle", "truck", "bus", "banana", "fruit"),
        1, car * 0.95f, car * 0.8f, car * 0.6f, car * 0.5f, 1, 0.6f);
  }

  public void testExpansionsWeighRelativeToTheTermsOwnBoost() throws IOException {
    Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
    tokenizer.setReader(new StringReader("banana|2 banana"));
    TokenStream stream = new SemanticExpansionFilter(new DelimitedBoostTokenFilter(tokenizer, '|'), VEHICLES, 3,
        0.7f, 0.25f, CharArraySet.EMPTY_SET, false);
    assertBoosts(stream, List.of("banana", "fruit", "banana", "fruit"), 2, 0.5f, 1, 0.25f);
  }

  public void testMaxExpansionsLimitsTheNeighbours() throws IOException {
    assertTokenStreamContents(expand("car", 1, 0.1f), new String[] {"car", "automobile"},
        new int[] {1, 0});
  }

  public void testMinSimilarityIsATrueCosine() throws IOException {
    // Lucene's (1 + cos) / 2 would admit truck (cos 0.6 -> 0.8) and bus (0.5 -> 0.75) at 0.75.
    assertTokenStreamContents(expand("car", 10, 0.75f), new String[] {"car", "automobile", "vehicle"});
  }

  public void testUnknownTermsPassThrough() throws IOException {
    assertTokenStreamContents(expand("the unknown", 3, 0.5f), new String[] {"the", "unknown"},
        new int[] {1, 1});
  }

  public void testUnexpandedTermsPassThroughAlone() throws IOException {
    CharArraySet unexpanded = new CharArraySet(List.of("car"), false);
    assertTokenStreamContents(expand("car banana", 3, 0.7f, unexpanded, false),
        new String[] {"car", "banana", "fruit"});
  }

  public void testLowercaseLookupExpandsCapitalisedTerms() throws IOException {
    assertTokenStreamContents(expand("Car", 2, 0.7f, CharArraySet.EMPTY_SET, true),
        new String[] {"Car", "automobile", "vehicle"});
    assertTokenStreamContents(expand("Car", 2, 0.7f, CharArraySet.EMPTY_SET, false), new String[] {"Car"});
  }

  public void testLowercaseLookupLeavesOutCaseVariants() throws IOException {
    List<String> words = List.of("car", "Car", "automobile", "Automobile", "vehicle");
    float[] matrix = {1, 0, 0.99f, 0.1f, 0.95f, 0.31f, 0.94f, 0.33f, 0.8f, 0.6f};
    Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
    tokenizer.setReader(new StringReader("Car"));
    TokenStream stream = new SemanticExpansionFilter(tokenizer, new NearestNeighbours(new WordVectors(words, 2,
        matrix)), 4, 0.5f, 0.5f, CharArraySet.EMPTY_SET, true);
    assertTokenStreamContents(stream, new String[] {"Car", "automobile", "vehicle"});
  }

  /**
   * Lowercased as LowerCaseFilter lowercases, to look terms up and to leave out case variants: String.toLowerCase
   * would give the final sigma as ς, not σ.
   */
  public void testLowercaseLookupLowercasesAsLuceneDoes() throws IOException {
    List<String> words = List.of("οδοσ", "ΟΔΟΣ", "δρομοσ");
    Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
    tokenizer.setReader(new StringReader("ΟΔΟΣ"));
    TokenStream stream = new SemanticExpansionFilter(tokenizer, new NearestNeighbours(new WordVectors(words, 2,
        new float[] {1, 0, 0.99f, 0.05f, 0.9f, 0.1f})), 2, 0.5f, 0.5f, CharArraySet.EMPTY_SET, true);
    assertTokenStreamContents(stream, new String[] {"ΟΔΟΣ", "δρομοσ"});
  }

  public void testNeighbourTableGivesTheSameTokens() throws IOException {
    NeighbourLookup table = VEHICLES.table(3, Progress.silent("table", 7, "words"));
    Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
    tokenizer.setReader(new StringReader("car banana"));
    assertTokenStreamContents(
        new SemanticExpansionFilter(tokenizer, table, 3, 0.7f, 0.5f, CharArraySet.EMPTY_SET, false),
        new String[] {"car", "automobile", "vehicle", "banana", "fruit"}, new int[] {1, 0, 0, 1, 0});
  }

  public void testResetDropsPendingExpansions() throws IOException {
    Analyzer analyzer = analyzer(VEHICLES, 3, 0.7f);
    try (TokenStream stream = analyzer.tokenStream("f", "car")) {
      stream.reset();
      assertTrue(stream.incrementToken());
      // abandoned with two synonyms pending: no end(), as after an exception in a consumer
    } catch (IllegalStateException expected) {
      // MockTokenizer complains about the missing end(); the reuse below is what matters
    }
    assertAnalyzesTo(analyzer, "banana", new String[] {"banana", "fruit"});
    analyzer.close();
  }

  public void testRejectsInvalidOptions() {
    expectThrows(IllegalArgumentException.class, () -> expand("car", 0, 0.7f));
    expectThrows(IllegalArgumentException.class, () -> expand("car", 3, 0f));
    expectThrows(IllegalArgumentException.class, () -> expand("car", 3, 1.5f));
    expectThrows(IllegalArgumentException.class, () -> expand("car", 3, Float.NaN));
    for (float weight : new float[] {0, -0.5f, 1.01f, Float.NaN}) {
      IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
          () -> expand("car", 3, 0.7f, weight, CharArraySet.EMPTY_SET, false));
      assertEquals("expansionWeight must be in (0, 1], got " + weight, e.getMessage());
    }
  }

  public void testRandomText() throws IOException {
    WordVectors shortWords = ExpansionFixtures.shortWords(random().nextLong());
    Analyzer analyzer = analyzer(new NearestNeighbours(shortWords), 1 + random().nextInt(4),
        0.5f + 0.4f * random().nextFloat());
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
    analyzer.close();
  }

  public void testRandomTextWithTableAndLongInputs() throws IOException {
    NearestNeighbours search = new NearestNeighbours(ExpansionFixtures.shortWords(random().nextLong()));
    Analyzer analyzer = analyzer(search.table(4, Progress.silent("table", 702, "words")), 4, 0.6f);
    checkRandomData(random(), analyzer, 20 * RANDOM_MULTIPLIER, 2048);
    analyzer.close();
  }

  public void testEmptyInputAndLoneUnknownTerm() throws IOException {
    Analyzer analyzer = analyzer(VEHICLES, 3, 0.7f);
    checkOneTerm(analyzer, "xyz", "xyz");
    assertAnalyzesTo(analyzer, "", new String[0]);
    analyzer.close();
  }

  /** The terms of every leaf of {@code query}, sorted, as many times as they occur. */
  private static List<String> termsOf(Query query) {
    List<String> terms = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query leaf, Term... leafTerms) {
        for (Term term : leafTerms) {
          terms.add(term.toString());
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    terms.sort(null);
    return terms;
  }

  private static Analyzer analyzer(NeighbourLookup neighbours, int maxExpansions, float minSimilarity) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new MockTokenizer(MockTokenizer.SIMPLE, true);
        return new TokenStreamComponents(tokenizer, new SemanticExpansionFilter(tokenizer, neighbours,
            maxExpansions, minSimilarity, 1, CharArraySet.EMPTY_SET, false));
      }
    };
  }
}

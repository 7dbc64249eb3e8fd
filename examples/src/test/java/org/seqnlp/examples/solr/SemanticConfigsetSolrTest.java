package org.seqnlp.examples.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.solr.analysis.TokenizerChain;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.request.LocalSolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.SyntaxError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.lucene.expansion.DistinctTermsQueryBuilder;
import org.seqnlp.lucene.expansion.SemanticExpansionAnalyzer;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.format.VectorFiles;

/**
 * Starts a real Solr 9 core from the configset in {@code examples/solr/configsets/semantic}, whose query
 * analyzers name our filter by its SPI name {@code semanticExpansion} and whose two field types query
 * synonyms as distinct terms and as one term, and checks that expansion finds what the same query without
 * expansion misses, and that Solr's standard parsers build the very queries {@code seqnlp eval-ir} scores.
 */
class SemanticConfigsetSolrTest {

  private static final Path CONFIGSETS = Path.of("solr", "configsets");
  private static final Path CONF = CONFIGSETS.resolve("semantic").resolve("conf");
  private static final String CORE = "semantic";

  @TempDir
  static Path solrHome;

  private static CoreContainer container;
  private static EmbeddedSolrServer solr;

  @BeforeAll
  static void startSolrAndIndex() throws IOException, SolrServerException {
    Files.writeString(solrHome.resolve("solr.xml"), "<solr><str name=\"configSetBaseDir\">"
        + CONFIGSETS.toAbsolutePath() + "</str></solr>\n");
    Path core = Files.createDirectories(solrHome.resolve(CORE));
    Files.writeString(core.resolve("core.properties"), "name=" + CORE + "\nconfigSet=semantic\n");
    container = CoreContainer.createAndLoad(solrHome);
    container.getCoreInitFailures().forEach((name, failure) -> {
      throw new AssertionError("core " + name + " failed to load: " + causes(failure.exception), failure.exception);
    });
    solr = new EmbeddedSolrServer(container, CORE);
    solr.add(List.of(
        document("1", "The car would not start on cold mornings."),
        document("2", "A banana is a yellow fruit."),
        document("3", "The library keeps an archive of old newspapers."),
        document("4", "An automobile, a car and a vehicle: three words for one thing.")));
    solr.commit();
  }

  @AfterAll
  static void stopSolr() throws IOException {
    if (solr != null) {
      solr.close();
    }
  }

  @Test
  void expandedQueryFindsTheDocumentThePlainQueryMisses() throws IOException, SolrServerException {
    assertEquals(List.of("4"), ids("body_plain:automobile"), "without expansion only the document saying it");
    assertEquals(List.of("1", "4"), ids("body:automobile"), "'automobile' expands to its neighbour 'car'");
  }

  @Test
  void neighboursBelowTheThresholdAreNotAdded() throws IOException, SolrServerException {
    assertEquals(List.of("2"), ids("body:banana"));
    assertEquals(List.of("3"), ids("body:archive"));
  }

  /**
   * The configset's field type is what eval-ir measures: Solr's standard parser builds exactly the
   * query of {@link SemanticExpansionAnalyzer} at the factory's defaults (Lucene's English stop words,
   * as the configset's list) through {@link DistinctTermsQueryBuilder}, which is how eval-ir formulates
   * every expanded query it scores.
   */
  @Test
  void standardParserBuildsTheQueryEvalIrScores() throws IOException, SyntaxError {
    assertEquals(Map.of("maxExpansions", String.valueOf(SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS),
        "minSimilarity", String.valueOf(SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY),
        "expansionWeight", String.valueOf(SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT)),
        expansionSettings("text_semantic"), "the factory's defaults, which eval-ir's analyzer uses below");
    NearestNeighbours neighbours = new NearestNeighbours(VectorFiles.read(CONF.resolve("vectors.txt")));
    for (String text : List.of("automobile", "the fast car and a banana", "library archive newspapers")) {
      Query expected;
      try (Analyzer evalIr = new SemanticExpansionAnalyzer(neighbours, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
        expected = new DistinctTermsQueryBuilder(evalIr).createBooleanQuery("body", text);
      }
      assertEquals(expected, parse("lucene", text, "body"), text);
    }
  }

  /**
   * The second field type is eval-ir's {@code as_same_term} formulation, Lucene's own {@link QueryBuilder}, at
   * the settings {@code eval/results/ir-joined.md} chooses on all five collections: 5 neighbours of cosine at
   * least 0.7, weighing 0.7 of the term.
   */
  @Test
  void sameTermFieldTypeBuildsTheQueryEvalIrScoresInThatStyle()
      throws IOException, SyntaxError, SolrServerException {
    // the demo vectors' cosines are near 1 or far below 0.4, so the settings are checked where they are written
    assertEquals(Map.of("maxExpansions", "5", "minSimilarity", "0.7", "expansionWeight", "0.7"),
        expansionSettings("text_semantic_same_term"));
    NearestNeighbours neighbours = new NearestNeighbours(VectorFiles.read(CONF.resolve("vectors.txt")));
    for (String text : List.of("automobile", "the fast car and a banana", "library archive newspapers")) {
      Query expected;
      try (Analyzer evalIr = new SemanticExpansionAnalyzer(neighbours, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, 5,
          0.7f, 0.7f)) {
        expected = new QueryBuilder(evalIr).createBooleanQuery("body_same_term", text);
      }
      assertEquals(expected, parse("lucene", text, "body_same_term"), text);
    }
    assertTrue(parse("lucene", "automobile", "body_same_term") instanceof SynonymQuery);
    assertEquals(List.of("1", "4"), ids("body_same_term:automobile"));
    // through the default handler, as the READMEs say: its edismax reads qf, set to body, and df only without one
    String parsed = String.valueOf(solr.query(new SolrQuery("automobile").setParam("qf", "body_same_term")
        .setShowDebugInfo(true)).getDebugMap().get("parsedquery"));
    assertTrue(parsed.contains("Synonym(body_same_term:automobile"), parsed);
  }

  /** The configset's default handler uses edismax over the one field: the same scores as the standard parser. */
  @Test
  void edismaxScoresAsTheStandardParser() throws IOException, SolrServerException {
    String text = "automobile banana library";
    Map<String, Float> standard = scores(text, "lucene");
    assertEquals(4, standard.size());
    Map<String, Float> edismax = scores(text, "edismax");
    assertEquals(standard.keySet(), edismax.keySet());
    standard.forEach((id, score) -> assertEquals(score, edismax.get(id), 1e-5f * score, id));
    assertTrue(standard.get("4") > standard.get("1"), "the original term weighs more than its expansion");
  }

  /** The settings the configset gives {@code semanticExpansion} in the query analyzer of {@code fieldType}. */
  private static Map<String, String> expansionSettings(String fieldType) {
    try (SolrCore core = container.getCore(CORE)) {
      TokenizerChain chain = (TokenizerChain) core.getLatestSchema().getFieldTypeByName(fieldType).getQueryAnalyzer();
      Map<String, String> args = Arrays.stream(chain.getTokenFilterFactories())
          .filter(factory -> factory instanceof SemanticExpansionFilterFactory).findFirst().orElseThrow()
          .getOriginalArgs();
      return Map.of("maxExpansions", args.get("maxExpansions"), "minSimilarity", args.get("minSimilarity"),
          "expansionWeight", args.get("expansionWeight"));
    }
  }

  private static Query parse(String parser, String text, String field) throws SyntaxError {
    try (SolrCore core = container.getCore(CORE);
        LocalSolrQueryRequest request = new LocalSolrQueryRequest(core,
            new ModifiableSolrParams().set("df", field))) {
      return QParser.getParser(text, parser, request).getQuery();
    }
  }

  private static Map<String, Float> scores(String text, String parser) throws IOException, SolrServerException {
    SolrQuery query = new SolrQuery(text).setParam("defType", parser).setParam("df", "body").setParam("qf", "body")
        .setFields("id", "score");
    return solr.query(query).getResults().stream().collect(Collectors.toMap(
        document -> (String) document.getFieldValue("id"), SemanticConfigsetSolrTest::score));
  }

  private static float score(SolrDocument document) {
    return ((Number) document.getFieldValue("score")).floatValue();
  }

  private static List<String> ids(String query) throws IOException, SolrServerException {
    return solr.query(new SolrQuery(query).setParam("defType", "lucene")).getResults().stream()
        .map(document -> (String) document.getFieldValue("id")).sorted().toList();
  }

  /** The messages of an exception and its causes: Solr wraps the analysis error several times. */
  private static String causes(Throwable exception) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      messages.append(messages.length() == 0 ? "" : " <- ").append(cause.getMessage());
    }
    return messages.toString();
  }

  private static SolrInputDocument document(String id, String body) {
    SolrInputDocument document = new SolrInputDocument();
    document.addField("id", id);
    document.addField("body", body);
    return document;
  }
}

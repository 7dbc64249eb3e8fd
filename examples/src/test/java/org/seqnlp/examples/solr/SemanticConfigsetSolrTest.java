package org.seqnlp.examples.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.CoreContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a real Solr 9 core from the configset in {@code examples/solr/configsets/semantic}, whose query
 * analyzer names our filter by its SPI name {@code semanticExpansion}, and checks that expansion finds
 * what the same query without expansion misses.
 */
class SemanticConfigsetSolrTest {

  private static final Path CONFIGSETS = Path.of("solr", "configsets");
  private static final String CORE = "semantic";

  @TempDir
  static Path solrHome;

  private static EmbeddedSolrServer solr;

  @BeforeAll
  static void startSolrAndIndex() throws IOException, SolrServerException {
    Files.writeString(solrHome.resolve("solr.xml"), "<solr><str name=\"configSetBaseDir\">"
        + CONFIGSETS.toAbsolutePath() + "</str></solr>\n");
    Path core = Files.createDirectories(solrHome.resolve(CORE));
    Files.writeString(core.resolve("core.properties"), "name=" + CORE + "\nconfigSet=semantic\n");
    CoreContainer container = CoreContainer.createAndLoad(solrHome);
    container.getCoreInitFailures().forEach((name, failure) -> {
      throw new AssertionError("core " + name + " failed to load: " + causes(failure.exception), failure.exception);
    });
    solr = new EmbeddedSolrServer(container, CORE);
    solr.add(List.of(
        document("1", "The car would not start on cold mornings."),
        document("2", "A banana is a yellow fruit."),
        document("3", "The library keeps an archive of old newspapers.")));
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
    assertEquals(List.of(), ids("body_plain:automobile"), "without expansion nothing mentions 'automobile'");
    assertEquals(List.of("1"), ids("body:automobile"), "'automobile' expands to its neighbour 'car'");
  }

  @Test
  void neighboursBelowTheThresholdAreNotAdded() throws IOException, SolrServerException {
    // banana's only neighbour above cosine 0.7 is fruit, which is in document 2 itself.
    assertEquals(List.of("2"), ids("body:banana"));
    assertEquals(List.of("3"), ids("body:archive"));
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

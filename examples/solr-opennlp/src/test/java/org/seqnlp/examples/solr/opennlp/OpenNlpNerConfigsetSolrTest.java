package org.seqnlp.examples.solr.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.core.CoreContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Solr 9 core from {@code examples/solr/configsets/opennlp-ner}: documents indexed through Solr's own
 * {@code OpenNLPExtractNamedEntitiesUpdateProcessorFactory} (OpenNLP 1.9.4, as Solr 9 bundles it) get their
 * person, location and organization fields from the shipped BiLSTM-CRF model, which the node reads, with the
 * sentence and tokenizer models, from a jar in its {@code sharedLib} directory.
 */
class OpenNlpNerConfigsetSolrTest {

  private static final Path CONFIGSETS = Path.of("..", "solr", "configsets");
  private static final String CORE = "news";

  @TempDir
  static Path solrHome;
  @TempDir
  static Path sharedLib;

  private static EmbeddedSolrServer solr;

  @BeforeAll
  static void startSolrAndIndex() throws IOException, SolrServerException {
    TestModels.writeSolrModelJar(sharedLib);
    Files.writeString(solrHome.resolve("solr.xml"), "<solr>\n"
        + "  <str name=\"configSetBaseDir\">" + CONFIGSETS.toAbsolutePath().normalize() + "</str>\n"
        + "  <str name=\"sharedLib\">" + sharedLib + "</str>\n"
        + "</solr>\n");
    Path core = Files.createDirectories(solrHome.resolve(CORE));
    Files.writeString(core.resolve("core.properties"), "name=" + CORE + "\nconfigSet=opennlp-ner\n");
    CoreContainer container = CoreContainer.createAndLoad(solrHome);
    container.getCoreInitFailures().forEach((name, failure) -> {
      throw new AssertionError("core " + name + " failed to load: " + failure.exception, failure.exception);
    });
    solr = new EmbeddedSolrServer(container, CORE);
    for (String id : NewsDocuments.BODIES.keySet()) {
      solr.add(NewsDocuments.document(id));
    }
    solr.commit();
  }

  @AfterAll
  static void stopSolr() throws IOException {
    if (solr != null) {
      solr.close();
    }
  }

  @Test
  void everyDocumentGetsTheNamesTheModelFindsInItsBody() throws IOException, SolrServerException {
    List<SolrDocument> documents = solr.query(new SolrQuery("*:*").setRows(10)).getResults();
    assertEquals(NewsDocuments.BODIES.size(), documents.size());
    documents.forEach(NewsDocuments::assertNames);
  }

  @Test
  void theNameFieldsAreSearchable() throws IOException, SolrServerException {
    assertEquals(List.of("1"), ids("person_ss:\"Angela Merkel\""));
    assertEquals(List.of("2"), ids("organization_ss:Apple"));
    assertEquals(List.of("1", "2"), ids("location_ss:(Paris OR \"New York\")"));
  }

  private static List<String> ids(String query) throws IOException, SolrServerException {
    return solr.query(new SolrQuery(query)).getResults().stream()
        .map(document -> (String) document.getFieldValue("id")).sorted().toList();
  }
}

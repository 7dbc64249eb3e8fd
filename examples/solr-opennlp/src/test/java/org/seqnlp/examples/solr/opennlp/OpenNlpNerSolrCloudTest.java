package org.seqnlp.examples.solr.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.RequestStatusState;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.core.SolrCore;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opennlp-ner configset in SolrCloud: two nodes with ZooKeeper, a collection of 2 shards x 2 replicas.
 * The configset lives in ZooKeeper, the models do not (ZooKeeper refuses files over 1 MB): every node reads them
 * from the jar in its {@code sharedLib} directory, as examples/README.md sets nodes up. A document sent to each
 * node is tagged there by Solr's OpenNLP processor and its names are indexed on every replica.
 */
class OpenNlpNerSolrCloudTest {

  private static final Path CONFIG = Path.of("..", "solr", "configsets", "opennlp-ner", "conf");
  private static final String CONFIG_NAME = "opennlp-ner";
  private static final String COLLECTION = "news";
  /**
   * How long creating the collection may take: seconds on an idle machine, but Solr's 90-second client timeout
   * was seen to expire on a heavily shared one (each replica loads the 21 MB name finder), so it runs
   * asynchronously and is waited for this long.
   */
  private static final int ADMIN_SECONDS = 600;

  @TempDir
  static Path directory;

  /** The id of the document sent to each node, in node order. */
  private static final List<String> SENT = List.of("1", "2");

  private static MiniSolrCloudCluster cluster;

  @BeforeAll
  static void startClusterAndIndex() throws Exception {
    Path sharedLib = Files.createDirectories(directory.resolve("lib"));
    TestModels.writeSolrModelJar(sharedLib);
    String solrXml = MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML.replace("<solr>\n",
        "<solr>\n  <str name=\"sharedLib\">" + sharedLib + "</str>\n");
    cluster = new MiniSolrCloudCluster.Builder(2, directory.resolve("cluster"))
        .withSolrXml(solrXml)
        .addConfig(CONFIG_NAME, CONFIG)
        .build();
    assertEquals(RequestStatusState.COMPLETED, CollectionAdminRequest.createCollection(COLLECTION, CONFIG_NAME, 2, 2)
        .processAndWait(cluster.getSolrClient(), ADMIN_SECONDS));
    cluster.waitForActiveCollection(COLLECTION, ADMIN_SECONDS, TimeUnit.SECONDS, 2, 4);
    List<JettySolrRunner> nodes = cluster.getJettySolrRunners();
    assertEquals(SENT.size(), nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      try (SolrClient node = new Http2SolrClient.Builder(nodes.get(i).getBaseUrl().toString()).build()) {
        node.add(COLLECTION, NewsDocuments.document(SENT.get(i)));
      }
    }
    cluster.getSolrClient().add(COLLECTION, NewsDocuments.document("3"));
    cluster.getSolrClient().commit(COLLECTION);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void everyNodeReadsTheModelsFromTheJarNotFromZooKeeper() throws Exception {
    for (String model : List.of(TestModels.NAME_FINDER, TestModels.SENTENCES, TestModels.TOKENS)) {
      assertFalse(cluster.getZkClient().exists("/configs/" + CONFIG_NAME + "/" + model, true), model);
    }
    List<String> replicas = new ArrayList<>();
    for (JettySolrRunner node : cluster.getJettySolrRunners()) {
      for (SolrCore core : node.getCoreContainer().getCores()) {
        try (InputStream model = core.getResourceLoader().openResource(TestModels.NAME_FINDER)) {
          assertEquals("PK", new String(model.readNBytes(2), StandardCharsets.ISO_8859_1), core.getName());
        }
        replicas.add(core.getName());
      }
    }
    assertEquals(4, replicas.size(), "replicas: " + replicas);
  }

  @Test
  void documentsSentToAnyNodeGetTheirNamesOnEveryReplica() throws Exception {
    List<SolrDocument> documents = cluster.getSolrClient()
        .query(COLLECTION, new SolrQuery("*:*").setRows(10)).getResults();
    assertEquals(NewsDocuments.BODIES.size(), documents.size());
    documents.forEach(NewsDocuments::assertNames);
    int copies = 0;
    for (JettySolrRunner node : cluster.getJettySolrRunners()) {
      for (SolrCore core : node.getCoreContainer().getCores()) {
        try (SolrClient replica = new Http2SolrClient.Builder(node.getBaseUrl().toString()).build()) {
          // distrib=false: what this replica itself indexed, from its shard's leader.
          List<SolrDocument> local = replica.query(core.getName(), new SolrQuery("*:*").set("distrib", false))
              .getResults();
          local.forEach(NewsDocuments::assertNames);
          copies += local.size();
        }
      }
    }
    assertEquals(2 * NewsDocuments.BODIES.size(), copies, "each document on both replicas of its shard");
  }
}

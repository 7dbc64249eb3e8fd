package org.seqnlp.examples.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.RequestStatusState;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Replica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;

/**
 * Runs the example configset in SolrCloud (two nodes, a collection of 2 shards x 2 replicas) the way the
 * README tells users to: the configset goes to ZooKeeper without vectors, and every node reads them from
 * the absolute path in system property {@value #VECTORS_PROPERTY}, which the schema names as
 * {@code ${seqnlp.vectors:vectors.txt}}, confined to the directory in {@value #VECTORS_DIRECTORY_PROPERTY}. The two
 * nodes share this JVM, so one property serves both; in production each node's JVM gets the properties and its own
 * copy of the file.
 */
class SemanticConfigsetSolrCloudTest {

  private static final Path CONFIGSET = Path.of("solr", "configsets", "semantic", "conf");
  private static final String COLLECTION = "semantic";
  private static final String VECTORS_PROPERTY = "seqnlp.vectors";
  private static final String VECTORS_DIRECTORY_PROPERTY = SemanticExpansionFilterFactory.VECTORS_DIRECTORY_PROPERTY;
  /**
   * How long a collection may take to be created or reloaded. Seconds on an idle machine, but Solr's
   * 90-second client timeout was seen to expire on a heavily shared one, so those calls run
   * asynchronously and are waited for this long.
   */
  private static final int ADMIN_SECONDS = 600;

  /** Automobile's neighbour is car; motorcar is far from both. */
  private static final String CAR_VECTORS = "5 3\n"
      + "car 1 0 0\nautomobile 0.95 0.31 0\nmotorcar 0 0 1\nbanana 0 1 0\nfruit 0.05 0.95 0.1\n";
  /** The vectors after an update: automobile's neighbour is now motorcar (fruit stays below the default cosine). */
  private static final String MOTORCAR_VECTORS = "5 3\n"
      + "car 1 0 0\nautomobile 0 0.2 0.98\nmotorcar 0 0 1\nbanana 0 1 0\nfruit 0.05 0.95 0.1\n";

  @TempDir
  static Path directory;

  private static Path vectors;
  private static String previousProperty;
  private static String previousDirectoryProperty;
  private static MiniSolrCloudCluster cluster;

  @BeforeAll
  static void startClusterAndIndex() throws Exception {
    vectors = directory.resolve("vectors/vectors.txt");
    Files.createDirectories(vectors.getParent());
    replaceVectors(CAR_VECTORS);
    previousProperty = System.setProperty(VECTORS_PROPERTY, vectors.toAbsolutePath().toString());
    previousDirectoryProperty = System.setProperty(VECTORS_DIRECTORY_PROPERTY,
        vectors.getParent().toAbsolutePath().toString());
    cluster = new MiniSolrCloudCluster.Builder(2, directory.resolve("cluster"))
        .addConfig(COLLECTION, configsetWithoutVectors()).build();
    assertEquals(RequestStatusState.COMPLETED, CollectionAdminRequest.createCollection(COLLECTION, COLLECTION, 2, 2)
        .processAndWait(cluster.getSolrClient(), ADMIN_SECONDS));
    cluster.waitForActiveCollection(COLLECTION, ADMIN_SECONDS, TimeUnit.SECONDS, 2, 4);
    cluster.getSolrClient().add(COLLECTION, List.of(
        document("1", "The car would not start on cold mornings."),
        document("2", "A motorcar from 1920 stands in the museum."),
        document("3", "A banana is a yellow fruit.")));
    cluster.getSolrClient().commit(COLLECTION);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      if (cluster != null) {
        cluster.shutdown();
      }
    } finally {
      restore(VECTORS_PROPERTY, previousProperty);
      restore(VECTORS_DIRECTORY_PROPERTY, previousDirectoryProperty);
    }
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }

  @Test
  void theVectorsStayOutOfZooKeeper() throws Exception {
    String configset = "/configs/" + COLLECTION;
    assertTrue(cluster.getZkClient().exists(configset + "/schema.xml", true));
    assertFalse(cluster.getZkClient().getChildren(configset, null, true).contains("vectors.txt"));
  }

  @Test
  void everyReplicaExpandsAQueryIdentically() throws Exception {
    Map<String, String> parsed = parsedQueryByReplica("body:automobile");
    assertEquals(4, parsed.size(), "2 shards x 2 replicas: " + parsed);
    assertEquals(1, parsed.values().stream().distinct().count(), "one expansion on every replica: " + parsed);
    String query = parsed.values().iterator().next();
    assertTrue(query.contains("body:car"), query);
    assertFalse(query.contains("motorcar"), query);
    assertEquals(List.of("1"), ids("body:automobile"));
  }

  @Test
  void aCollectionReloadPicksUpChangedVectorsOnEveryReplica() throws Exception {
    try {
      replaceVectors(MOTORCAR_VECTORS);
      reload();
      Map<String, String> parsed = parsedQueryByReplica("body:automobile");
      assertEquals(1, parsed.values().stream().distinct().count(), "one expansion on every replica: " + parsed);
      String query = parsed.values().iterator().next();
      assertTrue(query.contains("body:motorcar"), query);
      assertFalse(query.contains("body:car"), query);
      assertEquals(List.of("2"), ids("body:automobile"));
    } finally {
      replaceVectors(CAR_VECTORS);
      reload();
    }
  }

  /** The example configset as a user uploads it: everything but the vectors. */
  private static Path configsetWithoutVectors() throws IOException {
    Path copy = directory.resolve("configset");
    try (Stream<Path> files = Files.walk(CONFIGSET)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(CONFIGSET.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals("vectors.txt")) {
          Files.copy(file, target);
        }
      }
    }
    return copy;
  }

  /** Writes the vectors beside the file and renames them over it, as the README tells users to. */
  private static void replaceVectors(String text) throws IOException {
    Path update = Files.writeString(vectors.resolveSibling("vectors.txt.new"), text);
    Files.move(update, vectors, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void reload() throws SolrServerException, IOException, InterruptedException {
    assertEquals(RequestStatusState.COMPLETED,
        CollectionAdminRequest.reloadCollection(COLLECTION).processAndWait(cluster.getSolrClient(), ADMIN_SECONDS));
  }

  /** The query each replica's core builds for {@code query} on its own (distrib=false), by core name. */
  private static Map<String, String> parsedQueryByReplica(String query) throws SolrServerException, IOException {
    Map<String, String> parsed = new TreeMap<>();
    List<Replica> replicas = cluster.getSolrClient().getClusterStateProvider().getCollection(COLLECTION).getSlices()
        .stream().flatMap(shard -> shard.getReplicas().stream()).toList();
    for (Replica replica : replicas) {
      try (Http2SolrClient node = new Http2SolrClient.Builder(replica.getBaseUrl()).build()) {
        SolrQuery request = new SolrQuery(query).setParam("defType", "lucene").setParam("distrib", "false")
            .setParam("debug", "query");
        parsed.put(replica.getCoreName(),
            (String) node.query(replica.getCoreName(), request).getDebugMap().get("parsedquery"));
      }
    }
    return parsed;
  }

  /** The ids of the documents the whole collection finds for {@code query}. */
  private static List<String> ids(String query) throws SolrServerException, IOException {
    List<String> ids = new ArrayList<>();
    cluster.getSolrClient().query(COLLECTION, new SolrQuery(query).setParam("defType", "lucene")).getResults()
        .forEach(document -> ids.add((String) document.getFieldValue("id")));
    ids.sort(null);
    return ids;
  }

  private static SolrInputDocument document(String id, String body) {
    SolrInputDocument document = new SolrInputDocument();
    document.addField("id", id);
    document.addField("body", body);
    return document;
  }
}

package org.seqnlp.examples.solr.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Invented documents for the Solr tests and the names the shipped English model finds in them, field by
 * field, once Solr's OpenNLP processor has split them with Lucene's OpenNLP tokenizer.
 */
final class NewsDocuments {

  /** Each document's body, by id. */
  static final Map<String, String> BODIES = Map.of(
      "1", "Angela Merkel met Emmanuel Macron in Paris on Monday. The European Union welcomed the German proposal.",
      "2", "Dr. Smith flew to Washington and met Tim Cook, the chief executive of Apple, in New York.",
      "3", "It rained all day and nobody went out.");

  /** The name fields of each document, by id; a document without names gets none. */
  static final Map<String, Map<String, List<String>>> NAMES = Map.of(
      "1", Map.of(
          "person_ss", List.of("Angela Merkel", "Emmanuel Macron"),
          "location_ss", List.of("Paris"),
          "organization_ss", List.of("European Union"),
          "misc_ss", List.of("German")),
      "2", Map.of(
          "person_ss", List.of("Smith", "Tim Cook"),
          "location_ss", List.of("Washington", "New York"),
          "organization_ss", List.of("Apple")),
      "3", Map.of());

  private NewsDocuments() {
  }

  static SolrInputDocument document(String id) {
    SolrInputDocument document = new SolrInputDocument();
    document.addField("id", id);
    document.addField("body", BODIES.get(id));
    return document;
  }

  /** Checks that {@code indexed}, as a search returns it, holds exactly the expected name fields. */
  static void assertNames(SolrDocument indexed) {
    String id = (String) indexed.getFieldValue("id");
    Map<String, List<Object>> names = new TreeMap<>();
    for (String field : indexed.getFieldNames()) {
      if (field.endsWith("_ss")) {
        names.put(field, List.copyOf(indexed.getFieldValues(field)));
      }
    }
    assertEquals(new TreeMap<>(NAMES.get(id)), names, "names of document " + id);
  }
}

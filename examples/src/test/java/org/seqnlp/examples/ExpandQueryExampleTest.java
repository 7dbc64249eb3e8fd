package org.seqnlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;

class ExpandQueryExampleTest {

  @Test
  void keepsEachTermAndAddsItsNeighbourWeightedByTheDefaultExpansionWeight(@TempDir Path dir) throws IOException {
    Path vectors = dir.resolve("vectors.txt");
    Files.writeString(vectors, String.join("\n",
        "4 2",
        "heart 1 0",
        "cardiac 0.9 0.1",
        "attack 0 1",
        "kitten -1 0",
        ""));
    // cardiac is heart's only neighbour above the default threshold: it carries the whole expansion weight.
    assertEquals("(body:heart (body:cardiac)^" + SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT
        + ") body:attack", ExpandQueryExample.expand(vectors, "the heart attack").toString());
  }
}

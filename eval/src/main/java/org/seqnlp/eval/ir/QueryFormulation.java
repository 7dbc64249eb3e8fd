package org.seqnlp.eval.ir;

import java.io.IOException;
import org.apache.lucene.search.Query;

/** Turns a topic's text into the Lucene query run against {@link SearchIndex#FIELD}. */
@FunctionalInterface
public interface QueryFormulation {

  Query formulate(String text) throws IOException;
}

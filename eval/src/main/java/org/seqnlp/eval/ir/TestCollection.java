package org.seqnlp.eval.ir;

import java.util.List;

/**
 * A retrieval test collection: documents, topics and relevance judgements, all ids already mapped so
 * that a judgement's document id is the id of a {@link CollectionDocument} and its topic id the id of a
 * {@link Topic}.
 */
public record TestCollection(String name, List<CollectionDocument> documents, List<Topic> topics,
    Judgements judgements) {

  public TestCollection {
    documents = List.copyOf(documents);
    topics = List.copyOf(topics);
  }

  /** Topics with at least one relevant document: the ones every average is taken over. */
  public List<Topic> evaluatedTopics() {
    return topics.stream().filter(topic -> judgements.relevantCount(topic.id()) > 0).toList();
  }
}

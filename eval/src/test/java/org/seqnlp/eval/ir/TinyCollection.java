package org.seqnlp.eval.ir;

import java.util.List;
import org.seqnlp.vectors.WordVectors;

/**
 * A four-document collection and 3-d vectors in which "automobile" is a near neighbour of "car", so
 * expansion has something to find: the query "automobile" misses the car documents without it.
 */
final class TinyCollection {

  private TinyCollection() {}

  static TestCollection collection() {
    Judgements judgements = Judgements.builder().add("1", "d1", 1).add("1", "d2", 1).add("2", "d3", 1).build();
    return new TestCollection("TINY",
        List.of(new CollectionDocument("d1", "The car would not start."),
            new CollectionDocument("d2", "A red car and an automobile."),
            new CollectionDocument("d3", "Bananas are yellow fruit."),
            new CollectionDocument("d4", "Fruit flies like a banana.")),
        List.of(new Topic("1", "automobile"), new Topic("2", "banana fruit"), new Topic("3", "unjudged")),
        judgements);
  }

  static WordVectors vectors() {
    return new WordVectors(List.of("car", "automobile", "banana", "fruit", "yellow"), 3, new float[] {
        1f, 0.1f, 0f,
        0.95f, 0.2f, 0f,
        0f, 0.1f, 1f,
        0f, 0.3f, 0.9f,
        0f, 1f, 0.1f});
  }
}

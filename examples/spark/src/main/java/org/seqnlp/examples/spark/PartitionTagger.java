package org.seqnlp.examples.spark;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;
import org.seqnlp.opennlp.namefind.DocumentNameFinder.Name;
import org.seqnlp.opennlp.namefind.DocumentNameFinder.Sentence;
import org.seqnlp.opennlp.namefind.DocumentNameFinder.Token;

/**
 * Tags the documents of one partition with one {@link DocumentNameFinder}, made from the broadcast models when
 * the partition starts: a row {@code (id, text)} in, a row per sentence out, lazily, so a partition is never
 * held whole. Offsets count characters (UTF-16 code units) from the start of the document's text, ends
 * exclusive, as {@code seqnlp ner --output-format json} counts them from the start of its input.
 */
final class PartitionTagger implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  /** The documents: an id and the text, one row each. */
  static final StructType DOCUMENTS = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, true);

  static final StructType TOKEN = new StructType()
      .add("text", DataTypes.StringType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false);

  static final StructType NAME = new StructType()
      .add("type", DataTypes.StringType, false)
      .add("tokenStart", DataTypes.IntegerType, false)
      .add("tokenEnd", DataTypes.IntegerType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false)
      .add("probability", DataTypes.DoubleType, false);

  /** The output, one row a sentence: the fields of seqnlp ner's JSON, the document named by its id. */
  static final StructType SENTENCES = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("sentence", DataTypes.IntegerType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false)
      .add("tokens", DataTypes.createArrayType(TOKEN, false), false)
      .add("names", DataTypes.createArrayType(NAME, false), false);

  private final Broadcast<TaggingModels> models;

  PartitionTagger(Broadcast<TaggingModels> models) {
    this.models = models;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> documents) throws Exception {
    DocumentNameFinder finder = models.value().newFinder();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents, Spliterator.ORDERED), false)
        .filter(document -> !document.isNullAt(1))
        .flatMap(document -> sentences(document.getString(0), finder.findInDocument(document.getString(1))).stream())
        .iterator();
  }

  private static List<Row> sentences(String id, List<Sentence> sentences) {
    return IntStream.range(0, sentences.size()).mapToObj(i -> {
      Sentence sentence = sentences.get(i);
      Row[] tokens = sentence.tokens().stream().map(PartitionTagger::row).toArray(Row[]::new);
      Row[] names = sentence.names().stream().map(PartitionTagger::row).toArray(Row[]::new);
      return RowFactory.create(id, i, sentence.start(), sentence.end(), sentence.text(), tokens, names);
    }).toList();
  }

  private static Row row(Token token) {
    return RowFactory.create(token.text(), token.start(), token.end());
  }

  private static Row row(Name name) {
    return RowFactory.create(name.type(), name.tokenStart(), name.tokenEnd(), name.start(), name.end(), name.text(),
        name.probability());
  }
}

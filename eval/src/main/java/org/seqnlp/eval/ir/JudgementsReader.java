package org.seqnlp.eval.ir;

import java.util.Set;
import org.seqnlp.io.InputFormatException;

/**
 * Collects the judgements of one qrels file, rejecting any that name a topic or document the collection
 * does not have: a silently dropped judgement would make every figure wrong without a trace.
 */
final class JudgementsReader {

  private final TextFile file;
  private final Set<String> topicIds;
  private final Set<String> documentIds;
  private final Judgements.Builder judgements = Judgements.builder();

  JudgementsReader(TextFile file, Set<String> topicIds, Set<String> documentIds) {
    this.file = file;
    this.topicIds = topicIds;
    this.documentIds = documentIds;
  }

  TextFile file() {
    return file;
  }

  /** Adds a judgement read on line {@code line} (0-based), after checking that both ids exist. */
  void add(int line, String topicToken, String documentId, int gain) throws InputFormatException {
    String topicId = String.valueOf(file.number(topicToken, line, "query"));
    if (!topicIds.contains(topicId)) {
      throw file.error(line, "judgement for query " + topicId + ", which the query file does not have");
    }
    if (!documentIds.contains(documentId)) {
      throw file.error(line, "judgement for document " + documentId + ", which the collection does not have");
    }
    judgements.add(topicId, documentId, gain);
  }

  /** Reads a file with one judgement per line; {@code layout} turns the line's fields into a judgement. */
  Judgements readLines(LineLayout layout) throws InputFormatException {
    for (int i = 0; i < file.lineCount(); i++) {
      String line = file.line(i).strip();
      if (!line.isEmpty()) {
        layout.read(line.split("\\s+"), i, this);
      }
    }
    return build();
  }

  Judgements build() {
    return judgements.build();
  }

  /** How the whitespace-separated fields of one judgement line map to a judgement. */
  @FunctionalInterface
  interface LineLayout {
    void read(String[] fields, int line, JudgementsReader judgements) throws InputFormatException;
  }

  /** Layout {@code query document ...} with every listed pair relevant (gain 1). */
  static LineLayout binaryPairs(int queryColumn, int documentColumn) {
    int columns = Math.max(queryColumn, documentColumn) + 1;
    return (fields, line, judgements) -> {
      judgements.requireColumns(fields, line, columns);
      TextFile file = judgements.file();
      String documentId = String.valueOf(file.number(fields[documentColumn], line, "document"));
      judgements.add(line, fields[queryColumn], documentId, 1);
    };
  }

  void requireColumns(String[] fields, int line, int columns) throws InputFormatException {
    if (fields.length < columns) {
      throw file.error(line, "expected at least " + columns + " whitespace-separated fields, found " + fields.length);
    }
  }
}

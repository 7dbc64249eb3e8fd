package org.seqnlp.eval.ir;

import java.util.ArrayList;
import java.util.List;
import org.seqnlp.io.InputFormatException;

/**
 * The TIME collection's formats: {@code *TEXT} / {@code *FIND} records ended by {@code *STOP}, and
 * judgements that name documents by ordinal position in a 425-document file of which only 423 records
 * survive.
 */
final class TimeFormat {

  /** Last qrels position that maps to the file record of the same number. */
  static final int LAST_UNSHIFTED_POSITION = 370;
  /** First qrels position after the two lost record headers; it and later ones map to position − 2. */
  static final int FIRST_SHIFTED_POSITION = 373;

  private TimeFormat() {}

  /**
   * Documents, with ids 1, 2, ... by position in the file (the {@code *TEXT} numbers are not the ids the
   * judgements use).
   */
  static List<CollectionDocument> documents(TextFile file) throws InputFormatException {
    List<CollectionDocument> documents = new ArrayList<>();
    for (Record record : records(file, "*TEXT")) {
      documents.add(new CollectionDocument(String.valueOf(documents.size() + 1), record.text()));
    }
    return documents;
  }

  static List<Topic> topics(TextFile file) throws InputFormatException {
    List<Topic> topics = new ArrayList<>();
    for (Record record : records(file, "*FIND")) {
      String[] fields = file.line(record.header()).strip().split("\\s+");
      if (fields.length != 2) {
        throw file.error(record.header(), "expected '*FIND <number>', found '" + file.line(record.header()).strip() + "'");
      }
      topics.add(new Topic(String.valueOf(file.number(fields[1], record.header(), "query")), record.text()));
    }
    return topics;
  }

  /** Lines {@code query pos1 pos2 ...}; positions are mapped to file records across the lost headers. */
  static Judgements judgements(JudgementsReader judgements, int documentCount) throws InputFormatException {
    TextFile file = judgements.file();
    return judgements.readLines((fields, line, reader) -> {
      reader.requireColumns(fields, line, 2);
      for (int k = 1; k < fields.length; k++) {
        int position = file.number(fields[k], line, "document position");
        reader.add(line, fields[0], String.valueOf(recordOf(position, documentCount, file, line)), 1);
      }
    });
  }

  private static int recordOf(int position, int documentCount, TextFile file, int line)
      throws InputFormatException {
    int record;
    if (position >= 1 && position <= LAST_UNSHIFTED_POSITION) {
      record = position;
    } else if (position >= FIRST_SHIFTED_POSITION) {
      record = position - 2;
    } else {
      throw file.error(line, "document position " + position
          + " falls where the collection lost two record headers; no file record corresponds to it");
    }
    if (record > documentCount) {
      throw file.error(line, "document position " + position + " maps to record " + record
          + " but the collection has " + documentCount + " records");
    }
    return record;
  }

  /** A record's header line (0-based) and its text. */
  private record Record(int header, String text) {}

  /** Records start at lines beginning with {@code marker} and end at the next one or at {@code *STOP}, which must be present. */
  private static List<Record> records(TextFile file, String marker) throws InputFormatException {
    List<Record> records = new ArrayList<>();
    int header = -1;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < file.lineCount(); i++) {
      String line = file.line(i);
      boolean stop = line.strip().equals("*STOP");
      if (line.startsWith(marker) || stop) {
        if (header >= 0) {
          records.add(new Record(header, text.toString().strip()));
        }
        if (stop) {
          return records;
        }
        header = i;
        text.setLength(0);
      } else if (header >= 0) {
        if (!line.isBlank()) {
          text.append(line.strip()).append('\n');
        }
      } else if (!line.isBlank()) {
        throw file.error(i, "text before the first " + marker + " record");
      }
    }
    throw file.error(Math.max(0, file.lineCount() - 1), "file ends without *STOP");
  }
}

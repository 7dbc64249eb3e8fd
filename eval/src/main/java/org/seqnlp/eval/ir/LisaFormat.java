package org.seqnlp.eval.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seqnlp.io.InputFormatException;

/**
 * The LISA collection's own formats: documents as {@code Document N} records ended by a line of 44
 * asterisks, queries ended by {@code #}, and judgements as the integer stream of {@code LISARJ.NUM}.
 */
final class LisaFormat {

  private static final String RECORD_END = "*".repeat(44);
  private static final Pattern HEADER = Pattern.compile("Document\\s+(\\d+)\\s*");

  private LisaFormat() {}

  /**
   * Reads the document files in the order given, as one stream. Two quirks of the original data are
   * handled: a record without a {@code Document} header belongs to no document and is skipped (the one in the
   * data, after the first 2001, is the end of an abstract on optical discs whose text is also spliced into
   * 1992's), and a number seen before repeats an earlier record (1998–2001 occur twice, with the same text)
   * and is skipped. Judgements touch none of these numbers.
   */
  static List<CollectionDocument> documents(List<TextFile> files) throws InputFormatException {
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    StringBuilder current = null;
    boolean atRecordStart = true;
    for (TextFile file : files) {
      for (int i = 0; i < file.lineCount(); i++) {
        String line = file.line(i);
        if (line.equals(RECORD_END)) {
          atRecordStart = true;
          continue;
        }
        if (atRecordStart && !line.isBlank()) {
          atRecordStart = false;
          Matcher header = HEADER.matcher(line);
          if (header.matches()) {
            String id = String.valueOf(file.number(header.group(1), i, "document"));
            current = new StringBuilder();
            // A number seen before repeats an earlier record: its text goes nowhere.
            texts.putIfAbsent(id, current);
            continue;
          }
          if (current == null) {
            throw file.error(i, "expected 'Document <number>' at the start of the first record, found '"
                + line.strip() + "'");
          }
          current = new StringBuilder(); // a record of no document: its text goes nowhere
        }
        if (current == null) {
          if (!line.isBlank()) {
            throw file.error(i, "text before the first 'Document <number>' record");
          }
          continue;
        }
        current.append(line.strip()).append('\n');
      }
    }
    List<CollectionDocument> documents = new ArrayList<>(texts.size());
    texts.forEach((id, text) -> documents.add(new CollectionDocument(id, text.toString().strip())));
    return documents;
  }

  /** Queries: a line holding the query number, then text lines up to one ending in {@code #}. */
  static List<Topic> topics(TextFile file) throws InputFormatException {
    List<Topic> topics = new ArrayList<>();
    String id = null;
    int idLine = -1;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < file.lineCount(); i++) {
      String line = file.line(i).strip();
      if (id == null) {
        if (!line.isEmpty()) {
          id = String.valueOf(file.number(line, i, "query"));
          idLine = i;
        }
      } else if (line.endsWith("#")) {
        text.append(line, 0, line.length() - 1);
        topics.add(new Topic(id, text.toString().strip()));
        id = null;
        text.setLength(0);
      } else {
        text.append(line).append('\n');
      }
    }
    if (id != null) {
      throw file.error(idLine, "query " + id + " is not terminated by '#'");
    }
    return topics;
  }

  /** {@code LISARJ.NUM}: whitespace-separated integers {@code query n doc1 ... docn}, wrapping freely. */
  static Judgements judgements(JudgementsReader judgements) throws InputFormatException {
    TextFile file = judgements.file();
    List<int[]> tokens = new ArrayList<>(); // {value, line}
    for (int i = 0; i < file.lineCount(); i++) {
      for (String token : file.line(i).strip().split("\\s+")) {
        if (!token.isEmpty()) {
          tokens.add(new int[] {file.number(token, i, "judgement"), i});
        }
      }
    }
    int position = 0;
    while (position < tokens.size()) {
      int[] query = tokens.get(position);
      if (position + 1 >= tokens.size()) {
        throw file.error(query[1], "query " + query[0] + " has no count of relevant documents");
      }
      int count = tokens.get(position + 1)[0];
      if (position + 2 + count > tokens.size()) {
        throw file.error(query[1], "query " + query[0] + " announces " + count
            + " relevant documents but the file ends first");
      }
      for (int k = 0; k < count; k++) {
        int[] document = tokens.get(position + 2 + k);
        judgements.add(document[1], String.valueOf(query[0]), String.valueOf(document[0]), 1);
      }
      position += 2 + count;
    }
    return judgements.build();
  }
}

package org.seqnlp.eval.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqnlp.io.InputFormatException;

/**
 * Records of the SMART format (CISI, Cranfield, MEDLINE): a record starts at a line {@code .I <id>}; a
 * field starts at a line holding only its marker ({@code .T}, {@code .W}, ...) and runs to the next
 * marker line of a field the record does not have yet.
 */
final class SmartRecords {

  /** One {@code .I} record: its id, the 0-based line of its {@code .I}, and its fields by marker letter. */
  record SmartRecord(String id, int line, Map<Character, String> fields) {

    /** The named fields' text joined by spaces, in the order given; absent fields are skipped. */
    String text(char... markers) {
      StringBuilder text = new StringBuilder();
      for (char marker : markers) {
        String field = fields.get(marker);
        if (field != null) {
          text.append(text.length() == 0 ? "" : " ").append(field);
        }
      }
      return text.toString();
    }
  }

  private SmartRecords() {}

  static List<SmartRecord> parse(TextFile file) throws InputFormatException {
    List<SmartRecord> records = new ArrayList<>();
    Map<String, Integer> lineOfId = new HashMap<>();
    String id = null;
    int idLine = -1;
    Map<Character, StringBuilder> fields = new HashMap<>();
    StringBuilder current = null;
    for (int i = 0; i < file.lineCount(); i++) {
      String line = file.line(i);
      if (line.startsWith(".I ") || line.equals(".I")) {
        if (id != null) {
          records.add(record(id, idLine, fields));
        }
        // Normalised as a number: Cranfield writes query ids as 001, 002, ...
        id = String.valueOf(file.number(line.substring(2).strip(), i, "record id"));
        Integer earlier = lineOfId.putIfAbsent(id, i);
        if (earlier != null) {
          // Two records of one id would be scored as one document or query, silently.
          throw file.error(i, "record id " + id + " again, first on line " + (earlier + 1));
        }
        idLine = i;
        fields = new HashMap<>();
        current = null;
      } else if (isFieldMarker(line)) {
        if (id == null) {
          throw file.error(i, "field marker " + line.strip() + " before the first .I record");
        }
        // A marker the record already has continues the field being read: Cranfield doc 240's abstract holds
        // bare .A and .B lines, and docs 576 and 578 repeat .W inside theirs.
        if (!fields.containsKey(line.charAt(1))) {
          current = fields.computeIfAbsent(line.charAt(1), marker -> new StringBuilder());
        }
      } else if (current != null) {
        current.append(line).append('\n');
      } else if (!line.isBlank()) {
        throw file.error(i, id == null ? "text before the first .I record" : "text before the first field marker");
      }
    }
    if (id != null) {
      records.add(record(id, idLine, fields));
    }
    return records;
  }

  private static boolean isFieldMarker(String line) {
    String marker = line.stripTrailing();
    return marker.length() == 2 && marker.charAt(0) == '.' && Character.isUpperCase(marker.charAt(1));
  }

  private static SmartRecord record(String id, int line, Map<Character, StringBuilder> fields) {
    Map<Character, String> text = new HashMap<>();
    fields.forEach((marker, builder) -> text.put(marker, builder.toString().strip()));
    return new SmartRecord(id, line, Map.copyOf(text));
  }
}

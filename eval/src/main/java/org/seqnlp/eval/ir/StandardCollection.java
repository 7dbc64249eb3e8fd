package org.seqnlp.eval.ir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.seqnlp.eval.ir.SmartRecords.SmartRecord;
import org.seqnlp.io.InputFormatException;

/**
 * The five classic collections in {@code ir/} of the shared data directory, each read from its original,
 * unmodified files with the traps listed in its {@code PROVENANCE.md} handled. Titles and text are
 * indexed; authors, sources and citation fields are not.
 */
public enum StandardCollection {

  CISI("cisi") {
    @Override
    public TestCollection read(Path directory) throws IOException {
      List<CollectionDocument> documents = smartDocuments(directory.resolve("CISI.ALL"), 'T', 'W');
      // Queries built from papers also carry .T/.A/.B; the query text is .W alone.
      List<Topic> topics = smartTopics(directory.resolve("CISI.QRY"), false);
      return collection(documents, topics, judgementsReader(directory.resolve("CISI.REL"), documents, topics)
          .readLines(JudgementsReader.binaryPairs(0, 1)));
    }
  },

  CRAN("cran") {
    @Override
    public TestCollection read(Path directory) throws IOException {
      List<CollectionDocument> documents = smartDocuments(directory.resolve("cran.all.1400"), 'T', 'W');
      // cranqrel numbers the queries 1-225 by position, not by their .I numbers (001, 002, 004, ... 365).
      List<Topic> topics = smartTopics(directory.resolve("cran.qry"), true);
      return collection(documents, topics, judgementsReader(directory.resolve("cranqrel"), documents, topics)
          .readLines(StandardCollection::cranfieldGrade));
    }
  },

  MED("med") {
    @Override
    public TestCollection read(Path directory) throws IOException {
      List<CollectionDocument> documents = smartDocuments(directory.resolve("MED.ALL"), 'W');
      List<Topic> topics = smartTopics(directory.resolve("MED.QRY"), false);
      // MED.REL is TREC layout: query 0 document 1.
      return collection(documents, topics, judgementsReader(directory.resolve("MED.REL"), documents, topics)
          .readLines(JudgementsReader.binaryPairs(0, 2)));
    }
  },

  LISA("lisa") {
    @Override
    public TestCollection read(Path directory) throws IOException {
      List<TextFile> parts = new ArrayList<>();
      for (Path part : documentParts(directory)) {
        parts.add(TextFile.read(part));
      }
      List<CollectionDocument> documents = LisaFormat.documents(parts);
      List<Topic> topics = LisaFormat.topics(TextFile.read(directory.resolve("LISA.QUE")));
      // LISA.REL is damaged around queries 21-23; LISARJ.NUM holds the complete judgements.
      return collection(documents, topics,
          LisaFormat.judgements(judgementsReader(directory.resolve("LISARJ.NUM"), documents, topics)));
    }

    /** The 14 files LISA0.001 ... LISA5.850, in name order. */
    private List<Path> documentParts(Path directory) throws IOException {
      List<Path> parts = new ArrayList<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "LISA[0-9].[0-9][0-9][0-9]")) {
        files.forEach(parts::add);
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(directory.toString(), null, "collection directory not found");
      }
      if (parts.isEmpty()) {
        throw new NoSuchFileException(directory.resolve("LISA0.001").toString(), null,
            "no document files LISA<d>.<ddd> in the collection directory");
      }
      parts.sort(null);
      return parts;
    }
  },

  TIME("time") {
    @Override
    public TestCollection read(Path directory) throws IOException {
      List<CollectionDocument> documents = TimeFormat.documents(TextFile.read(directory.resolve("TIME.ALL")));
      List<Topic> topics = TimeFormat.topics(TextFile.read(directory.resolve("TIME.QUE")));
      return collection(documents, topics, TimeFormat.judgements(
          judgementsReader(directory.resolve("TIME.REL"), documents, topics), documents.size()));
    }
  };

  private final String folder;

  StandardCollection(String folder) {
    this.folder = folder;
  }

  /** Reads the collection from its folder, e.g. {@code <data>/ir/cisi}. */
  public abstract TestCollection read(Path directory) throws IOException;

  /** Reads the collection from the shared data root ({@code <dataRoot>/ir/<folder>}). */
  public TestCollection readFromDataRoot(Path dataRoot) throws IOException {
    return read(directory(dataRoot).resolve(folder));
  }

  /** The directory of the collections below the shared data root, {@code <dataRoot>/ir}. */
  public static Path directory(Path dataRoot) {
    return dataRoot.resolve("ir");
  }

  /** Looks a collection up by name, ignoring case. */
  public static StandardCollection named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  TestCollection collection(List<CollectionDocument> documents, List<Topic> topics, Judgements judgements) {
    return new TestCollection(name(), documents, topics, judgements);
  }

  private static List<CollectionDocument> smartDocuments(Path file, char... fields) throws IOException {
    List<CollectionDocument> documents = new ArrayList<>();
    for (SmartRecord record : SmartRecords.parse(TextFile.read(file))) {
      documents.add(new CollectionDocument(record.id(), record.text(fields)));
    }
    return documents;
  }

  private static List<Topic> smartTopics(Path file, boolean numberedByPosition) throws IOException {
    List<SmartRecord> records = SmartRecords.parse(TextFile.read(file));
    return IntStream.range(0, records.size())
        .mapToObj(i -> new Topic(numberedByPosition ? String.valueOf(i + 1) : records.get(i).id(),
            records.get(i).text('W')))
        .toList();
  }

  private static JudgementsReader judgementsReader(Path file, List<CollectionDocument> documents,
      List<Topic> topics) throws IOException {
    Set<String> documentIds = new HashSet<>();
    documents.forEach(document -> documentIds.add(document.id()));
    Set<String> topicIds = new HashSet<>();
    topics.forEach(topic -> topicIds.add(topic.id()));
    return new JudgementsReader(TextFile.read(file), topicIds, documentIds);
  }

  /**
   * Cranfield lines {@code query document code}: codes 1-4 run from most to least relevant, so the gain
   * is {@code 5 - code}; code -1 marks a document judged not relevant.
   */
  private static void cranfieldGrade(String[] fields, int line, JudgementsReader judgements)
      throws InputFormatException {
    judgements.requireColumns(fields, line, 3);
    TextFile file = judgements.file();
    String documentId = String.valueOf(file.number(fields[1], line, "document"));
    int gain = switch (fields[2]) {
      case "-1" -> 0;
      case "1", "2", "3", "4" -> 5 - Integer.parseInt(fields[2]);
      default -> throw file.error(line, "expected a relevance code 1-4 or -1, found '" + fields[2] + "'");
    };
    judgements.add(line, fields[0], documentId, gain);
  }
}

package org.seqnlp.lucene.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import org.seqnlp.io.LimitedInputStream;
import org.seqnlp.io.PropertyFiles;
import org.seqnlp.vectors.corpus.SentenceSource;
import org.seqnlp.vectors.corpus.Tokenizer;

/**
 * The stored text of one field of a Lucene index (a Solr core's too) as a word-vector training corpus:
 * every stored value of the field in every live document, each value one sentence, split into words by
 * the same {@link Tokenizer} as corpus files. A value is one sentence, not one per line as in corpus files,
 * because a document's line breaks are formatting: hard-wrapped text (abstracts, mail, plain-text files)
 * cut at every line gave vectors that expanded queries worse (the module README reports a run of a patched
 * {@code eval-ir}). Vectors trained on the documents a search engine holds offer neighbours from that
 * engine's own vocabulary, the best expansion source measured.
 *
 * <p>The index is read at the commit that was current when the corpus was opened, without a lock, so
 * a running Solr may keep indexing. Stored values are the only text an index keeps as it was written:
 * the postings of a field that is indexed but not stored have lost word order, so such a field is an
 * error, not an empty corpus.
 */
public final class StoredFieldCorpus implements SentenceSource, Closeable {

  /** How many field names the error for a missing field lists. */
  private static final int LISTED_FIELDS = 20;
  /** The file in which Solr names a data directory's live index directory. */
  static final String SOLR_INDEX_PROPERTIES = "index.properties";
  /** Solr writes one line; anything near this size is not Solr's. */
  private static final int MAX_INDEX_PROPERTIES_BYTES = 1 << 16;

  private final Path index;
  private final String field;
  private final Tokenizer tokenizer;
  private final Analyzer analysis;
  private final Directory directory;
  private final DirectoryReader reader;

  private StoredFieldCorpus(Path index, String field, Tokenizer tokenizer, Analyzer analysis, Directory directory,
      DirectoryReader reader) {
    this.index = index;
    this.field = field;
    this.tokenizer = tokenizer;
    this.analysis = analysis;
    this.directory = directory;
    this.reader = reader;
  }

  /**
   * Opens the index in {@code directory}, or in its {@code index} subdirectory (a Solr core's data
   * directory), and checks that it has {@code field}.
   *
   * @param analysis run over each value before {@code tokenizer} (e.g. {@link StandardEnglishAnalyzer}, so that
   *     the words are an index's terms), or null to split the text as stored; the caller closes it
   * @throws IOException naming the directory and the problem when it is missing, not a Lucene index,
   *     unreadable, or has no such field
   */
  public static StoredFieldCorpus open(Path directory, String field, Tokenizer tokenizer, Analyzer analysis)
      throws IOException {
    Path index = indexDirectory(directory);
    Directory files = FSDirectory.open(index);
    DirectoryReader reader = null;
    try {
      reader = openReader(index, files);
      requireField(index, reader, field);
      return new StoredFieldCorpus(index, field, tokenizer, analysis, files, reader);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(reader, files);
      throw e;
    }
  }

  /** The directory that holds the index files: the one given, or a Solr data directory's index directory. */
  private static Path indexDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      if (Files.exists(directory)) {
        throw new FileSystemException(directory.toString(), null, "is a file, not a Lucene index directory");
      }
      throw new NoSuchFileException(directory.toString(), null, "no such index directory");
    }
    if (hasIndex(directory)) {
      return directory;
    }
    Path solrIndex = solrIndexDirectory(directory);
    if (Files.isDirectory(solrIndex) && hasIndex(solrIndex)) {
      return solrIndex;
    }
    throw new IOException(directory + ": not a Lucene index (no segments_N file here or in " + solrIndex.getFileName()
        + "/); give the directory of the index files, for a Solr core its data directory");
  }

  /**
   * Where a Solr data directory keeps its index, as Solr itself finds it: in the directory its {@value
   * #SOLR_INDEX_PROPERTIES} names (after a full replication, SolrCloud's recovery, a replica's live index is
   * {@code index.<timestamp>}, and {@code index/} may still hold an old one), else in {@code index/}.
   */
  private static Path solrIndexDirectory(Path data) throws IOException {
    Path file = data.resolve(SOLR_INDEX_PROPERTIES);
    Path standard = data.resolve("index");
    if (!Files.isRegularFile(file)) {
      return standard;
    }
    byte[] bytes;
    try (InputStream in = new LimitedInputStream(Files.newInputStream(file), file.toString(),
        MAX_INDEX_PROPERTIES_BYTES, "longer than the " + MAX_INDEX_PROPERTIES_BYTES + " bytes a Solr"
        + " index.properties takes")) {
      bytes = in.readAllBytes();
    }
    String name = PropertyFiles.parse(bytes, file.toString()).getProperty("index", "").strip();
    if (name.isEmpty()) {
      return standard;
    }
    Path named = data.getFileSystem().getPath(name);
    if (named.getNameCount() != 1 || named.isAbsolute() || name.equals("..") || name.equals(".")) {
      throw new IOException(file + ": index=" + name + " names no directory beside it");
    }
    Path live = data.resolve(named);
    if (!Files.isDirectory(live)) {
      // Solr would start an empty index there, not read index/, which may hold an index from before a replication
      throw new NoSuchFileException(file.toString(), null, "index=" + name + " names a directory that does not"
          + " exist");
    }
    return live;
  }

  private static boolean hasIndex(Path directory) throws IOException {
    try (Directory files = FSDirectory.open(directory)) {
      return DirectoryReader.indexExists(files);
    }
  }

  /**
   * Opens the index and verifies every segment's checksums: Lucene does not check stored fields when it
   * reads a document, so a damaged file would otherwise give wrong words, or an error that names nothing.
   */
  private static DirectoryReader openReader(Path index, Directory files) throws IOException {
    DirectoryReader reader = null;
    try {
      reader = DirectoryReader.open(files);
      for (LeafReaderContext context : reader.leaves()) {
        context.reader().checkIntegrity();
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      // Corrupt files, a format from another Lucene version, a codec not on the class path.
      IOUtils.closeWhileHandlingException(reader);
      throw new IOException(index + ": cannot read the Lucene index: " + e.getMessage(), e);
    }
  }

  private static void requireField(Path index, DirectoryReader reader, String field) throws IOException {
    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
    if (fields.fieldInfo(field) == null) {
      List<String> names = StreamSupport.stream(fields.spliterator(), false).map(info -> info.name).sorted()
          .collect(Collectors.toList());
      String listed = String.join(", ", names.subList(0, Math.min(LISTED_FIELDS, names.size())))
          + (names.size() > LISTED_FIELDS ? ", ..." : "");
      throw new IOException(index + ": no field '" + field + "' in the index"
          + (names.isEmpty() ? " (it has no fields)" : "; its fields: " + listed));
    }
  }

  /** The directory the index files were read from. */
  public Path index() {
    return index;
  }

  /** The number of live documents. */
  public int documents() {
    return reader.numDocs();
  }

  /**
   * Calls {@code handler} with the words of every stored value of the field, document after document in
   * index order.
   *
   * @throws IOException naming the index and field when no document has a stored text value for it
   */
  @Override
  public void forEachSentence(SentenceHandler handler) throws IOException {
    FieldValues values = new FieldValues(field);
    long read = 0;
    for (LeafReaderContext context : reader.leaves()) {
      LeafReader segment = context.reader();
      Bits live = segment.getLiveDocs();
      StoredFields stored = segment.storedFields();
      for (int document = 0; document < segment.maxDoc(); document++) {
        if (live != null && !live.get(document)) {
          continue;
        }
        values.texts.clear();
        try {
          stored.document(document, values);
        } catch (RuntimeException e) {
          throw new IOException(index + ": cannot read document " + document + " of segment "
              + context.ord + ": " + e.getMessage(), e);
        }
        for (String text : values.texts) {
          // analysed terms are split again, as analysed text written to a corpus file would be (numbers dropped)
          List<String> words = tokenizer.tokenize(analysis == null ? text : AnalysedText.of(analysis, field, text));
          if (!words.isEmpty()) {
            handler.accept(words);
          }
        }
        read += values.texts.size();
      }
    }
    if (read == 0 && values.storedValues > 0) {
      throw new IOException(index + ": field '" + field + "' has no text to train on: its stored values are numbers"
          + " or bytes");
    }
    if (read == 0) {
      throw new IOException(String.format(Locale.ROOT, "%s: field '%s' has no stored text in any of the %,d"
          + " documents; only stored values keep the words in order: store the field (Solr: stored=\"true\" in the"
          + " schema) and reindex", index, field, documents()));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }

  /** Collects the text values of one field of one document, skipping every other field unread. */
  private static final class FieldValues extends StoredFieldVisitor {
    private final String field;
    final List<String> texts = new ArrayList<>();
    /** Stored values of the field of any kind: text, numbers or bytes. */
    long storedValues;

    FieldValues(String field) {
      this.field = field;
    }

    @Override
    public Status needsField(FieldInfo info) {
      if (!info.name.equals(field)) {
        return Status.NO;
      }
      storedValues++;
      return Status.YES;
    }

    @Override
    public void stringField(FieldInfo info, String value) {
      texts.add(value);
    }
  }
}

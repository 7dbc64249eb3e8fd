package org.seqnlp.opennlp.formats;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.ObjectStream;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;

/**
 * Reads a CoNLL column file (CoNLL-2002, CoNLL-2003, WNUT-17 and the like) as OpenNLP name samples,
 * one per sentence, equal to those of OpenNLP's {@code Conll02NameSampleStream} and
 * {@code Conll03NameSampleStream} on the CoNLL data (see below for the one difference).
 *
 * <p>The format:
 * <ul>
 *   <li>One token a line: 2 to 5 columns separated by spaces or TABs, the token first, the entity tag
 *       last. Every token line has as many columns as the first one.
 *   <li>A blank line, or one holding only whitespace (WNUT-17's train file has TAB-only lines), ends a
 *       sentence.
 *   <li>A line whose first column is {@code -DOCSTART-} starts a document and ends any sentence, with
 *       or without a blank line after it (CoNLL-2002 Dutch has none). The first sample of the document
 *       has {@link NameSample#isClearAdaptiveDataSet()} set, so OpenNLP clears its adaptive features
 *       there. Until a file's first {@code -DOCSTART-} every sentence counts as a document of its own,
 *       as OpenNLP does for CoNLL-2002 Spanish, which has no article boundaries.
 *   <li>Tags are decoded into spans under a {@link TagScheme}; span types are named by
 *       {@link EntityTypes}.
 * </ul>
 *
 * <p>Difference from OpenNLP: {@code Conll02NameSampleStream} silently drops an entity whose first tag
 * is {@code I-X} after {@code O} or at the start of a sentence, and extends an entity across a change
 * of type after {@code I-}. This reader starts a new entity in both cases, as CoNLL's counts (and
 * conlleval) do. In the CoNLL-2002 data this changes three sentences of the Spanish files, which start
 * with {@code I-} (see the data's PROVENANCE.md).
 *
 * <p>Every problem is an {@link org.seqnlp.io.InputFormatException} naming file and line: a tag that is
 * not {@code O}, {@code B-type} or {@code I-type}; a tag sequence the chosen scheme forbids; a line with
 * another number of columns; bytes invalid in the charset; a truncated gzip file.
 */
public final class ConllNameSampleStream implements ObjectStream<NameSample> {

  /** The first column of a line that starts a document. */
  public static final String DOCUMENT_START = "-DOCSTART-";

  private static final Pattern COLUMN_SEPARATOR = Pattern.compile("[ \t]+");
  private static final int MIN_COLUMNS = 2;
  private static final int MAX_COLUMNS = 5;

  private final FileLineStream lines;
  private final TagDecoder decoder;
  private int columns;
  private long columnsLine;
  private long sentenceLine;
  private int documents;
  private boolean documentStartPending;

  /** Reads {@code file} with every entity type and the tag scheme checked as {@code scheme} says. */
  public ConllNameSampleStream(Path file, Charset charset, TagScheme scheme) throws IOException {
    this(file, charset, scheme, EntityTypes.ALL);
  }

  /** Every sample of {@code file}, with every entity type and the tag scheme checked as {@code scheme} says. */
  public static List<NameSample> readAll(Path file, Charset charset, TagScheme scheme) throws IOException {
    List<NameSample> samples = new ArrayList<>();
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, charset, scheme)) {
      for (NameSample sample = stream.read(); sample != null; sample = stream.read()) {
        samples.add(sample);
      }
    }
    return samples;
  }

  /** Reads {@code file} (gzipped or not) producing the entity {@code types}. */
  public ConllNameSampleStream(Path file, Charset charset, TagScheme scheme, EntityTypes types)
      throws IOException {
    this.lines = new FileLineStream(file, charset);
    this.decoder = new TagDecoder(scheme, types);
  }

  @Override
  public NameSample read() throws IOException {
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    boolean startsDocument = false;
    String line;
    while ((line = lines.read()) != null) {
      if (line.isBlank()) {
        if (tokens.isEmpty()) {
          continue;
        }
        break;
      }
      String[] fields = COLUMN_SEPARATOR.split(line.strip());
      if (fields[0].equals(DOCUMENT_START)) {
        documents++;
        documentStartPending = true;
        if (tokens.isEmpty()) {
          continue;
        }
        break;
      }
      checkColumns(fields.length);
      String tag = fields[fields.length - 1];
      if (!TagDecoder.isWellFormed(tag)) {
        throw lines.error("unknown tag '" + tag + "' (expected O, B-type or I-type)");
      }
      if (tokens.isEmpty()) {
        sentenceLine = lines.lineNumber();
        startsDocument = documentStartPending || documents == 0;
        documentStartPending = false;
      }
      if (tokens.size() == BiLstmCrfNetwork.MAX_SENTENCE_TOKENS) {
        throw lines.error(sentenceLine, "a sentence of more than " + BiLstmCrfNetwork.MAX_SENTENCE_TOKENS
            + " tokens, the most the name finder tags at once");
      }
      tokens.add(fields[0]);
      tags.add(tag);
    }
    if (tokens.isEmpty()) {
      return null;
    }
    return new NameSample(tokens.toArray(new String[0]), decoder.decode(tags, lines, sentenceLine),
        startsDocument);
  }

  private void checkColumns(int found) throws IOException {
    if (columns == 0) {
      if (found < MIN_COLUMNS || found > MAX_COLUMNS) {
        throw lines.error("found " + found + " column" + (found == 1 ? "" : "s")
            + "; a token line has 2 to 5 (the token first, the tag last)");
      }
      columns = found;
      columnsLine = lines.lineNumber();
    } else if (found != columns) {
      throw lines.error("found " + found + " column" + (found == 1 ? "" : "s") + ", expected " + columns
          + " as on line " + columnsLine);
    }
  }

  /** The line (1-based) of the first token of the sentence last read; its other tokens follow one a line. */
  public long sentenceLine() {
    return sentenceLine;
  }

  /** The number of {@value #DOCUMENT_START} lines read so far. */
  public int documentCount() {
    return documents;
  }

  /**
   * The tag scheme the entities read so far follow, if their tags show one. Entities that start at
   * {@code I-} point to IOB1 (or to IO when there is no {@code B-} tag at all); entities that start at
   * {@code B-} after {@code O} or another type point to IOB2. The more frequent wins, so a few stray
   * tags, as in CoNLL-2002 Spanish and CoNLL-2003, do not decide. Empty when no entity was read.
   */
  public Optional<TagScheme> detectedScheme() {
    return decoder.detectedScheme();
  }

  @Override
  public void reset() throws IOException {
    lines.reset();
    decoder.reset();
    columns = 0;
    columnsLine = 0;
    documents = 0;
    documentStartPending = false;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}

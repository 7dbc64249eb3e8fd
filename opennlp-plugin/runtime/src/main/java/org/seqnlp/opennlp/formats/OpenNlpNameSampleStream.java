package org.seqnlp.opennlp.formats;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.NameSampleDataStream;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.FilterObjectStream;
import opennlp.tools.util.Span;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;

/**
 * Reads OpenNLP's own name-finder training format, one sentence a line with entities marked
 * {@code <START:person> Pierre Vinken <END> , 61 years old}; blank lines before a sentence mark a new
 * document ({@link NameSample#isClearAdaptiveDataSet()}), as in OpenNLP's {@link NameSampleDataStream}.
 *
 * <p>Each line is parsed by OpenNLP's {@link NameSample#parse(String, boolean)}, so samples are exactly
 * OpenNLP's. Its errors do not say where they are, and it silently drops a {@code <START:type>} that
 * has no {@code <END>}, takes {@code <START:type> <END>} for a name of no tokens and a tag glued to a word for
 * a word; this stream reports these as {@link InputFormatException}s naming file and line, as it does a
 * sentence longer than the name finder tags.
 */
public final class OpenNlpNameSampleStream extends FilterObjectStream<String, NameSample> {

  private final FileLineStream lines;

  /** Reads {@code file}, gzipped or not. */
  public OpenNlpNameSampleStream(Path file, Charset charset) throws IOException {
    this(new FileLineStream(file, charset));
  }

  private OpenNlpNameSampleStream(FileLineStream lines) {
    super(lines);
    this.lines = lines;
  }

  @Override
  public NameSample read() throws IOException {
    boolean startsDocument = false;
    String line;
    while ((line = lines.read()) != null && line.trim().isEmpty()) {
      startsDocument = true;
    }
    if (line == null) {
      return null;
    }
    NameSample sample;
    try {
      sample = NameSample.parse(line, startsDocument);
    } catch (IOException | RuntimeException e) {
      throw lines.error(String.valueOf(e.getMessage()));
    }
    for (String token : WhitespaceTokenizer.INSTANCE.tokenize(line)) {
      if (isGlued(token)) {
        throw lines.error("'" + token + "': a tag glued to other text; tags stand alone, separated by spaces");
      }
    }
    if (startTags(line) > sample.getNames().length) {
      throw lines.error("a " + NameSampleDataStream.START_TAG_PREFIX + "type> has no "
          + NameSampleDataStream.END_TAG);
    }
    if (sample.getSentence().length > BiLstmCrfNetwork.MAX_SENTENCE_TOKENS) {
      throw lines.error("a sentence of more than " + BiLstmCrfNetwork.MAX_SENTENCE_TOKENS
          + " tokens, the most the name finder tags at once");
    }
    for (Span name : sample.getNames()) {
      if (name.length() == 0) {
        throw lines.error("an empty name: " + NameSampleDataStream.END_TAG + " right after "
            + NameSampleDataStream.START_TAG_PREFIX + name.getType() + ">");
      }
    }
    return sample;
  }

  /** The line (1-based) of the sentence last read. */
  public long sentenceLine() {
    return lines.lineNumber();
  }

  /** A token holding a tag with something else: OpenNLP takes it for a word, and the name is lost. */
  private static boolean isGlued(String token) {
    boolean tag = token.equals(NameSampleDataStream.END_TAG) || token.equals(NameSampleDataStream.START_TAG)
        || token.startsWith(NameSampleDataStream.START_TAG_PREFIX) && token.endsWith(">")
        && token.indexOf('>') == token.length() - 1;
    return !tag && (token.contains(NameSampleDataStream.START_TAG_PREFIX)
        || token.contains(NameSampleDataStream.END_TAG));
  }

  private static int startTags(String line) {
    int count = 0;
    for (String token : WhitespaceTokenizer.INSTANCE.tokenize(line)) {
      if (token.startsWith(NameSampleDataStream.START_TAG_PREFIX)
          || token.equals(NameSampleDataStream.START_TAG)) {
        count++;
      }
    }
    return count;
  }
}

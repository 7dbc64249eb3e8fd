package org.seqnlp.vocabulary;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.StrictUtf8;

/**
 * Tokens numbered from 0, each with a corpus count (0 where none is known). The one unknown-word rule
 * of SeqNLP: every vocabulary holds {@link SpecialTokens#UNKNOWN}, and {@link #id} of a token outside
 * the vocabulary is the id of that token, wherever it stands; {@link #contains} tells membership.
 * Immutable and safe to share between threads.
 *
 * <p>The layouts in use: a language model's vocabulary ({@link #build}) starts with
 * {@link SpecialTokens#END_OF_SENTENCE} at {@value #END_OF_SENTENCE_ID} and {@code <unk>} at 1; the
 * name finder's words start with {@code <unk>} and its characters with {@code <unk>}, {@code <pad>}
 * ({@link #of}); word-vector training keeps the corpus words most frequent first with {@code <unk>}
 * after them ({@link #byFrequency}).
 */
public final class Vocabulary {

  /** Where {@link #build} puts {@link SpecialTokens#END_OF_SENTENCE}. */
  public static final int END_OF_SENTENCE_ID = 0;
  /** The most tokens {@link #read} accepts. */
  public static final int MAX_TOKENS = 1 << 24;
  /** The longest token {@link #write} writes and {@link #read} accepts, in UTF-8 bytes. */
  public static final int MAX_TOKEN_BYTES = 1 << 20;

  private final String[] tokens;
  private final long[] counts;
  private final Map<String, Integer> ids;
  private final int unknownId;

  private Vocabulary(List<String> tokens, long[] counts) {
    if (tokens.size() != counts.length) {
      throw new IllegalArgumentException(tokens.size() + " tokens but " + counts.length + " counts");
    }
    this.tokens = tokens.toArray(new String[0]);
    this.counts = counts.clone();
    this.ids = new HashMap<>(this.tokens.length * 2);
    for (int i = 0; i < this.tokens.length; i++) {
      if (this.tokens[i].isEmpty()) {
        throw new IllegalArgumentException("empty token at " + i);
      }
      if (this.counts[i] < 0) {
        throw new IllegalArgumentException("negative count of '" + this.tokens[i] + "'");
      }
      Integer previous = ids.putIfAbsent(this.tokens[i], i);
      if (previous != null) {
        throw new IllegalArgumentException("token '" + this.tokens[i] + "' at both " + previous + " and " + i);
      }
    }
    Integer unknown = ids.get(SpecialTokens.UNKNOWN);
    if (unknown == null) {
      throw new IllegalArgumentException("a vocabulary must hold " + SpecialTokens.UNKNOWN);
    }
    this.unknownId = unknown;
  }

  /** The vocabulary of {@code tokens}, in that order, which must include {@link SpecialTokens#UNKNOWN}. */
  public static Vocabulary of(List<String> tokens) {
    return new Vocabulary(tokens, new long[tokens.size()]);
  }

  /**
   * Corpus words with their counts, most frequent first, followed by {@link SpecialTokens#UNKNOWN}
   * with count 0 unless the corpus itself holds that token: the ids of the words are their frequency
   * ranks.
   *
   * @param counts at least 1 each, never increasing
   */
  public static Vocabulary byFrequency(List<String> words, long[] counts) {
    if (words.size() != counts.length) {
      throw new IllegalArgumentException(words.size() + " words but " + counts.length + " counts");
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 1 || i > 0 && counts[i] > counts[i - 1]) {
        throw new IllegalArgumentException("counts must be positive and not increase: '" + words.get(i) + "' ("
            + counts[i] + ")" + (i > 0 ? " after '" + words.get(i - 1) + "' (" + counts[i - 1] + ")" : ""));
      }
    }
    if (words.contains(SpecialTokens.UNKNOWN)) {
      return new Vocabulary(words, counts);
    }
    List<String> tokens = new ArrayList<>(words);
    tokens.add(SpecialTokens.UNKNOWN);
    return new Vocabulary(tokens, Arrays.copyOf(counts, counts.length + 1));
  }

  /** The least size limit of a built vocabulary: the two special tokens and one token of the text. */
  public static final int MIN_LIMITED_SIZE = 3;

  /**
   * A language model's vocabulary of {@code counts}: {@link SpecialTokens#END_OF_SENTENCE} (id
   * {@value #END_OF_SENTENCE_ID}), {@link SpecialTokens#UNKNOWN} (id 1), then the tokens seen at least
   * {@code minCount} times, most frequent first, ties in alphabetical order, at most {@code maxSize}
   * entries in all (0 for no limit). The special tokens get count 0 even when the text holds them.
   */
  public static Vocabulary build(Map<String, Long> counts, int minCount, int maxSize) {
    if (maxSize != 0 && maxSize < MIN_LIMITED_SIZE) {
      throw new IllegalArgumentException("a vocabulary needs room for " + SpecialTokens.END_OF_SENTENCE + ", "
          + SpecialTokens.UNKNOWN + " and one token: maxSize " + maxSize);
    }
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getValue() >= minCount && !entry.getKey().equals(SpecialTokens.END_OF_SENTENCE)
          && !entry.getKey().equals(SpecialTokens.UNKNOWN)) {
        kept.add(entry);
      }
    }
    kept.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    int limit = maxSize == 0 ? kept.size() : Math.min(kept.size(), maxSize - 2);
    List<String> tokens = new ArrayList<>(List.of(SpecialTokens.END_OF_SENTENCE, SpecialTokens.UNKNOWN));
    long[] tokenCounts = new long[limit + 2];
    for (int i = 0; i < limit; i++) {
      tokens.add(kept.get(i).getKey());
      tokenCounts[i + 2] = kept.get(i).getValue();
    }
    return new Vocabulary(tokens, tokenCounts);
  }

  public int size() {
    return tokens.length;
  }

  /** The id of {@code token}, or {@link #unknownId()} when it is not in the vocabulary. */
  public int id(String token) {
    Integer id = ids.get(token);
    return id == null ? unknownId : id;
  }

  /** Whether {@code token} is in the vocabulary. */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** The id of {@link SpecialTokens#UNKNOWN}. */
  public int unknownId() {
    return unknownId;
  }

  public String token(int id) {
    return tokens[id];
  }

  /** All tokens, in id order. */
  public List<String> tokens() {
    return Collections.unmodifiableList(Arrays.asList(tokens));
  }

  /** The corpus count of token {@code id}, 0 where none is known. */
  public long count(int id) {
    return counts[id];
  }

  /**
   * Writes one token a line, UTF-8, in id order; counts are not written.
   *
   * @throws IllegalArgumentException before writing anything, when a token holds a line break or is
   *     longer than {@value #MAX_TOKEN_BYTES} bytes: {@link #read} could not read it back
   */
  public void write(OutputStream out) throws IOException {
    for (String token : tokens) {
      if (token.indexOf('\n') >= 0 || token.endsWith("\r")) {
        throw new IllegalArgumentException("a token with a line break cannot be written one a line: '"
            + token.replace("\n", "\\n").replace("\r", "\\r") + "'");
      }
      if ((long) token.length() * 3 > MAX_TOKEN_BYTES && token.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES) {
        throw new IllegalArgumentException("a token longer than " + MAX_TOKEN_BYTES + " bytes: '"
            + token.substring(0, 40) + "...'");
      }
    }
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (String token : tokens) {
      writer.write(token);
      writer.write('\n');
    }
    writer.flush();
  }

  /**
   * Reads what {@link #write} wrote: one token a line, UTF-8, at most {@value #MAX_TOKENS} lines of
   * at most {@value #MAX_TOKEN_BYTES} bytes; {@code source} names the file in errors.
   */
  public static Vocabulary read(InputStream in, String source) throws IOException {
    InputStream bytes = new BufferedInputStream(in, 1 << 16);
    CharsetDecoder decoder = StrictUtf8.decoder();
    List<String> tokens = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      long number = tokens.size() + 1L;
      if (!readLine(bytes, line, source, number)) {
        break;
      }
      String token;
      try {
        token = decoder.decode(ByteBuffer.wrap(line.toByteArray())).toString();
      } catch (CharacterCodingException e) {
        throw InputFormatException.atLine(source, number, "not valid UTF-8");
      }
      if (token.isEmpty()) {
        throw InputFormatException.atLine(source, number, "empty token");
      }
      if (tokens.size() == MAX_TOKENS) {
        throw InputFormatException.atLine(source, number, "more than " + MAX_TOKENS + " tokens");
      }
      Integer previous = seen.putIfAbsent(token, tokens.size() + 1);
      if (previous != null) {
        throw InputFormatException.atLine(source, number, "token '" + token + "' already on line " + previous);
      }
      tokens.add(token);
    }
    if (!seen.containsKey(SpecialTokens.UNKNOWN)) {
      throw InputFormatException.atLine(source, 1, "the vocabulary lacks " + SpecialTokens.UNKNOWN);
    }
    return of(tokens);
  }

  /**
   * Reads one line's bytes without its terminator ({@code \n}, a {@code \r} before it is dropped)
   * into {@code line}; false at the end of the input. A line over the limit fails before it is held.
   */
  private static boolean readLine(InputStream in, ByteArrayOutputStream line, String source, long number)
      throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() == MAX_TOKEN_BYTES) {
        throw InputFormatException.atLine(source, number, "token longer than " + MAX_TOKEN_BYTES + " bytes");
      }
      line.write(b);
    }
    if (b < 0 && line.size() == 0) {
      return false;
    }
    byte[] content = line.toByteArray();
    if (content.length > 0 && content[content.length - 1] == '\r') {
      line.reset();
      line.write(content, 0, content.length - 1);
    }
    return true;
  }
}

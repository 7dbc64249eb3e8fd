package org.seqnlp.opennlp.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqnlp.io.InputFormatException;

/**
 * The tokens a language model predicts, numbered: {@value #END_OF_SENTENCE} is 0, {@value #UNKNOWN} is
 * 1, then the training tokens by falling frequency. Tokens outside it are read as {@value #UNKNOWN}.
 */
public final class Vocabulary {

  public static final String END_OF_SENTENCE = "<eos>";
  public static final String UNKNOWN = "<unk>";
  public static final int END_OF_SENTENCE_ID = 0;
  public static final int UNKNOWN_ID = 1;

  private final List<String> tokens;
  private final Map<String, Integer> ids;

  private Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      ids.put(tokens.get(i), i);
    }
  }

  /**
   * Builds the vocabulary of {@code counts}: the tokens seen at least {@code minCount} times, at most
   * {@code maxSize} entries in all (0 for no limit), most frequent first, ties in alphabetical order.
   */
  public static Vocabulary build(Map<String, Long> counts, int minCount, int maxSize) {
    if (maxSize != 0 && maxSize < 3) {
      throw new IllegalArgumentException("a vocabulary needs room for " + END_OF_SENTENCE + ", " + UNKNOWN
          + " and one token: maxSize " + maxSize);
    }
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getValue() >= minCount && !entry.getKey().equals(END_OF_SENTENCE)
          && !entry.getKey().equals(UNKNOWN)) {
        kept.add(entry);
      }
    }
    kept.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> tokens = new ArrayList<>(List.of(END_OF_SENTENCE, UNKNOWN));
    int limit = maxSize == 0 ? kept.size() : Math.min(kept.size(), maxSize - 2);
    for (int i = 0; i < limit; i++) {
      tokens.add(kept.get(i).getKey());
    }
    return new Vocabulary(tokens);
  }

  public int size() {
    return tokens.size();
  }

  /** The id of {@code token}, or {@link #UNKNOWN_ID} when it is not in the vocabulary. */
  public int id(String token) {
    return ids.getOrDefault(token, UNKNOWN_ID);
  }

  public String token(int id) {
    return tokens.get(id);
  }

  public List<String> tokens() {
    return Collections.unmodifiableList(tokens);
  }

  /** Writes one token a line, in id order (tokens come from lines, so none holds a line break). */
  public void write(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (String token : tokens) {
      writer.write(token);
      writer.write('\n');
    }
    writer.flush();
  }

  /** Reads what {@link #write} wrote; {@code source} names the file in errors. */
  public static Vocabulary read(InputStream in, String source) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> tokens = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String token;
    while ((token = reader.readLine()) != null) {
      if (token.isEmpty()) {
        throw InputFormatException.atLine(source, tokens.size() + 1, "empty token");
      }
      Integer previous = seen.put(token, tokens.size() + 1);
      if (previous != null) {
        throw InputFormatException.atLine(source, tokens.size() + 1, "token '" + token
            + "' already on line " + previous);
      }
      tokens.add(token);
    }
    if (tokens.size() < 2 || !tokens.get(END_OF_SENTENCE_ID).equals(END_OF_SENTENCE)
        || !tokens.get(UNKNOWN_ID).equals(UNKNOWN)) {
      throw InputFormatException.atLine(source, 1, "a vocabulary starts with " + END_OF_SENTENCE + " and "
          + UNKNOWN);
    }
    return new Vocabulary(tokens);
  }
}

package org.seqnlp.opennlp.namefind.gazetteer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.opennlp.namefind.Capitalisation;

/**
 * Typed name lists compiled for matching inside sentences, the way Chiu and Nichols (2016) feed
 * lexicons to a BiLSTM-CRF: for each type, the longest list entries are matched left to right without
 * overlap, and every token gets one of four features per type, the B, I, E or S position of its match
 * ({@value #POSITIONS} x types floats, each 0 or 1).
 *
 * <p>Matching ignores case, so that an all-capitals headline ({@code BRUSSELS}) matches {@code
 * Brussels}, but a match needs a token with a capital letter: lists of given names hold {@code Will} and
 * {@code May}, which must not fire on the verbs. Entries are sequences of tokens split on whitespace,
 * compared token by token.
 *
 * <p>The compiled form is the sorted entries as UTF-8 bytes (tokens joined by a space) in one array, with
 * their offsets and a bit mask of types per entry: about 20 bytes per entry, searched by binary search,
 * where a trie of objects would take ten times the memory inside every loaded model. Immutable and
 * thread-safe.
 */
public final class Gazetteer {

  /** Positions of a token in a match: begin, inside, end, single. */
  public static final int POSITIONS = 4;
  /** Longest entry, in tokens; longer lists entries are left out when compiling. */
  public static final int MAX_ENTRY_TOKENS = 8;
  /** Most types one gazetteer holds (type masks are bytes). */
  public static final int MAX_TYPES = 8;

  private static final int BEGIN = 0;
  private static final int INSIDE = 1;
  private static final int END = 2;
  private static final int SINGLE = 3;

  private final List<String> types;
  /** The entries' UTF-8 bytes, one after another in sorted order. */
  private final byte[] bytes;
  /** Entry i is {@code bytes[starts[i], starts[i + 1])}. */
  private final int[] starts;
  /** Bit t set when entry i is a name of type t. */
  private final byte[] masks;

  private Gazetteer(List<String> types, byte[] bytes, int[] starts, byte[] masks) {
    this.types = types;
    this.bytes = bytes;
    this.starts = starts;
    this.masks = masks;
  }

  /**
   * Compiles lists of names by type. Names are split on whitespace and lowercased; names without a
   * capital letter, empty ones and those of more than {@value #MAX_ENTRY_TOKENS} tokens are left out.
   *
   * @param namesByType type name (e.g. {@code location}) to names; at most {@value #MAX_TYPES} types
   */
  public static Gazetteer fromLists(Map<String, ? extends Collection<String>> namesByType) {
    Map<String, List<String>> entries = new TreeMap<>();
    namesByType.forEach((type, names) -> {
      List<String> kept = new ArrayList<>(names.size());
      for (String name : names) {
        List<String> tokens = tokens(name);
        if (!tokens.isEmpty() && tokens.size() <= MAX_ENTRY_TOKENS && Capitalisation.hasCapital(name)) {
          kept.add(String.join(" ", tokens).toLowerCase(Locale.ROOT));
        }
      }
      entries.put(type, kept);
    });
    return fromEntries(entries);
  }

  /**
   * A gazetteer of entries as {@link #entries(String)} gives them (lowercased, tokens joined by one
   * space), taken as they are: how a model restores the gazetteer it was trained with.
   */
  public static Gazetteer fromEntries(Map<String, ? extends Collection<String>> entriesByType) {
    if (entriesByType.isEmpty() || entriesByType.size() > MAX_TYPES) {
      throw new IllegalArgumentException("a gazetteer holds 1 to " + MAX_TYPES + " types, not "
          + entriesByType.size());
    }
    List<String> types = List.copyOf(new TreeMap<>(entriesByType).keySet());
    Map<String, Integer> maskByEntry = new HashMap<>();
    for (int t = 0; t < types.size(); t++) {
      int bit = 1 << t;
      for (String entry : entriesByType.get(types.get(t))) {
        maskByEntry.merge(entry, bit, (a, b) -> a | b);
      }
    }
    List<Map.Entry<byte[], Integer>> sorted = new ArrayList<>(maskByEntry.size());
    long total = 0;
    for (Map.Entry<String, Integer> entry : maskByEntry.entrySet()) {
      byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
      total += key.length;
      sorted.add(Map.entry(key, entry.getValue()));
    }
    if (total > ArrayLimits.MAX_LENGTH) {
      throw new IllegalArgumentException("gazetteer entries hold more than 2 GB of text");
    }
    sorted.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
    byte[] bytes = new byte[(int) total];
    int[] starts = new int[sorted.size() + 1];
    byte[] masks = new byte[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      byte[] key = sorted.get(i).getKey();
      System.arraycopy(key, 0, bytes, starts[i], key.length);
      starts[i + 1] = starts[i] + key.length;
      masks[i] = (byte) (int) sorted.get(i).getValue();
    }
    return new Gazetteer(types, bytes, starts, masks);
  }

  /** The type names, in the order of their features. */
  public List<String> types() {
    return types;
  }

  /** The entries of {@code type}, lowercased and sorted: what {@link #fromEntries} rebuilds this from. */
  public List<String> entries(String type) {
    int t = types.indexOf(type);
    if (t < 0) {
      throw new IllegalArgumentException("no type '" + type + "' in this gazetteer: " + types);
    }
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < masks.length; i++) {
      if ((masks[i] & (1 << t)) != 0) {
        entries.add(new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  /** Features per token: {@value #POSITIONS} per type, type by type in the order of {@link #types()}. */
  public int featureSize() {
    return POSITIONS * types.size();
  }

  /**
   * The features of each token of a sentence, token t's at {@code [t * featureSize()]}: 1 where the
   * token has that position in a match of that type, else 0.
   */
  public float[] features(String[] tokens) {
    int width = featureSize();
    float[] features = new float[tokens.length * width];
    byte[][] keys = new byte[tokens.length][];
    boolean[] capital = new boolean[tokens.length];
    for (int t = 0; t < tokens.length; t++) {
      keys[t] = tokens[t].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      capital[t] = Capitalisation.hasCapital(tokens[t]);
    }
    // longest[t * types + type]: length of the longest entry of that type starting at token t, or 0.
    int typeCount = types.size();
    int[] longest = new int[tokens.length * typeCount];
    for (int start = 0; start < tokens.length; start++) {
      matchFrom(keys, capital, start, typeCount, longest);
    }
    for (int type = 0; type < typeCount; type++) {
      for (int t = 0; t < tokens.length; ) {
        int length = longest[t * typeCount + type];
        if (length == 0) {
          t++;
          continue;
        }
        for (int k = 0; k < length; k++) {
          int position = length == 1 ? SINGLE : k == 0 ? BEGIN : k == length - 1 ? END : INSIDE;
          features[(t + k) * width + type * POSITIONS + position] = 1f;
        }
        t += length;
      }
    }
    return features;
  }

  private void matchFrom(byte[][] keys, boolean[] capital, int start, int typeCount, int[] longest) {
    byte[] prefix = new byte[0];
    boolean anyCapital = false;
    for (int end = start; end < keys.length && end - start < MAX_ENTRY_TOKENS; end++) {
      prefix = end == start ? keys[end] : join(prefix, keys[end]);
      anyCapital |= capital[end];
      int at = search(prefix);
      if (at >= 0 && anyCapital) {
        for (int type = 0; type < typeCount; type++) {
          if ((masks[at] & (1 << type)) != 0) {
            longest[start * typeCount + type] = end - start + 1;
          }
        }
      }
      if (!someEntryExtends(prefix, at >= 0 ? at + 1 : -at - 1)) {
        return;
      }
    }
  }

  /** As {@link Arrays#binarySearch}: the index of {@code key}, or {@code -(insertion point) - 1}. */
  private int search(byte[] key) {
    int low = 0;
    int high = masks.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = Arrays.compareUnsigned(bytes, starts[middle], starts[middle + 1], key, 0, key.length);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -low - 1;
  }

  /**
   * Whether an entry starts with {@code prefix} and a space. Such entries directly follow where
   * {@code prefix} is or would be, as a space sorts before every other character of a token.
   */
  private boolean someEntryExtends(byte[] prefix, int from) {
    if (from >= masks.length) {
      return false;
    }
    int start = starts[from];
    int length = starts[from + 1] - start;
    return length > prefix.length && bytes[start + prefix.length] == ' '
        && Arrays.equals(bytes, start, start + prefix.length, prefix, 0, prefix.length);
  }

  /** The tokens of {@code name}: its runs of characters between whitespace, as entries are compiled from. */
  static List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= name.length(); i++) {
      boolean space = i == name.length() || Character.isWhitespace(name.charAt(i));
      if (space && start >= 0) {
        tokens.add(name.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return tokens;
  }

  private static byte[] join(byte[] prefix, byte[] token) {
    byte[] joined = Arrays.copyOf(prefix, prefix.length + 1 + token.length);
    joined[prefix.length] = ' ';
    System.arraycopy(token, 0, joined, prefix.length + 1, token.length);
    return joined;
  }
}

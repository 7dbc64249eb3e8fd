package org.seqnlp.opennlp.nn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbols (normalised words or single characters) numbered from 0; symbol 0 is the stand-in for every
 * symbol not in the vocabulary. Immutable and safe to share between threads.
 */
public final class Vocabulary {

  /** Index returned for symbols not in the vocabulary. */
  public static final int UNKNOWN = 0;

  private final String[] symbols;
  private final Map<String, Integer> indexBySymbol;

  /**
   * @param symbols the symbols in index order; entry 0 names the unknown symbol and is never looked up
   */
  public Vocabulary(List<String> symbols) {
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs at least the unknown symbol");
    }
    this.symbols = symbols.toArray(new String[0]);
    this.indexBySymbol = new HashMap<>(symbols.size() * 2);
    for (int i = 1; i < this.symbols.length; i++) {
      if (indexBySymbol.putIfAbsent(this.symbols[i], i) != null) {
        throw new IllegalArgumentException("duplicate symbol '" + this.symbols[i] + "' at " + i);
      }
    }
  }

  public int size() {
    return symbols.length;
  }

  public String symbol(int index) {
    return symbols[index];
  }

  /** Index of {@code symbol}, or {@link #UNKNOWN}. */
  public int indexOf(String symbol) {
    Integer index = indexBySymbol.get(symbol);
    return index == null ? UNKNOWN : index;
  }

  List<String> symbols() {
    return List.of(symbols);
  }
}

package org.seqnlp.lucene.expansion;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.seqnlp.vectors.Neighbour;
import org.seqnlp.vectors.NeighbourLookup;

/**
 * Expands each term with its nearest neighbours in a word-vector space, as synonyms: after the term,
 * which passes unchanged, come up to {@code maxExpansions} neighbours with cosine similarity at least
 * {@code minSimilarity}, most similar first, each at the same position (position increment 0) and
 * with the same position length and offsets as the term, and type {@value SynonymGraphFilter#TYPE_SYNONYM}.
 *
 * <p>A term's neighbours together weigh {@code expansionWeight} of the term, shared in proportion to
 * their cosine similarity, and each carries its share (times the term's own boost) as its {@link
 * BoostAttribute} boost. The share, rather than the cosine itself, keeps a term with many close
 * neighbours from outweighing the term it expands. Queried as distinct terms (Solr's field type
 * attribute {@code synonymQueryStyle="as_distinct_terms"}, or {@link DistinctTermsQueryBuilder}), the
 * BM25 score of the query is then that of the original query plus {@code expansionWeight} times that
 * of the expansions: expansion can add matches but never takes weight from the original terms.
 * Lucene's default {@link org.apache.lucene.search.SynonymQuery} instead scores a term and its
 * neighbours as one term, each neighbour's occurrences counted times its boost; the module README
 * compares the two on five collections.
 *
 * <p>Terms in the unexpanded set (stop words, protected words) and terms the vectors do not know pass
 * through alone. So do the terms inside a multi-word alternative of a token graph, such as a
 * multi-word synonym from {@link SynonymGraphFilter}: Lucene's {@code QueryBuilder} turns every path
 * through such a stretch of the graph into a clause of its own, and neighbours on a path of several
 * terms would multiply those paths (three terms with ten neighbours each, 1,331), past the query's clause
 * limit. A term that alone spans the whole stretch (one word for several, as "wifi" for "wi fi") is
 * expanded, since each of its neighbours adds one path. The filter therefore reads one token ahead, and
 * a whole stretch ahead within a graph; a stretch over several positions that reaches {@value
 * #MAX_STRETCH_TOKENS} tokens passes unexpanded, as shingles, and CJK bigrams output with their unigrams,
 * do, whose tokens overlap without end (plain bigrams follow one another and are expanded one by one).
 *
 * <p>A neighbour that is a term at the same place (a synonym an earlier filter stacked there) or a neighbour
 * already added there is left out, so stacked synonyms do not expand into one another; with lowercase
 * lookup, so is one that differs from those only in case. A neighbour is a new token, as {@link
 * SynonymGraphFilter}'s outputs are: it takes the term's offsets and position length and nothing else, so
 * it is no keyword even when the term is (a keyword term is expanded: the flag protects the term itself
 * from change, as from a stemmer after this filter, which then stems the neighbours).
 */
public final class SemanticExpansionFilter extends TokenFilter {

  /**
   * The most neighbours a term may add: already far more clauses than a query should have (Lucene's
   * default limit is 1,024 for the whole query), and it bounds the neighbour table to 1,000 entries a word.
   */
  public static final int MAX_EXPANSIONS = 1000;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final BoostAttribute boostAtt = addAttribute(BoostAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

  private final NeighbourLookup neighbours;
  private final int maxExpansions;
  private final float minSimilarity;
  private final float expansionWeight;
  private final CharArraySet unexpanded;
  private final boolean lowercaseLookup;

  /**
   * The most tokens of a stretch held back: far more than any multi-word synonym has, while shingles or
   * bigrams, whose tokens overlap one another, make one stretch of a whole text.
   */
  static final int MAX_STRETCH_TOKENS = 256;
  /** The most tokens stacked at one position held back, so that no input makes the filter hold it all. */
  static final int MAX_STACKED_TOKENS = 16 * MAX_STRETCH_TOKENS;

  /** Tokens of the stretch being read, between two positions that no token spans. */
  private final List<ReadToken> stretch = new ArrayList<>();
  private int stretchStart;
  private int stretchEnd = Integer.MIN_VALUE;
  /** Whether the stretch being read outgrew {@link #MAX_STRETCH_TOKENS}: its tokens pass unexpanded as read. */
  private boolean overflowed;
  /** Tokens of complete stretches, to pass on. */
  private final ArrayDeque<ReadyToken> ready = new ArrayDeque<>();
  private int position = -1;
  private boolean inputEnded;

  private List<Neighbour> expansions = List.of();
  private int nextExpansion;
  /** Boost of the pending expansions per unit of cosine: the term's boost x expansionWeight / their cosine sum. */
  private float boostPerCosine;
  /** Offsets and position length of the term the pending expansions expand, which they take. */
  private int termStart;
  private int termEnd;
  private int termPositionLength;

  /**
   * @param neighbours where expansions come from
   * @param maxExpansions the most neighbours added per term, in [1, {@value #MAX_EXPANSIONS}]
   * @param minSimilarity the least cosine similarity of an added neighbour, in (0, 1]
   * @param expansionWeight the weight of a term's neighbours together relative to the term, in (0, 1]
   * @param unexpanded terms never expanded, e.g. {@link CharArraySet#EMPTY_SET}
   * @param lowercaseLookup whether to look terms up lowercased (as Lucene's {@code LowerCaseFilter} lowercases),
   *     leaving out neighbours that differ from the term or an earlier neighbour only in case
   */
  public SemanticExpansionFilter(TokenStream input, NeighbourLookup neighbours, int maxExpansions,
      float minSimilarity, float expansionWeight, CharArraySet unexpanded, boolean lowercaseLookup) {
    super(input);
    checkOptions(maxExpansions, minSimilarity, expansionWeight);
    this.neighbours = neighbours;
    this.maxExpansions = maxExpansions;
    this.minSimilarity = minSimilarity;
    this.expansionWeight = expansionWeight;
    this.unexpanded = Objects.requireNonNull(unexpanded, "unexpanded");
    this.lowercaseLookup = lowercaseLookup;
  }

  /** Throws IllegalArgumentException, naming the option, unless the options are valid for the constructor. */
  public static void checkOptions(int maxExpansions, float minSimilarity, float expansionWeight) {
    if (maxExpansions < 1 || maxExpansions > MAX_EXPANSIONS) {
      throw new IllegalArgumentException("maxExpansions must be in [1, " + MAX_EXPANSIONS + "], got " + maxExpansions);
    }
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
    if (!(expansionWeight > 0 && expansionWeight <= 1)) {
      throw new IllegalArgumentException("expansionWeight must be in (0, 1], got " + expansionWeight);
    }
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (nextExpansion < expansions.size()) {
      Neighbour neighbour = expansions.get(nextExpansion++);
      // a new token, as SynonymGraphFilter makes its outputs: nothing of the term's but its place (no keyword
      // flag, which would keep a stemmer after this filter from stemming the neighbour, no payload, no flags)
      clearAttributes();
      termAtt.append(neighbour.word());
      offsetAtt.setOffset(termStart, termEnd);
      posIncAtt.setPositionIncrement(0);
      posLenAtt.setPositionLength(termPositionLength);
      typeAtt.setType(SynonymGraphFilter.TYPE_SYNONYM);
      boostAtt.setBoost(boostPerCosine * neighbour.similarity());
      return true;
    }
    while (ready.isEmpty()) {
      if (inputEnded) {
        return false;
      }
      readStretch();
    }
    ReadyToken token = ready.poll();
    restoreState(token.state());
    expansions = List.of();
    nextExpansion = 0;
    if (token.spansStretch() && !unexpanded.contains(termAtt.buffer(), 0, termAtt.length())) {
      expansions = token.stretch().newWords(neighbours.nearest(token.key(), maxExpansions, minSimilarity));
      if (!expansions.isEmpty()) {
        termStart = offsetAtt.startOffset();
        termEnd = offsetAtt.endOffset();
        termPositionLength = posLenAtt.getPositionLength();
        double cosineSum = 0;
        for (Neighbour neighbour : expansions) {
          cosineSum += neighbour.similarity();
        }
        boostPerCosine = (float) (boostAtt.getBoost() * expansionWeight / cosineSum);
      }
    }
    return true;
  }

  /**
   * Reads tokens until the stretch being read is complete, that is until a token starts where no token
   * of the stretch reaches or the input ends, and moves the stretch to {@link #ready}; or until a stretch
   * over several positions has {@value #MAX_STRETCH_TOKENS} tokens (one at a single position, {@value
   * #MAX_STACKED_TOKENS}), which then go to {@link #ready} unexpanded, as does the rest of that stretch.
   */
  private void readStretch() throws IOException {
    while (input.incrementToken()) {
      int start = position + posIncAtt.getPositionIncrement();
      int end = start + posLenAtt.getPositionLength();
      position = start;
      if (start >= stretchEnd) {
        boolean completed = !stretch.isEmpty();
        completeStretch();
        overflowed = false;
        stretchStart = start;
        stretchEnd = end;
        stretch.add(new ReadToken(captureState(), start, end, key()));
        if (completed) {
          return;
        }
        continue;
      }
      stretchEnd = Math.max(stretchEnd, end);
      if (overflowed) {
        ready.add(new ReadyToken(captureState(), null, null));
        return;
      }
      stretch.add(new ReadToken(captureState(), start, end, key()));
      // Tokens stacked at one position (synonyms of one word) are no graph: they have a cap of their own, far higher.
      int cap = stretchEnd - stretchStart > 1 ? MAX_STRETCH_TOKENS : MAX_STACKED_TOKENS;
      if (stretch.size() >= cap) {
        for (ReadToken token : stretch) {
          ready.add(new ReadyToken(token.state(), null, null));
        }
        stretch.clear();
        overflowed = true;
        return;
      }
    }
    inputEnded = true;
    completeStretch();
  }

  private void completeStretch() {
    Words words = new Words();
    for (ReadToken token : stretch) {
      words.seen.add(token.key());
    }
    for (ReadToken token : stretch) {
      boolean spans = token.start() == stretchStart && token.end() == stretchEnd;
      ready.add(new ReadyToken(token.state(), spans ? token.key() : null, spans ? words : null));
    }
    stretch.clear();
  }

  /** The current term as looked up: lowercased with lowercase lookup. */
  private String key() {
    return lookedUp(termAtt.toString());
  }

  /**
   * {@code word} lowercased with lowercase lookup, code point by code point as Lucene's {@code LowerCaseFilter} and
   * an ignoring-case {@link CharArraySet} lowercase (so the protected words and the vectors agree): {@link
   * String#toLowerCase} turns a final capital sigma into ς and a dotted capital I into two characters.
   */
  private String lookedUp(String word) {
    if (!lowercaseLookup) {
      return word;
    }
    char[] chars = word.toCharArray();
    CharacterUtils.toLowerCase(chars, 0, chars.length);
    return new String(chars);
  }

  /**
   * The words of one stretch: its terms, and the neighbours added to them so far. A term stacked on another
   * (a synonym from an earlier filter) may have the other for a neighbour, or share neighbours with it; added
   * again, they would weigh more than the original query gives them.
   */
  private final class Words {
    private final Set<String> seen = new HashSet<>();

    /** {@code found} without the words of the stretch and the neighbours before them; those kept are remembered. */
    List<Neighbour> newWords(List<Neighbour> found) {
      List<Neighbour> kept = new ArrayList<>(found.size());
      for (Neighbour neighbour : found) {
        String word = neighbour.word();
        if (seen.add(lookedUp(word))) {
          kept.add(neighbour);
        }
      }
      return kept;
    }
  }

  /** A token of the stretch being read: its attributes, the positions it starts and ends at and its key. */
  private record ReadToken(State state, int start, int end, String key) {}

  /**
   * A token of a complete stretch: its attributes, and when it alone spans the stretch, its key and the words
   * of its stretch (else null, and it passes unexpanded).
   */
  private record ReadyToken(State state, String key, Words stretch) {

    boolean spansStretch() {
      return stretch != null;
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    stretch.clear();
    stretchEnd = Integer.MIN_VALUE;
    overflowed = false;
    ready.clear();
    position = -1;
    inputEnded = false;
    expansions = List.of();
    nextExpansion = 0;
    boostPerCosine = 0;
  }
}

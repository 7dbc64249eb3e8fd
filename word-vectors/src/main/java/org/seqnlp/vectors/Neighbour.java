package org.seqnlp.vectors;

/**
 * A word near another in a vector space.
 *
 * @param row the word's row in its {@link WordVectors}
 * @param word the word
 * @param similarity the cosine similarity, in [-1, 1]
 */
public record Neighbour(int row, String word, float similarity) {}

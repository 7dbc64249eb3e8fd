package org.seqnlp.eval.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.seqnlp.io.LineReader;

/**
 * The words of a plot, each in a named group that the plot colours and lists in its legend: one unnamed
 * group for a plain list, or the groups of a file.
 *
 * @param groups the group names, in order of first appearance
 * @param words the words, each once
 * @param groupOfWord per word, the index of its group
 */
public record PlotWords(List<String> groups, List<String> words, List<Integer> groupOfWord) {

  /** The most words a plot draws: far more than stay legible, and t-SNE's neighbour search is quadratic. */
  public static final int MAX_WORDS = 20_000;
  /** The fewest words a two-dimensional map of their neighbourhoods can show. */
  static final int MIN_WORDS = 3;

  public PlotWords {
    groups = List.copyOf(groups);
    words = List.copyOf(words);
    groupOfWord = List.copyOf(groupOfWord);
  }

  /** {@code words} (duplicates dropped) in one unnamed group. */
  public static PlotWords of(List<String> words) {
    List<String> unique = List.copyOf(new LinkedHashSet<>(words));
    return new PlotWords(List.of(""), unique, unique.stream().map(word -> 0).toList());
  }

  /**
   * Reads a file of groups, one a line: {@code NAME: word word ...}; blank lines and lines starting with
   * {@code #} are skipped. A word listed twice stays in its first group.
   *
   * @throws org.seqnlp.io.InputFormatException naming the line when it has no name before a colon, or
   *     when the file lists more than {@value #MAX_WORDS} words
   */
  public static PlotWords read(Path file) throws IOException {
    List<String> groups = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<Integer> groupOfWord = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
          throw reader.error("expected 'group name: word word ...'");
        }
        String group = text.substring(0, colon).strip();
        int index = groups.indexOf(group);
        if (index < 0) {
          index = groups.size();
          groups.add(group);
        }
        for (String word : text.substring(colon + 1).strip().split("\\s+")) {
          if (!word.isEmpty() && seen.add(word)) {
            if (words.size() == MAX_WORDS) {
              throw reader.error("more than " + MAX_WORDS + " words to plot");
            }
            words.add(word);
            groupOfWord.add(index);
          }
        }
      }
      if (words.size() < MIN_WORDS) {
        throw reader.error(words.size() + " words to plot; a plot needs at least " + MIN_WORDS);
      }
    }
    return new PlotWords(groups, words, groupOfWord);
  }

  /**
   * The words {@code vectors} knows (looked up as written, then lowercased), with their groups and unit
   * vectors.
   *
   * @throws IllegalArgumentException when fewer than three are known
   */
  public Known known(UnitVectors vectors) {
    List<String> known = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    Set<String> taken = new LinkedHashSet<>();
    for (int i = 0; i < words.size(); i++) {
      int row = vectors.find(words.get(i));
      if (row >= 0 && taken.add(vectors.word(row))) {
        known.add(vectors.word(row));
        groups.add(groupOfWord.get(i));
        float[] vector = vectors.vector(row);
        double[] values = new double[vector.length];
        for (int k = 0; k < vector.length; k++) {
          values[k] = vector[k];
        }
        rows.add(values);
      }
    }
    if (known.size() < MIN_WORDS) {
      throw new IllegalArgumentException("a plot needs at least " + MIN_WORDS + " known words, found " + known);
    }
    return new Known(known, groups, rows.toArray(new double[0][]));
  }

  /** The known words of a plot with the index of their group and their unit vectors. */
  public record Known(List<String> words, List<Integer> groups, double[][] vectors) {
  }
}

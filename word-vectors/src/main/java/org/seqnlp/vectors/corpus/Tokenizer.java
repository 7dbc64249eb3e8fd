package org.seqnlp.vectors.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits one line of running text into the words a word-vector trainer sees.
 *
 * <p>The normalisation, applied in this order:
 * <ol>
 *   <li>A word is a maximal run of letters and digits ({@link Character#isLetterOrDigit(int)}), with the
 *       combining marks that follow them (the vowel signs of Devanagari and other Indic scripts, an accent
 *       written as its own character): without them {@code हिन्दी} would fall apart into letters.
 *   <li>An apostrophe ({@code '}, {@code ’}, {@code ʼ}) or a hyphen ({@code -}, {@code ‐}, {@code ‑})
 *       with a letter or digit on both sides stays inside the word, written as {@code '} or {@code -}:
 *       {@code don't}, {@code o'clock}, {@code well-known}. Elsewhere (quotes, {@code --} dashes, a
 *       trailing possessive {@code ladies'}) it separates words like any other punctuation.
 *   <li>Words without a letter (numbers such as {@code 1887} or the pieces of {@code 2,345}) are
 *       dropped: they would fill the vocabulary with values that carry little meaning.
 *   <li>Words are lowercased ({@link Locale#ROOT}) unless lowercasing is switched off.
 * </ol>
 * Instances hold no state between calls and are safe to share between threads.
 */
public final class Tokenizer {

  private final boolean lowercase;

  /** @param lowercase whether words are lowercased (the default of the command-line tool) */
  public Tokenizer(boolean lowercase) {
    this.lowercase = lowercase;
  }

  /** The default normalisation: lowercasing on. */
  public static Tokenizer lowercasing() {
    return new Tokenizer(true);
  }

  /** The words of {@code line}, in order. */
  public List<String> tokenize(CharSequence line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean hasLetter = false;
    int length = line.length();
    int previous = -1;
    for (int i = 0; i < length; ) {
      int c = Character.codePointAt(line, i);
      int next = i + Character.charCount(c);
      if (Character.isLetterOrDigit(c) || (word.length() > 0 && isMark(c))) {
        word.appendCodePoint(c);
        hasLetter |= Character.isLetter(c);
      } else {
        char joiner = joiner(c);
        boolean inside = joiner != 0 && word.length() > 0 && (Character.isLetterOrDigit(previous) || isMark(previous))
            && next < length && Character.isLetterOrDigit(Character.codePointAt(line, next));
        if (inside) {
          word.append(joiner);
        } else {
          emit(word, hasLetter, words);
          hasLetter = false;
        }
      }
      previous = c;
      i = next;
    }
    emit(word, hasLetter, words);
    return words;
  }

  private void emit(StringBuilder word, boolean hasLetter, List<String> words) {
    if (word.length() > 0 && hasLetter) {
      String text = word.toString();
      words.add(lowercase ? text.toLowerCase(Locale.ROOT) : text);
    }
    word.setLength(0);
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** The character that {@code c} is written as when it joins two parts of a word, or 0. */
  private static char joiner(int c) {
    switch (c) {
      case '\'':
      case '\u2019':
      case '\u02BC':
        return '\'';
      case '-':
      case '\u2010':
      case '\u2011':
        return '-';
      default:
        return 0;
    }
  }
}

package org.seqnlp.eval.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.tokenize.DetokenizationDictionary;
import opennlp.tools.tokenize.DetokenizationDictionary.Operation;
import opennlp.tools.tokenize.Detokenizer.DetokenizationOperation;
import opennlp.tools.tokenize.DictionaryDetokenizer;
import opennlp.tools.util.Span;

/**
 * Rebuilds plausible raw text from the tokens of a CoNLL document, keeping its gold entities as character
 * spans, so a plain-text pipeline can be scored on text it has to split itself. Tokens are joined with one
 * space, except (through OpenNLP's {@link DictionaryDetokenizer}):
 * <ul>
 *   <li>no space before closing punctuation and clitics: {@code . , ; : ? ! % ) ] } ...} and {@code '},
 *       {@code 's}, {@code n't}, {@code 're}, {@code 've}, {@code 'll}, {@code 'd}, {@code 'm} (either
 *       case), so {@code Germany 's} becomes {@code Germany's} and {@code Leeds '} becomes {@code Leeds'};</li>
 *   <li>no space after opening brackets and the dollar sign: {@code ( [ $} (so {@code ( $ 7,400 )} becomes
 *       {@code ($7,400)});</li>
 *   <li>none on either side of {@code /} ({@code British Airways / American} becomes
 *       {@code British Airways/American});</li>
 *   <li>straight double quotes alternate through the document: an opening one attaches to the token after
 *       it, a closing one to the token before it (quotes often span sentences in news text).</li>
 * </ul>
 * Dashes ({@code -}, {@code --}) keep their spaces, as Reuters writes them between words. Sentences are
 * separated by a line end or a space, depending on the {@link Layout}.
 */
public final class ConllDetokenizer {

  /** How a document's sentences and tokens are laid out as text. */
  public enum Layout {
    /** Tokens separated by one space, one sentence a line: the gold tokens, recoverable by whitespace. */
    TOKENIZED,
    /** Detokenised, one sentence a line, as news text has its headline, dateline and short paragraphs. */
    LINES,
    /** Detokenised, the sentences of a document joined by spaces into one paragraph. */
    RUNNING
  }

  /** A document as text, with its gold entities as character spans into the text. */
  public record Document(String text, List<Span> entities) {
    public Document {
      entities = List.copyOf(entities);
    }
  }

  private static final List<String> ATTACH_LEFT = List.of(".", ",", ";", ":", "?", "!", "%", ")", "]", "}", "...",
      "'", "'s", "'S", "n't", "N'T", "'re", "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M");
  private static final List<String> ATTACH_RIGHT = List.of("(", "[", "{", "$");
  private static final List<String> ATTACH_BOTH = List.of("/");
  private static final List<String> ALTERNATE = List.of("\"");

  private final DictionaryDetokenizer detokenizer = new DictionaryDetokenizer(dictionary());

  private static DetokenizationDictionary dictionary() {
    List<String> tokens = new ArrayList<>();
    List<Operation> operations = new ArrayList<>();
    add(tokens, operations, ATTACH_LEFT, Operation.MOVE_LEFT);
    add(tokens, operations, ATTACH_RIGHT, Operation.MOVE_RIGHT);
    add(tokens, operations, ATTACH_BOTH, Operation.MOVE_BOTH);
    add(tokens, operations, ALTERNATE, Operation.RIGHT_LEFT_MATCHING);
    return new DetokenizationDictionary(tokens.toArray(String[]::new), operations.toArray(Operation[]::new));
  }

  private static void add(List<String> tokens, List<Operation> operations, List<String> these, Operation operation) {
    tokens.addAll(these);
    operations.addAll(Collections.nCopies(these.size(), operation));
  }

  /** The text of a document's sentences (in order) laid out as {@code layout}, with their gold entities. */
  public Document rebuild(List<NameSample> sentences, Layout layout) {
    String[] tokens = sentences.stream().flatMap(sentence -> Arrays.stream(sentence.getSentence()))
        .toArray(String[]::new);
    DetokenizationOperation[] operations = layout == Layout.TOKENIZED ? null : detokenizer.detokenize(tokens);
    StringBuilder text = new StringBuilder();
    List<Span> entities = new ArrayList<>();
    int index = 0;
    for (NameSample sentence : sentences) {
      if (!text.isEmpty()) {
        text.append(layout == Layout.RUNNING ? ' ' : '\n');
      }
      String[] words = sentence.getSentence();
      int[] starts = new int[words.length];
      int[] ends = new int[words.length];
      for (int i = 0; i < words.length; i++, index++) {
        if (i > 0 && spaceBefore(operations, index)) {
          text.append(' ');
        }
        starts[i] = text.length();
        text.append(words[i]);
        ends[i] = text.length();
      }
      for (Span name : sentence.getNames()) {
        entities.add(new Span(starts[name.getStart()], ends[name.getEnd() - 1], name.getType()));
      }
    }
    return new Document(text.toString(), entities);
  }

  private static boolean spaceBefore(DetokenizationOperation[] operations, int index) {
    if (operations == null) {
      return true;
    }
    DetokenizationOperation before = operations[index - 1];
    DetokenizationOperation here = operations[index];
    return before != DetokenizationOperation.MERGE_TO_RIGHT && before != DetokenizationOperation.MERGE_BOTH
        && here != DetokenizationOperation.MERGE_TO_LEFT && here != DetokenizationOperation.MERGE_BOTH;
  }
}

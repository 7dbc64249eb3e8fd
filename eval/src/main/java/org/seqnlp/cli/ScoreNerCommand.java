package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import opennlp.tools.util.Span;
import org.seqnlp.eval.ner.ScoredTypes;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.namefind.EntityScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqnlp score-ner}: scores another tagger's output as {@code eval-ner} scores ours, both files read as
 * {@code eval-ner} reads test data, so that both taggers are counted by one reader and one scorer.
 */
@Command(name = "score-ner", mixinStandardHelpOptions = true,
    description = {"Scores predicted names against the test data's, as eval-ner does (entity level, exact span and"
        + " type). Both files are read as eval-ner reads test data (--format, --encoding) and hold the same tokens"
        + " and sentences.",
        "Prints precision, recall and F1 per type and overall, with the counts."})
final class ScoreNerCommand implements Callable<Integer> {

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The test data.")
  Path gold;

  @Option(names = "--predicted", required = true, paramLabel = "FILE", description = "The tagger's output.")
  Path predicted;

  @CommandLine.Mixin
  NameDataOptions data;

  @CommandLine.Mixin
  ScoredTypesOption scoredTypes;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ScoredTypes types = scoredTypes.get(spec);
    List<NerFiles.Sentence> reference = data.readSentences(spec, gold);
    List<NerFiles.Sentence> tagged = data.readSentences(spec, predicted);
    if (reference.isEmpty() && tagged.isEmpty()) {
      throw new IOException(gold + ": no sentences to score");
    }
    // the renames apply to both files (another tagger names its types its own way); the warning comes first, as a
    // misspelt label may be why no scored type is left
    ScoredTypesOption.warnOfUnusedRenames(spec, types, Stream.concat(reference.stream(), tagged.stream())
        .map(NerFiles.Sentence::sample).toList(), gold + " or " + predicted);
    ScoredTypesOption.requireIn(spec, types, reference.stream().map(NerFiles.Sentence::sample).toList(), gold);
    EntityScores scores = new EntityScores();
    Set<String> onlyPredicted = new TreeSet<>();
    Set<String> inGold = new HashSet<>();
    for (int i = 0; i < Math.min(reference.size(), tagged.size()); i++) {
      NerFiles.Sentence expected = reference.get(i);
      NerFiles.Sentence actual = tagged.get(i);
      requireSameTokens(expected, actual);
      // The renames of --score-types apply to the predictions too: another tagger names its types its own way.
      Span[] goldNames = types.labelled(expected.sample().getNames());
      Span[] predictedNames = types.labelled(actual.sample().getNames());
      scores.add(goldNames, predictedNames);
      Arrays.stream(goldNames).forEach(name -> inGold.add(name.getType()));
      Arrays.stream(predictedNames).forEach(name -> onlyPredicted.add(name.getType()));
    }
    requireSameSentenceCount(reference, tagged);
    onlyPredicted.removeAll(inGold);
    warnOfTypesOnlyPredicted(onlyPredicted);
    spec.commandLine().getOut().println(scores.format());
    return 0;
  }

  /**
   * Names the types that the predictions have and the test data lack: all their names count as false positives, and
   * such a type is more often a label misspelt or cut (a file ending in {@code I-LO}) than a real prediction.
   */
  private void warnOfTypesOnlyPredicted(Set<String> onlyPredicted) {
    if (!onlyPredicted.isEmpty()) {
      spec.commandLine().getErr().printf("%s: warning: %s has names of type %s, which %s has none of; they count as"
          + " false positives%n", spec.qualifiedName(), predicted, String.join(", ", onlyPredicted), gold);
    }
  }

  /** Fails at the first sentence of the longer file that the other lacks, unless both have as many. */
  private void requireSameSentenceCount(List<NerFiles.Sentence> reference, List<NerFiles.Sentence> tagged)
      throws InputFormatException {
    if (reference.size() != tagged.size()) {
      boolean goldLonger = reference.size() > tagged.size();
      int count = Math.min(reference.size(), tagged.size());
      NerFiles.Sentence extra = (goldLonger ? reference : tagged).get(count);
      throw InputFormatException.atLine((goldLonger ? gold : predicted).toString(), extra.line(),
          String.format(Locale.ROOT, "%s has no sentence %d (it has %d)", goldLonger ? predicted : gold, count + 1,
              count));
    }
  }

  /**
   * Fails, naming both files, the lines the two sentences start on and the first token that differs, unless the
   * tokens are the same.
   */
  private void requireSameTokens(NerFiles.Sentence expected, NerFiles.Sentence actual) throws InputFormatException {
    String[] want = expected.sample().getSentence();
    String[] got = actual.sample().getSentence();
    int token = Arrays.mismatch(want, got);
    if (token >= 0) {
      throw InputFormatException.atLine(predicted.toString(), actual.line(), String.format(Locale.ROOT,
          "the sentence here differs from %s:%d at token %d: %s against %s", gold, expected.line(), token + 1,
          token < got.length ? "'" + got[token] + "'" : "the sentence end",
          token < want.length ? "'" + want[token] + "'" : "the sentence end"));
    }
  }
}

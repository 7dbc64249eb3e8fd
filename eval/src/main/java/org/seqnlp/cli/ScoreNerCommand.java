package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameSample;
import org.seqnlp.eval.ner.ScoredTypes;
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
    List<NameSample> reference = data.read(spec, gold, 0);
    List<NameSample> tagged = data.read(spec, predicted, 0);
    if (reference.isEmpty() && tagged.isEmpty()) {
      throw new IOException(gold + ": no sentences to score");
    }
    EntityScores scores = new EntityScores();
    for (int sentence = 0; sentence < Math.max(reference.size(), tagged.size()); sentence++) {
      NameSample expected = sentence < reference.size() ? reference.get(sentence) : null;
      NameSample actual = sentence < tagged.size() ? tagged.get(sentence) : null;
      requireSameTokens(expected, actual, sentence + 1);
      // The renames of --score-types apply to the predictions too: another tagger names its types its own way.
      scores.add(types.gold(expected.getNames()), types.gold(actual.getNames()));
    }
    spec.commandLine().getOut().println(scores.format());
    return 0;
  }

  /** Fails, naming both files, the sentence and the first token that differs, unless the tokens are the same. */
  private void requireSameTokens(NameSample expected, NameSample actual, long sentence) throws IOException {
    if (expected == null || actual == null) {
      throw new IOException(String.format(Locale.ROOT, "%s has %d sentences, %s more",
          expected == null ? gold : predicted, sentence - 1, expected == null ? predicted : gold));
    }
    String[] want = expected.getSentence();
    String[] got = actual.getSentence();
    int token = Arrays.mismatch(want, got);
    if (token >= 0) {
      throw new IOException(String.format(Locale.ROOT, "%s: sentence %d differs from %s at token %d: %s against %s",
          predicted, sentence, gold, token + 1, token < got.length ? "'" + got[token] + "'" : "the sentence end",
          token < want.length ? "'" + want[token] + "'" : "the sentence end"));
    }
  }
}

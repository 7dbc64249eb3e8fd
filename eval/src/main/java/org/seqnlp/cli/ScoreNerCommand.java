package org.seqnlp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqnlp.eval.ner.LabelSpans;
import org.seqnlp.eval.ner.ScoredTypes;
import org.seqnlp.io.LineReader;
import org.seqnlp.opennlp.namefind.EntityScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seqnlp score-ner}: scores another tagger's output as {@code eval-ner} scores ours, so that both are
 * counted by one scorer.
 */
@Command(name = "score-ner", mixinStandardHelpOptions = true,
    description = {"Scores predicted names against the test data's, as eval-ner does (entity level, exact span and"
        + " type): FILE holds lines TOKEN<TAB>GOLD<TAB>PREDICTED, a blank line between sentences, with labels O,"
        + " B-TYPE or I-TYPE (conlleval's rules).",
        "Prints precision, recall and F1 per type and overall, with the counts."})
final class ScoreNerCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The labelled tokens.")
  Path file;

  @Option(names = "--io", description = "The predicted labels carry no B-/I- prefix (e.g. PERSON, as Stanford's CRF"
      + " writes): a run of one label is one name.")
  boolean io;

  @CommandLine.Mixin
  ScoredTypesOption scoredTypes;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // Renames apply to both columns, so one list maps the test data's labels and the tagger's.
    ScoredTypes types = scoredTypes.get(spec);
    InputPaths.requireFile(file, "file of labelled tokens");
    EntityScores scores = new EntityScores();
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    try (LineReader lines = LineReader.open(file, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          add(scores, types, gold, predicted, lines);
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length < 3) {
          throw lines.error("expected TOKEN<TAB>GOLD<TAB>PREDICTED, found " + columns.length + " column"
              + (columns.length == 1 ? "" : "s"));
        }
        gold.add(columns[1].strip());
        predicted.add(columns[2].strip());
      }
      add(scores, types, gold, predicted, lines);
    }
    spec.commandLine().getOut().println(scores.format());
    return 0;
  }

  /** Scores the sentence read so far, then starts the next. */
  private void add(EntityScores scores, ScoredTypes types, List<String> gold, List<String> predicted,
      LineReader lines) throws IOException {
    try {
      scores.add(types.gold(LabelSpans.decode(gold, true)), types.gold(LabelSpans.decode(predicted, !io)));
    } catch (IllegalArgumentException e) {
      throw lines.error("in the sentence that ends here, " + e.getMessage());
    }
    gold.clear();
    predicted.clear();
  }
}

package org.seqnlp.eval.ner;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.seqnlp.opennlp.namefind.EntityScores;

/** The markdown report of a {@link RawTextEvaluation}. */
public final class RawTextReport {

  private final List<RawTextEvaluation.Result> results;
  private final String commandLine;
  private final ZonedDateTime produced;
  private final List<String> facts;

  /**
   * @param facts lines describing the model, the text models and the data, listed under the command
   */
  public RawTextReport(List<RawTextEvaluation.Result> results, String commandLine, ZonedDateTime produced,
      List<String> facts) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no results to report");
    }
    this.results = List.copyOf(results);
    this.commandLine = commandLine;
    this.produced = produced;
    this.facts = List.copyOf(facts);
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Names from raw text: what splitting the text costs the name finder\n\n");
    md.append("Produced on ").append(produced.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(" by\n\n```\n").append(commandLine).append("\n```\n\n");
    for (String fact : facts) {
      md.append("- ").append(fact).append('\n');
    }
    md.append("- Text: each CoNLL document rebuilt as plain text by `ConllDetokenizer` (tokens joined by one space,"
        + " none before `. , ; : ? ! % ) ] } ...`, `'` and the clitics `'s n't 're 've 'll 'd 'm`, none after"
        + " `( [ { $`, none around `/`, straight double quotes alternately opening and closing through the"
        + " document); sentences one a line, or joined by spaces into one paragraph where stated.\n");
    md.append("- Scores: a predicted name counts when its character start, end and type equal a gold entity's;"
        + " precision, recall and F1 in percent over all documents. \"Reachable\": gold entities whose first and"
        + " last characters start and end tokens of one and the same sentence, the only ones the name finder"
        + " can find exactly after that splitting.\n\n");
    md.append("## Results\n\n");
    md.append("| setting | sentences | tokens | gold entities reachable | precision | recall | F1 | F1 difference to"
        + " gold tokens |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    double goldF1 = results.get(0).scores().overall().f1();
    for (RawTextEvaluation.Result result : results) {
      EntityScores.Counts overall = result.scores().overall();
      md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d of %,d (%.2f%%) | %.2f | %.2f | %.2f | %s |%n",
          result.setting().description(), result.sentences(), result.tokens(), result.reachableEntities(),
          overall.reference(), percent(result.reachableEntities(), overall.reference()), 100 * overall.precision(),
          100 * overall.recall(), 100 * overall.f1(), result == results.get(0) ? "–"
              : String.format(Locale.ROOT, "%+.2f", 100 * (overall.f1() - goldF1))));
    }
    md.append("\n## F1 per entity type\n\n| type | entities |");
    for (RawTextEvaluation.Result result : results) {
      md.append(' ').append(result.setting().description()).append(" |");
    }
    md.append("\n|---|---:|").append("---:|".repeat(results.size())).append('\n');
    Set<String> types = new TreeSet<>();
    results.forEach(result -> types.addAll(result.scores().byType().keySet()));
    for (String type : types) {
      EntityScores.Counts gold = results.get(0).scores().byType().get(type);
      md.append("| ").append(type).append(" | ")
          .append(String.format(Locale.ROOT, "%,d", gold == null ? 0 : gold.reference())).append(" |");
      for (RawTextEvaluation.Result result : results) {
        EntityScores.Counts counts = result.scores().byType().get(type);
        md.append(String.format(Locale.ROOT, " %.2f |", counts == null ? 0.0 : 100 * counts.f1()));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}

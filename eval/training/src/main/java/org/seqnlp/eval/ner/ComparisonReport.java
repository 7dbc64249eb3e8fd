package org.seqnlp.eval.ner;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TreeSet;
import org.seqnlp.eval.ner.NerComparison.Comparison;
import org.seqnlp.eval.ner.NerComparison.ModelResult;
import org.seqnlp.eval.ner.NerComparison.TestSetResult;
import org.seqnlp.opennlp.namefind.EntityScores;

/**
 * Writes a comparison as markdown: how it was produced (command, date, data with their sizes, how each
 * model was made, how each figure is measured), one results table with a row per model and test set,
 * and the per-type scores. The setup is spelled out so the tables can be quoted without the run.
 */
public final class ComparisonReport {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
  private static final String NONE = "–";

  private final Comparison comparison;
  private final String command;
  private final ZonedDateTime date;

  /**
   * @param command the exact command line that produced the comparison
   * @param date when it ran
   */
  public ComparisonReport(Comparison comparison, String command, ZonedDateTime date) {
    this.comparison = comparison;
    this.command = command;
    this.date = date;
  }

  public String markdown() {
    StringBuilder out = new StringBuilder();
    header(out);
    results(out);
    perType(out);
    return out.toString();
  }

  private void header(StringBuilder out) {
    NerComparison.Settings settings = comparison.settings();
    out.append("# Name finders compared: ").append(comparison.ours().name()).append(" and ")
        .append(comparison.nameFinderMe().name()).append("\n\n");
    out.append("Produced on ").append(DATE.format(date.withZoneSameInstant(ZoneOffset.UTC))).append(" by\n\n```\n").append(command).append("\n```\n\n");
    out.append("- Training data: ").append(describe(comparison.train())).append('\n');
    for (TestSetResult result : comparison.results()) {
      out.append("- Test data: ").append(describe(result.data())).append('\n');
    }
    out.append("- ").append(comparison.nameFinderMe().name()).append(": ").append(comparison.nameFinderMe().origin())
        .append('\n');
    out.append("- ").append(comparison.ours().name()).append(": ").append(comparison.ours().origin()).append('\n');
    out.append("- Scores: entity-level exact match of span and type (conlleval rules), counted by `EntityScores`,"
        + " which gives the figures of OpenNLP's `TokenNameFinderEvaluator`; precision, recall and F1 in percent.\n");
    if (!settings.types().isAll()) {
      out.append("- Types scored: ").append(settings.types()).append(" (`--score-types`: the spans of other types"
          + " are left out of the test data and of both models' output).\n");
    }
    out.append(String.format(Locale.ROOT, "- F1 difference: ours minus NameFinderME in points, with a %.0f%% paired"
        + " bootstrap percentile interval (test sentences drawn with replacement, %,d resamples, seed %d); \"≤ 0\""
        + " is the share of resamples in which ours was not better.%n", 100 * PairedBootstrap.CONFIDENCE,
        settings.resamples(), settings.seed()));
    out.append(String.format(Locale.ROOT, "- Tagging rates, measured in this run: tokens per second through"
        + " `NameFinderME.find` on one thread, the last of %d passes over the test set (the passes before warm up"
        + " the JIT); batched: `BiLstmCrfSequenceModel.tagAll` on %d threads, the last of %d passes. %d processors,"
        + " Java %s.%n", settings.rounds(), settings.threads(), settings.rounds(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    out.append("- Training time: wall time of `NameFinderME.train`.\n\n");
  }

  private static String describe(DataSet data) {
    return String.format(Locale.ROOT, "`%s` (%,d sentences, %,d tokens, %,d entities)", data.name(),
        data.sentenceCount(), data.tokenCount(), data.entityCount());
  }

  private void results(StringBuilder out) {
    int threads = comparison.settings().threads();
    out.append("## Results\n\n");
    out.append("| test set | model | precision | recall | F1 | F1 difference [95% CI] | resamples with difference ≤ 0"
        + " | tokens/s, 1 thread | tokens/s, batched (").append(threads).append(" threads) | training time |\n");
    out.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (TestSetResult result : comparison.results()) {
      row(out, result.data(), comparison.nameFinderMe(), result.nameFinderMe(), NONE, NONE);
      F1Difference difference = result.difference();
      row(out, result.data(), comparison.ours(), result.ours(),
          String.format(Locale.ROOT, "%s [%s, %s]", points(difference.observed()), points(difference.lower()),
              points(difference.upper())),
          String.format(Locale.ROOT, "%.3f", difference.shareAtMostZero()));
    }
    out.append('\n');
  }

  private static void row(StringBuilder out, DataSet data, NamedModel model, ModelResult result, String difference,
      String share) {
    EntityScores.Counts overall = result.scores().overall();
    out.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %s | %s | %,.0f | %s | %s |%n", data.name(),
        model.name(), 100 * overall.precision(), 100 * overall.recall(), 100 * overall.f1(), difference, share,
        result.oneThread().tokensPerSecond(),
        result.batched().map(rate -> String.format(Locale.ROOT, "%,.0f", rate.tokensPerSecond())).orElse(NONE),
        trainingTime(model)));
  }

  private static String points(double difference) {
    return String.format(Locale.ROOT, "%+.2f", 100 * difference);
  }

  private static String trainingTime(NamedModel model) {
    if (model.trainingSeconds().isEmpty()) {
      return "not recorded (loaded)";
    }
    String seconds = String.format(Locale.ROOT, "%.1f s", model.trainingSeconds().getAsDouble());
    return model.trainedInThisRun() ? seconds : seconds + " (recorded in the loaded model)";
  }

  private void perType(StringBuilder out) {
    String baseline = comparison.nameFinderMe().name();
    String ours = comparison.ours().name();
    out.append("## Per entity type\n\n");
    out.append("| test set | type | entities | ").append(baseline).append(" P | R | F1 | ").append(ours)
        .append(" P | R | F1 |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TestSetResult result : comparison.results()) {
      EntityScores baselineScores = result.nameFinderMe().scores();
      EntityScores ourScores = result.ours().scores();
      TreeSet<String> types = new TreeSet<>(baselineScores.byType().keySet());
      types.addAll(ourScores.byType().keySet());
      for (String type : types) {
        // Both scorers counted the same reference entities; a type only one model predicted is in its map only.
        EntityScores.Counts either = baselineScores.byType().getOrDefault(type, ourScores.byType().get(type));
        out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s |%n", result.data().name(), type,
            either.reference(), scores(baselineScores, type), scores(ourScores, type)));
      }
    }
  }

  private static String scores(EntityScores scores, String type) {
    EntityScores.Counts counts = scores.byType().get(type);
    if (counts == null) {
      return String.join(" | ", NONE, NONE, NONE);
    }
    return String.format(Locale.ROOT, "%.2f | %.2f | %.2f", 100 * counts.precision(), 100 * counts.recall(),
        100 * counts.f1());
  }
}

package org.seqnlp.eval.lm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import opennlp.tools.languagemodel.NGramLanguageModel;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.SentenceFile;
import org.seqnlp.opennlp.lm.TokenUnit;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.opennlp.lm.training.LmTrainingSettings;
import org.seqnlp.opennlp.lm.training.RnnLmTrainer;
import org.seqnlp.vocabulary.SpecialTokens;

/**
 * Penn Treebank perplexity of the recurrent cells side by side (RNN without and with gradient clipping,
 * GRU, LSTM; same size and token budget, trained by the plain-Java trainer; a row of an LSTM trained by
 * DL4J, from before its engine was removed, is kept in the table when its row file is present) against
 * interpolated modified Kneser-Ney and OpenNLP's {@link NGramLanguageModel}, all measured in one run and written as a Markdown table. Every model
 * scores each sentence alone, its end-of-sentence token included, as {@code calculateProbability} does.
 */
public final class LmEvaluation {

  /** One row of the table. */
  record Row(String model, double validation, double test, String throughput, String notes) {
  }

  private final Path ptb;
  private final Path workDirectory;
  private final int budgetTokens;
  private final int hiddenSize;
  private final int maxSentences;
  private final List<List<String>> train;
  private final List<List<String>> validation;
  private final List<List<String>> test;

  /**
   * @param maxSentences how many sentences of the validation and test files to score (0: all), when the
   *     machine cannot afford the full sets for every model
   */
  LmEvaluation(Path ptb, Path workDirectory, int budgetTokens, int hiddenSize, int maxSentences)
      throws IOException {
    this.ptb = ptb;
    this.workDirectory = workDirectory;
    this.budgetTokens = budgetTokens;
    this.hiddenSize = hiddenSize;
    this.maxSentences = maxSentences;
    this.train = SentenceFile.read(ptb.resolve("ptb.train.txt"), TokenUnit.WORD);
    this.validation = firstSentences(SentenceFile.read(ptb.resolve("ptb.valid.txt"), TokenUnit.WORD), maxSentences);
    this.test = firstSentences(SentenceFile.read(ptb.resolve("ptb.test.txt"), TokenUnit.WORD), maxSentences);
  }

  private static List<List<String>> firstSentences(List<List<String>> sentences, int count) {
    return count == 0 || count >= sentences.size() ? sentences : sentences.subList(0, count);
  }

  /** Perplexity of {@code sentences} (end-of-sentence tokens included) from a sentence log-probability. */
  static double perplexity(List<List<String>> sentences, ToDoubleFunction<String[]> logProbability) {
    double sum = 0;
    long tokens = 0;
    for (List<String> sentence : sentences) {
      sum += logProbability.applyAsDouble(sentence.toArray(String[]::new));
      tokens += sentence.size() + 1;
    }
    return Math.exp(-sum / tokens);
  }

  Row kneserNey(int order) {
    long started = System.nanoTime();
    KneserNeyLanguageModel model = new KneserNeyLanguageModel(order, train);
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Row(order + "-gram interpolated modified Kneser-Ney", perplexity(validation, model::logProbability),
        perplexity(test, model::logProbability), String.format(Locale.ROOT, "counts in %.0f s", seconds), "");
  }

  /**
   * OpenNLP's stupid-backoff model scores only the full n-gram windows of a sentence and its scores are
   * not probabilities; the figure is exp of minus its mean log score per window, and an unseen
   * unigram gives the whole sentence probability 0, so those sentences are counted and left out.
   */
  Row openNlp(int order) {
    NGramLanguageModel model = new NGramLanguageModel(order);
    for (List<String> sentence : train) {
      model.add(withEndOfSentence(sentence));
    }
    return new Row("OpenNLP NGramLanguageModel, n=" + order + " (stupid backoff)",
        openNlpPseudoPerplexity(model, order, validation), openNlpPseudoPerplexity(model, order, test), "",
        "not normalised: a score, not a perplexity; sentences with score 0 left out");
  }

  private static String[] withEndOfSentence(List<String> sentence) {
    List<String> tokens = new ArrayList<>(sentence);
    tokens.add(SpecialTokens.END_OF_SENTENCE);
    return tokens.toArray(String[]::new);
  }

  private static double openNlpPseudoPerplexity(NGramLanguageModel model, int order,
      List<List<String>> sentences) {
    double sum = 0;
    long windows = 0;
    for (List<String> sentence : sentences) {
      String[] tokens = withEndOfSentence(sentence);
      double probability = model.calculateProbability(tokens);
      if (probability > 0 && tokens.length >= order) {
        sum += Math.log(probability);
        windows += tokens.length - order + 1;
      }
    }
    return Math.exp(-sum / windows);
  }

  Row recurrent(String name, CellType cell, double clipNorm) throws IOException {
    return recurrent(name, cell, clipNorm, 1.0);
  }

  Row recurrent(String name, CellType cell, double clipNorm, double learningRate) throws IOException {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(LmTrainingSettings.LEARNING_RATE, learningRate);
    parameters.put(LmTrainingSettings.THREADS, 1);
    parameters.put(LmTrainingSettings.CELL, cell.name());
    parameters.put(LmTrainingSettings.HIDDEN_SIZE, hiddenSize);
    parameters.put(LmTrainingSettings.EMBEDDING_SIZE, hiddenSize);
    parameters.put(LmTrainingSettings.CLIP_NORM, clipNorm);
    parameters.put(LmTrainingSettings.MAX_TOKENS, budgetTokens);
    parameters.put(LmTrainingSettings.CHECKPOINT_MINUTES, 2);
    LmTrainingSettings settings = LmTrainingSettings.from(parameters);
    Path directory = workDirectory.resolve(name.replaceAll("[^A-Za-z0-9]+", "-"));
    // a fixed budget and no validation during training: every model gets the same tokens and the last
    // weights are compared
    RnnLanguageModel model = new RnnLmTrainer(settings, true).train(ptb.resolve("ptb.train.txt"), null,
        directory);
    model.save(directory.resolve("model.zip"));
    var info = model.trainingInfo();
    return new Row(name, perplexity(validation, model::logProbability), perplexity(test, model::logProbability),
        info.get("Tokens-Per-Second") + " tokens/s (" + info.get("Tokens-Per-Cpu-Second") + " per CPU-second)",
        "gradient norm mean " + info.get("Gradient-Norm-Mean") + ", max " + info.get("Gradient-Norm-Max")
            + ", clipped " + info.get("Clipped-Steps") + "; " + info.get("Stop-Reason"));
  }

  /**
   * The shipped word model, trained by its own command (see its card): perplexity from {@code
   * calculateProbability} per sentence, with the file-level perplexity of {@code seqnlp perplexity} beside
   * it, the two ways the language-model issue asks to agree.
   */
  Row shipped(Path modelFile) throws IOException {
    RnnLanguageModel model = RnnLanguageModel.load(modelFile);
    ToDoubleFunction<String[]> fromProbability = tokens -> Math.log(model.calculateProbability(tokens));
    var info = model.trainingInfo();
    return new Row("shipped " + modelFile.getFileName() + " (" + model.architecture().cell() + ", "
        + info.get("Epochs-Trained") + " epochs)", perplexity(validation, fromProbability),
        perplexity(test, fromProbability),
        info.get("Tokens-Per-Second") + " tokens/s (" + info.get("Tokens-Per-Cpu-Second") + " per CPU-second)",
        String.format(Locale.ROOT, "from calculateProbability; the CLI's perplexity of the same files: valid "
            + "%.2f, test %.2f", model.perplexity(ptb.resolve("ptb.valid.txt"), false).value(),
            model.perplexity(ptb.resolve("ptb.test.txt"), false).value()));
  }

  static String table(List<Row> rows) {
    StringBuilder table = new StringBuilder(
        "| model | valid perplexity | test perplexity | training throughput | notes |\n|---|---:|---:|---|---|\n");
    for (Row row : rows) {
      table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", row.model(),
          formatPerplexity(row.validation()), formatPerplexity(row.test()), row.throughput(), row.notes()));
    }
    return table.toString();
  }

  /** Diverged models reach perplexities of 10^160: those are shown in scientific notation. */
  static String formatPerplexity(double perplexity) {
    return String.format(Locale.ROOT, perplexity < 1e6 ? "%.1f" : "%.1e", perplexity);
  }

  /** The result document: settings, table, and how the figures were measured. */
  String report(List<Row> rows) {
    String setup = String.join(" ",
        "Recurrent models: embedding and " + hiddenSize + "-unit layers (2 layers),",
        budgetTokens + " training tokens each",
        String.format(Locale.ROOT, "(%.3f epochs, no validation during training, last weights),",
            budgetTokens / 929_589.0),
        "SGD with learning rate 1 unless stated, truncated BPTT 35, batch 20; clipping by global gradient norm",
        "where stated.",
        "The plain-Java trainer (one thread) uses its default softmax factored into word classes;",
        "the DL4J row, kept from a run before the DL4J engine was removed, trained a full softmax",
        "(DL4J 1.0.0-M2.1 has no GRU layer and no factored softmax).",
        "Every model scores each sentence alone with its end-of-sentence token, as `calculateProbability`",
        "does, on " + evaluationSets() + ".",
        "Throughput is wall-clock and per CPU-second of the whole process (OMP_NUM_THREADS=1) on the",
        "project's 2-core machine.");
    String command = String.format(Locale.ROOT, "Produced by `org.seqnlp.eval.lm.LmEvaluation %s <work-dir> "
        + "<this file> %d %d %d`.", ptb, budgetTokens, hiddenSize, maxSentences);
    return "# Penn Treebank language models\n\n" + setup + "\n\n" + command + "\n\n" + table(rows);
  }

  private String evaluationSets() {
    return String.format(Locale.ROOT, "%s of ptb.valid.txt (%d tokens) and %s of ptb.test.txt (%d tokens)",
        describe(validation), tokens(validation), describe(test), tokens(test));
  }

  private String describe(List<List<String>> sentences) {
    return (sentences.size() == maxSentences ? "the first " : "all ") + sentences.size() + " sentences";
  }

  private static long tokens(List<List<String>> sentences) {
    return sentences.stream().mapToLong(sentence -> sentence.size() + 1).sum();
  }

  /** The row of the removed DL4J engine, shown from its row file when present, never computed again. */
  private static final String HISTORICAL_DL4J_ROW = "lstm-dl4j";
  /** The rows in table order, by the name that selects them on the command line. */
  private static final List<String> ROWS = List.of("kn5", "kn3", "opennlp3", "rnn", "rnn-clip", "gru", "lstm",
      HISTORICAL_DL4J_ROW, "rnn-slow", "rnn-clip-slow", "shipped");
  /** The shipped word model, relative to the repository root the evaluation runs from. */
  private static final Path SHIPPED_MODEL = Path.of("models/lm/ptb-word-lstm.zip");

  private Row compute(String row) throws IOException {
    return switch (row) {
      case "kn5" -> kneserNey(5);
      case "kn3" -> kneserNey(3);
      case "opennlp3" -> openNlp(3);
      case "rnn" -> recurrent("RNN (tanh), no clipping", CellType.RNN, 0);
      case "rnn-clip" -> recurrent("RNN (tanh), global-norm clipping 5", CellType.RNN, 5);
      case "gru" -> recurrent("GRU, global-norm clipping 5", CellType.GRU, 5);
      case "lstm" -> recurrent("LSTM, global-norm clipping 5", CellType.LSTM, 5);
      case "shipped" -> shipped(SHIPPED_MODEL);
      case "rnn-slow" -> recurrent("RNN (tanh), no clipping, learning rate 0.1", CellType.RNN, 0, 0.1);
      case "rnn-clip-slow" -> recurrent("RNN (tanh), global-norm clipping 5, learning rate 0.1", CellType.RNN, 5,
          0.1);
      case HISTORICAL_DL4J_ROW -> throw new IllegalArgumentException(row + " is kept from an earlier run only: "
          + "the DL4J engine was removed");
      default -> throw new IllegalArgumentException("unknown row " + row + "; rows are " + ROWS);
    };
  }

  /**
   * Arguments: PTB directory, work directory, output file, token budget per recurrent model, hidden size,
   * number of validation and test sentences to score (0: all),
   * then optionally the rows to compute (default: all). Each computed row is kept in the work directory
   * and the output is rewritten from every row kept there, so rows may be computed by parallel processes.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 6) {
      System.err.println("usage: LmEvaluation <ptb-dir> <work-dir> <output.md> <budget-tokens> <hidden-size> "
          + "<max-sentences> [row...]; rows: " + ROWS);
      System.exit(2);
    }
    LmEvaluation evaluation = new LmEvaluation(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[3]),
        Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    List<String> selected = args.length > 6 ? List.of(args).subList(6, args.length)
        : ROWS.stream().filter(row -> !row.equals(HISTORICAL_DL4J_ROW)).toList();
    Files.createDirectories(evaluation.workDirectory);
    Path report = Path.of(args[2]);
    OutputFiles.checkWritable(report, Path.of(args[0]));
    for (String name : selected) {
      Row row = evaluation.compute(name);
      String line = String.join("\t", row.model(), Double.toString(row.validation()), Double.toString(row.test()),
          row.throughput(), row.notes());
      OutputFiles.write(evaluation.workDirectory.resolve(name + ".row"),
          out -> out.write(line.getBytes(StandardCharsets.UTF_8)));
      List<Row> rows = new ArrayList<>();
      for (String kept : ROWS) {
        Path file = evaluation.workDirectory.resolve(kept + ".row");
        if (Files.exists(file)) {
          String[] fields = Files.readString(file).split("\t", -1);
          rows.add(new Row(fields[0], Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), fields[3],
              fields[4]));
        }
      }
      String markdown = evaluation.report(rows);
      OutputFiles.write(report, out -> out.write(markdown.getBytes(StandardCharsets.UTF_8)));
      System.out.print(table(rows));
    }
  }
}

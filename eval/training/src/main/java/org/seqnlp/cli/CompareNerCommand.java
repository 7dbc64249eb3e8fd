package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.eval.ner.ComparisonReport;
import org.seqnlp.eval.ner.DataSet;
import org.seqnlp.eval.ner.NameFinderTraining;
import org.seqnlp.eval.ner.NamedModel;
import org.seqnlp.eval.ner.NerComparison;
import org.seqnlp.io.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqnlp compare-ner}: our BiLSTM-CRF against OpenNLP's NameFinderME, trained on the same data
 * and measured in the same run; the work is done by {@link NerComparison}.
 */
@Command(name = "compare-ner", mixinStandardHelpOptions = true,
    defaultValueProvider = BiLstmCrfTrainingOptions.Defaults.class,
    description = {"Trains OpenNLP's NameFinderME with the defaults of OpenNLP's TokenNameFinderTrainer and our"
        + " BiLSTM-CRF (as train-ner does; or loads ours with --model) on the same training data, then scores"
        + " both on each test set with one scorer: precision, recall and F1 per type and overall, a paired"
        + " bootstrap interval of the F1 difference, tagging rates and training times.",
        "Writes the tables as markdown to --output and prints them. Set OMP_NUM_THREADS=1 on small machines."})
final class CompareNerCommand implements Callable<Integer> {

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training data (CoNLL columns).")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE",
      description = "Test data (CoNLL columns); repeat the option for several test sets.")
  List<Path> tests;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Our trained model zip to compare instead of training one here (the training options"
          + " then do not apply; its training time is the one recorded in the model, if any).")
  Path model;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The markdown report to write.")
  Path output;

  @CommandLine.Mixin
  NameDataOptions data;

  @CommandLine.Mixin
  BiLstmCrfTrainingOptions training;

  @CommandLine.Mixin
  ScoredTypesOption scoredTypes;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
      description = "Passes over each test set per model when timing; the last is reported, the others warm up"
          + " the JIT (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
      description = "Threads of our batch API for the batched rate (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--resamples", defaultValue = "1000", paramLabel = "N",
      description = "Bootstrap resamples of the test sentences (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--bootstrap-seed", defaultValue = "1", paramLabel = "N",
      description = "Seed of the bootstrap draws (default: ${DEFAULT-VALUE}).")
  long bootstrapSeed;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private static final int MAX_RESAMPLES = 1_000_000;

  @Override
  public Integer call() throws IOException {
    NerComparison.Settings settings = settings();
    // Everything that can fail is checked before training, which takes minutes to an hour.
    if (model != null && training.anyGiven(spec)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--model compares a trained model: the training options (--dev, --vectors, --epochs, ...) do not apply");
    }
    TrainingParameters ourParameters = model == null ? training.parameters(spec, data.encoding) : null;
    training.requireDevNotAmong(spec, tests);
    List<Path> inputs = new ArrayList<>(tests);
    inputs.addAll(Arrays.asList(train, model));
    training.checkOutputs(spec, output, inputs);
    NamedModel loaded = model == null ? null : loadOurs();
    DataSet trainSet = read(train);
    List<DataSet> testSets = new ArrayList<>();
    for (Path test : tests) {
      DataSet testSet = read(test);
      ScoredTypesOption.warnOfUnusedRenames(spec, settings.types(), testSet.samples(), String.valueOf(test));
      ScoredTypesOption.requireIn(spec, settings.types(), testSet.samples(), test);
      testSets.add(testSet);
    }

    NerComparison comparison = new NerComparison(settings, spec.commandLine().getErr());
    NerComparison.Comparison result = loaded == null
        ? comparison.trainAndCompare(trainSet, ourParameters, testSets)
        : comparison.compareWithTrained(trainSet, loaded, testSets);
    String report = new ComparisonReport(result, TypedCommandLine.of(spec), ZonedDateTime.now(ZoneOffset.UTC)).markdown();
    OutputFiles.write(output, stream -> stream.write(report.getBytes(StandardCharsets.UTF_8)));
    PrintWriter out = spec.commandLine().getOut();
    out.print(report);
    out.printf("%nreport written to %s%n", output);
    out.flush();
    return 0;
  }

  private NerComparison.Settings settings() {
    OptionRange.require(spec, "--rounds", rounds, 1, EvalNerCommand.MAX_ROUNDS);
    OptionRange.require(spec, "--threads", threads, 1, OptionRange.MAX_THREADS);
    OptionRange.require(spec, "--resamples", resamples, 1, MAX_RESAMPLES);
    return new NerComparison.Settings(rounds, threads, resamples, bootstrapSeed, scoredTypes.get(spec));
  }

  private NamedModel loadOurs() throws IOException {
    NamedModel loaded = NameFinderTraining.loaded(model, NerFiles.loadModel(model));
    if (loaded.biLstmCrf().isEmpty()) {
      throw new IOException(model + ": not a BiLSTM-CRF model (its sequence model is "
          + loaded.model().getNameFinderSequenceModel().getClass().getSimpleName() + ")");
    }
    return loaded;
  }

  private DataSet read(Path file) throws IOException {
    return new DataSet(file, data.read(spec, file, 0));
  }
}

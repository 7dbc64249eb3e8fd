package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqnlp.eval.ir.CollectionVectors;
import org.seqnlp.eval.ir.ExpansionSettings;
import org.seqnlp.eval.ir.IrExperiment;
import org.seqnlp.eval.ir.QuerySettings;
import org.seqnlp.eval.ir.StandardCollection;
import org.seqnlp.eval.ir.Stemming;
import org.seqnlp.eval.ir.SynonymQueryStyle;
import org.seqnlp.io.DataDirectory;
import org.seqnlp.lucene.expansion.SemanticExpansionFilter;
import org.seqnlp.vectors.train.Word2VecSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp eval-ir}: BM25 with and without query expansion on the classic IR collections. */
@Command(name = "eval-ir", mixinStandardHelpOptions = true,
    description = {"Measures query-time expansion on CISI, CRAN, MED, LISA and TIME against BM25 and BM25 + RM3.",
        "Runs our semanticExpansion filter, queried as Solr queries a field type in each synonymQueryStyle, with "
            + "general vectors and with vectors trained on each collection at every setting of the grid, chooses "
            + "settings by leaving one collection out, and reports the cross-validated figures, the factory "
            + "defaults, expansion with RM3 and Lucene's Word2VecSynonymFilter, with paired significance tests; "
            + "then per-term latency and throughput. Writes a markdown report."})
final class EvalIrCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "DIR", description = "Shared data directory holding ir/<collection>"
      + " (default: -Dseqnlp.data, else $SEQNLP_DATA, else ../shared/data).")
  Path data;

  @Option(names = "--vectors", defaultValue = "models/vectors/seqnlp-en-100d.bin",
      description = "General word vectors (word2vec text/binary, GloVe, DL4J zip, seqnlp or seqnlp-int8, detected;"
          + " default: ${DEFAULT-VALUE}).")
  Path vectors;

  @Option(names = "--output", defaultValue = "eval/results/ir.md",
      description = "Markdown report to write (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--collections", split = ",", defaultValue = "cisi,cran,med,lisa,time",
      description = "Collections to run (default: ${DEFAULT-VALUE}).")
  List<String> collections;

  @Option(names = "--max-expansions", split = ",", defaultValue = "1,3,5,10,20",
      description = "Grid: most neighbours per term (default: ${DEFAULT-VALUE}).")
  List<Integer> maxExpansions;

  @Option(names = "--min-similarity", split = ",", defaultValue = "0.4,0.5,0.6,0.7,0.8,0.9",
      description = "Grid: least cosine similarities (default: ${DEFAULT-VALUE}).")
  List<Float> minSimilarities;

  @Option(names = "--expansion-weight", split = ",", defaultValue = "0.1,0.2,0.3,0.5,0.7,1",
      description = "Grid: weights of a term's expansions together relative to the term, in (0, 1] (default: "
          + "${DEFAULT-VALUE}).")
  List<Float> expansionWeights;

  @Option(names = "--synonym-query-style", split = ",", defaultValue = "as_distinct_terms",
      description = "Grid: Solr synonymQueryStyle values to query with (default: ${DEFAULT-VALUE}).")
  List<String> styles;

  @Option(names = "--no-general-vectors",
      description = "Skip the general vectors (e.g. before they are trained); --vectors is then ignored.")
  boolean noGeneralVectors;

  @Option(names = "--no-own-vectors",
      description = "Skip the vectors trained on each collection's own documents.")
  boolean noOwnVectors;

  @Option(names = "--join-general",
      description = "Own vectors: join them with the general vectors (--vectors), as train-vectors --join does.")
  boolean joinGeneral;

  @Option(names = "--train-text", defaultValue = "analysed", paramLabel = "analysed|stored",
      description = "Own vectors: train on the index's terms, as train-vectors --index --standard-analysis does "
          + "(analysed), or on the stored text as written, as plain train-vectors --index does (stored) "
          + "(default: ${DEFAULT-VALUE}).")
  CollectionVectors.TrainingText trainText;

  @Option(names = "--train-dimension", defaultValue = "100", description = "Own vectors: dimensions (default: ${DEFAULT-VALUE}).")
  int trainDimension;

  @Option(names = "--train-epochs", defaultValue = "15", description = "Own vectors: epochs (default: ${DEFAULT-VALUE}).")
  int trainEpochs;

  @Option(names = "--train-min-count", defaultValue = "3",
      description = "Own vectors: minimum word count (default: ${DEFAULT-VALUE}).")
  int trainMinCount;

  @Option(names = "--train-ensemble", defaultValue = "3",
      description = "Own vectors: trainings whose unit vectors go side by side, as train-vectors --ensemble "
          + "(default: ${DEFAULT-VALUE}).")
  int trainEnsemble;

  @Option(names = "--threads", defaultValue = "2", description = "Training threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "1", description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--vector-cache", paramLabel = "DIR",
      description = "Keep the own-collection vectors in DIR and reuse them in later runs that would train the same: "
          + "each file is named by a digest of the settings, the text trained on and the SIMD width of the kernels "
          + "(clear DIR after a change to the trainer's code).")
  Path vectorCache;

  @Option(names = "--stemming", defaultValue = "none", paramLabel = "none|porter",
      description = "Stemmer at the end of the index's analysis and of every query's, after the expansion filter: none"
          + " (the issue's figures), or porter, as Solr's text_en field type stems, followed by removeDuplicates"
          + " (default: ${DEFAULT-VALUE}).")
  Stemming stemming;

  @Option(names = "--latency-repetitions", defaultValue = "5",
      description = "Repetitions per term when timing expansion (default: ${DEFAULT-VALUE}).")
  int latencyRepetitions;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private static final int MAX_EPOCHS = 10_000;
  private static final int MAX_REPETITIONS = 10_000;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    Path dataDirectory = data != null ? data : DataDirectory.resolve();
    IrExperiment.Settings settings;
    try {
      settings = new IrExperiment.Settings(dataDirectory, noGeneralVectors ? null : existingVectors(), collections(),
          grid(), !noOwnVectors, training(), trainMinCount, trainEnsemble, trainText, joinGeneral, vectorCache,
          latencyRepetitions, stemming);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    OutputPaths.check(spec, output, settings.generalVectors());
    OutputPaths.checkNotInside(spec, output, StandardCollection.directory(dataDirectory));
    if (vectorCache != null) {
      OutputPaths.createWritableDirectory(spec, vectorCache);
    }
    IrExperiment.Outcome outcome = new IrExperiment(settings)
        .run("seqnlp " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    IrExperiment.write(outcome.report(), output);
    spec.commandLine().getOut().print(outcome.headline());
    spec.commandLine().getOut().println("wrote " + output);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private void checkOptions() {
    for (int max : maxExpansions) {
      OptionRange.require(spec, "--max-expansions", max, 1, SemanticExpansionFilter.MAX_EXPANSIONS);
    }
    for (float weight : expansionWeights) {
      OptionRange.requirePositive(spec, "--expansion-weight", weight, 1);
    }
    OptionRange.require(spec, "--train-dimension", trainDimension, 1, OptionRange.MAX_DIMENSION);
    OptionRange.require(spec, "--train-epochs", trainEpochs, 1, MAX_EPOCHS);
    OptionRange.require(spec, "--train-min-count", trainMinCount, 1, Integer.MAX_VALUE);
    OptionRange.require(spec, "--train-ensemble", trainEnsemble, 1, OptionRange.MAX_ENSEMBLE);
    OptionRange.requireEnsembleWidth(spec, "--train-ensemble", trainEnsemble, trainDimension);
    OptionRange.requireEnsembleSeeds(spec, "--train-ensemble", trainEnsemble, seed);
    OptionRange.require(spec, "--threads", threads, 1, OptionRange.MAX_THREADS);
    OptionRange.require(spec, "--latency-repetitions", latencyRepetitions, 1, MAX_REPETITIONS);
  }

  private Path existingVectors() throws IOException {
    InputPaths.requireFile(vectors, "vector file");
    return vectors;
  }

  private List<StandardCollection> collections() {
    List<StandardCollection> named = new ArrayList<>();
    for (String name : collections) {
      try {
        named.add(StandardCollection.named(name.strip()));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown collection '" + name
            + "', expected some of cisi, cran, med, lisa, time");
      }
    }
    return named;
  }

  private List<QuerySettings> grid() {
    List<QuerySettings> grid = new ArrayList<>();
    try {
      for (String style : styles) {
        for (float weight : expansionWeights) {
          for (int max : maxExpansions) {
            for (float min : minSimilarities) {
              grid.add(new QuerySettings(new ExpansionSettings(max, min, weight),
                  SynonymQueryStyle.forAttribute(style.strip())));
            }
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return grid;
  }

  private Word2VecSettings training() {
    try {
      Word2VecSettings d = Word2VecSettings.DEFAULTS;
      return new Word2VecSettings(d.architecture(), trainDimension, d.window(), d.negative(), d.sample(),
          trainEpochs, d.learningRate(), threads, seed).validate();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}

package org.seqnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.seqnlp.eval.vectors.AnalogyEvaluator;
import org.seqnlp.eval.vectors.PcaProjection;
import org.seqnlp.eval.vectors.PlotWords;
import org.seqnlp.eval.vectors.SimilarityResult;
import org.seqnlp.eval.vectors.StandardVectorTests;
import org.seqnlp.eval.vectors.Tsne;
import org.seqnlp.eval.vectors.UnitVectors;
import org.seqnlp.eval.vectors.VectorScores;
import org.seqnlp.eval.vectors.WordPlot;
import org.seqnlp.io.DataDirectory;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seqnlp eval-vectors}: Google analogies, WordSim-353, SimLex-999 and MEN scores of a vector
 * file, nearest neighbours of a few words, and a PCA or t-SNE plot.
 */
@Command(name = "eval-vectors", mixinStandardHelpOptions = true,
    description = {"Scores word vectors on the Google analogies (3CosAdd and 3CosMul among the most "
        + "frequent words, with coverage, semantic and syntactic accuracy) and on WordSim-353, "
        + "SimLex-999 and MEN (Spearman correlation over the covered pairs); lists nearest neighbours "
        + "and optionally draws a 2-D map of chosen words as PNG, by PCA or t-SNE.",
        "Test words are looked up as written, then lowercased. For a subword model (a seqnlp file with "
            + "n-gram vectors) the similarity sets are scored again with unseen words' n-gram vectors."})
final class EvalVectorsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "VECTORS", description = "Vector file (format detected unless --format).")
  Path vectorsFile;

  @Option(names = "--format", description = "word2vec-binary, word2vec-text, glove, dl4j-zip, seqnlp, seqnlp-int8,"
      + " or auto to detect it from the content (default: auto).")
  String format;

  @Option(names = "--data", paramLabel = "DIR", description = "Shared data directory holding wordvec-eval/"
      + " (default: -Dseqnlp.data, else $SEQNLP_DATA, else ../shared/data).")
  Path data;

  @Option(names = "--analogy-vocabulary", defaultValue = "" + AnalogyEvaluator.DEFAULT_VOCABULARY_LIMIT,
      description = "Analogy questions and answers use only this many most frequent words "
          + "(default: ${DEFAULT-VALUE}).")
  int analogyVocabulary;

  @Option(names = "--neighbours", split = ",", paramLabel = "WORD",
      defaultValue = "king,france,london,computer,good,walked,money,river",
      description = "Words whose nearest neighbours are listed (default: ${DEFAULT-VALUE}).")
  List<String> neighbourWords;

  @Option(names = "--neighbour-count", defaultValue = "8",
      description = "Neighbours listed per word (default: ${DEFAULT-VALUE}).")
  int neighbourCount;

  /** How a plot places the words. */
  enum PlotMethod {
    pca, tsne
  }

  @Option(names = "--plot", paramLabel = "PNG", description = "Write a plot of --plot-words to this file.")
  Path plot;

  @Option(names = "--plot-method", defaultValue = "pca", description = "pca (the first two principal "
      + "components) or tsne (t-SNE: exact up to " + Tsne.EXACT_LIMIT + " words, Barnes-Hut above) "
      + "(default: ${DEFAULT-VALUE}).")
  PlotMethod plotMethod;

  @Option(names = "--perplexity", defaultValue = "" + Tsne.DEFAULT_PERPLEXITY,
      description = "t-SNE: the neighbours each word keeps, in effect; below the number of words "
          + "(default: ${DEFAULT-VALUE}).")
  double perplexity;

  @Option(names = "--seed", defaultValue = "1", description = "t-SNE: seed of the starting map; a seed "
      + "always gives the same plot (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--plot-groups", paramLabel = "FILE", description = "Plot these words instead of "
      + "--plot-words: one group a line, 'name: word word ...'; each group gets a colour and a legend entry.")
  Path plotGroups;

  @Option(names = "--plot-words", split = ",", paramLabel = "WORD",
      defaultValue = "france,paris,germany,berlin,italy,rome,spain,madrid,japan,tokyo,"
          + "king,queen,man,woman,boy,girl,father,mother,son,daughter,"
          + "dog,cat,horse,cow,car,train,ship,bus,walk,walked,run,ran,good,better,bad,worse",
      description = "Words to plot (default: ${DEFAULT-VALUE}).")
  List<String> plotWords;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private static final int MAX_NEIGHBOURS = 10_000;

  @Override
  public Integer call() throws Exception {
    OptionRange.require(spec, "--analogy-vocabulary", analogyVocabulary, 1, Integer.MAX_VALUE);
    OptionRange.require(spec, "--neighbour-count", neighbourCount, 1, MAX_NEIGHBOURS);
    OptionRange.requirePositive(spec, "--perplexity", perplexity, PlotWords.MAX_WORDS);
    requireUsed(plot != null, "--plot PNG", "--plot-method", "--plot-groups", "--plot-words", "--perplexity",
        "--seed");
    requireUsed(plotMethod == PlotMethod.tsne, "--plot-method tsne", "--perplexity", "--seed");
    Path dataDirectory = data != null ? data : DataDirectory.resolve();
    if (plot != null) {
      List<Path> inputs = new ArrayList<>(StandardVectorTests.files(dataDirectory));
      inputs.add(vectorsFile);
      inputs.add(plotGroups);
      OutputPaths.check(spec, plot, inputs);
    }
    InputPaths.requireFile(vectorsFile, "vector file");
    PlotWords words = plotGroups == null ? PlotWords.of(plotWords) : PlotWords.read(plotGroups);
    VectorFormat givenFormat = VectorFormatOption.toRead(spec, "--format", format);
    StandardVectorTests tests = StandardVectorTests.read(dataDirectory);
    VectorFiles.Detected read = givenFormat == null ? VectorFiles.readDetected(vectorsFile)
        : new VectorFiles.Detected(VectorFiles.read(vectorsFile, givenFormat), givenFormat);
    WordVectors vectors = read.vectors();
    VectorFormat vectorFormat = read.format();
    UnitVectors unitVectors = new UnitVectors(vectors);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s: %,d words x %d dimensions (%s)%n", vectorsFile, vectors.size(),
        vectors.dimension(), vectorFormat.id());
    // Placed before the scores, which take a while, so that too few known words fail at once.
    WordPlot picture = plot == null ? null : plot(words.known(unitVectors), words.groups());
    VectorScores scores = tests.evaluate(unitVectors, analogyVocabulary);
    scores.report().forEach(out::println);
    out.println("summary (3CosAdd total (semantic / syntactic) | WS353 | SimLex | MEN): " + scores.summary());
    if (vectors.subwords().isPresent()) {
      for (SimilarityResult similarity : tests.similaritiesOfAnyWord(vectors)) {
        out.printf(Locale.ROOT, "%-12s Spearman %.3f over %d / %d pairs, unseen words by their n-gram vectors%n",
            similarity.test(), similarity.spearman(), similarity.covered(), similarity.pairs());
      }
    }
    printNeighbours(vectors, unitVectors, out);
    if (picture != null) {
      System.setProperty("java.awt.headless", "true");
      picture.writePng(plot, vectorsFile.getFileName().toString());
      out.printf(Locale.ROOT, "plot: %s (%d of %d words; %s)%n", plot, picture.points().size(),
          words.words().size(), picture.caption());
    }
    out.flush();
    return 0;
  }

  /** A usage error naming those of {@code options} given, which only count with {@code needed}, unless {@code used}. */
  private void requireUsed(boolean used, String needed, String... options) {
    if (used) {
      return;
    }
    CommandLine.ParseResult given = spec.commandLine().getParseResult();
    List<String> ignored = Stream.of(options).filter(given::hasMatchedOption).toList();
    if (!ignored.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), String.join(", ", ignored)
          + (ignored.size() == 1 ? " does" : " do") + " nothing without " + needed);
    }
  }

  private WordPlot plot(PlotWords.Known known, List<String> groups) {
    if (plotMethod == PlotMethod.pca) {
      PcaProjection pca = PcaProjection.of(known.vectors());
      return WordPlot.of(known, pca.coordinates(), groups, pca.caption());
    }
    Tsne tsne = new Tsne(perplexity, seed);
    try {
      tsne.checkPoints(known.words().size());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--perplexity: " + e.getMessage()
          + " (the plot words with a vector)");
    }
    return WordPlot.of(known, tsne.embed(known.vectors()), groups, tsne.caption(known.words().size()));
  }

  private void printNeighbours(WordVectors vectors, UnitVectors unitVectors, PrintWriter out) {
    NearestNeighbours neighbours = new NearestNeighbours(vectors);
    for (String word : neighbourWords) {
      int row = unitVectors.find(word);
      String listing = row < 0 ? "(not in the vocabulary)"
          : neighbours.nearest(row, neighbourCount, -1f).stream()
              .map(n -> String.format(Locale.ROOT, "%s %.2f", n.word(), n.similarity()))
              .collect(Collectors.joining(", "));
      out.println("neighbours of " + word + ": " + listing);
    }
  }
}

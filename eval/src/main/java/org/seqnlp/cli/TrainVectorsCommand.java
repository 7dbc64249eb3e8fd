package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.Corpus;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.corpus.Tokenizer;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import org.seqnlp.vectors.train.GloVeSettings;
import org.seqnlp.vectors.train.GloVeTrainer;
import org.seqnlp.vectors.train.ProgressFactory;
import org.seqnlp.vectors.train.Word2VecSettings;
import org.seqnlp.vectors.train.Word2VecTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqnlp train-vectors}: trains word2vec or GloVe vectors on text files in plain Java. */
@Command(name = "train-vectors", mixinStandardHelpOptions = true,
    description = {"Trains word vectors on text files (plain or gzip UTF-8, one sentence or paragraph a "
        + "line) with skip-gram or CBOW (negative sampling) or GloVe, and writes them most frequent "
        + "word first.",
        "Words are runs of letters and digits; apostrophes and hyphens inside a word are kept "
            + "(don't, well-known); words without a letter are dropped; lowercased unless "
            + "--no-lowercase."})
final class TrainVectorsCommand implements Callable<Integer> {

  /** The training algorithms, by their command-line names. */
  enum Model {
    sg, cbow, glove
  }

  @Parameters(arity = "1..*", paramLabel = "CORPUS",
      description = "Corpus files, or directories whose *.txt and *.gz files are read.")
  List<Path> corpus;

  @Option(names = {"-o", "--output"}, required = true, description = "Vector file to write.")
  Path output;

  @Option(names = "--format", defaultValue = "word2vec-binary",
      description = "word2vec-binary, word2vec-text, glove or dl4j-zip (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--model", defaultValue = "sg", description = "sg, cbow or glove (default: ${DEFAULT-VALUE}).")
  Model model;

  @Option(names = "--dim", defaultValue = "100", description = "Vector dimensions (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--window", description = "Context window (default: 5; glove 10).")
  Integer window;

  @Option(names = "--negative", defaultValue = "5",
      description = "Noise words per example, sg and cbow (default: ${DEFAULT-VALUE}).")
  int negative;

  @Option(names = "--sample", defaultValue = "1e-4",
      description = "Subsampling threshold of frequent words, sg and cbow; 0 = off (default: ${DEFAULT-VALUE}).")
  double sample;

  @Option(names = "--min-count", defaultValue = "5",
      description = "Words seen fewer times are dropped (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--max-vocab", defaultValue = "0",
      description = "Keep at most this many most frequent words; 0 = no limit (default: ${DEFAULT-VALUE}).")
  int maxVocabulary;

  @Option(names = "--epochs", description = "Passes over the corpus, for glove over the co-occurrences "
      + "(default: 5; glove 15).")
  Integer epochs;

  @Option(names = "--x-max", defaultValue = "100",
      description = "GloVe: count at which a co-occurrence gets full weight (default: ${DEFAULT-VALUE}).")
  double xMax;

  @Option(names = "--learning-rate",
      description = "Start learning rate (default: 0.025 sg, 0.05 cbow and glove).")
  Double learningRate;

  @Option(names = "--threads", description = "Worker threads (default: the number of processors).")
  Integer threads;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lowercase", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Lowercase words (default: on; --no-lowercase keeps case).")
  boolean lowercase;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private static final int MAX_WINDOW = 1000;
  private static final int MAX_NEGATIVE = 1000;
  private static final int MAX_EPOCHS = 10_000;
  private static final double MAX_LEARNING_RATE = 10;
  private static final double MAX_X_MAX = 1e9;
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    VectorFormat vectorFormat = parse(() -> VectorFormat.forId(format));
    int workers = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(),
        OptionRange.MAX_THREADS);
    Trainer trainer = parse(() -> trainer(workers));
    long start = System.nanoTime();
    Corpus text = parse(() -> Corpus.of(corpus, new Tokenizer(lowercase)));
    List<Path> inputs = new ArrayList<>(corpus);
    inputs.addAll(text.files());
    OutputPaths.check(spec, output, inputs);
    EncodedCorpus encoded;
    try (Progress progress = Progress.start("reading corpus", 0, "words")) {
      encoded = EncodedCorpus.encode(text, minCount, maxVocabulary, progress);
    }
    checkWritable(encoded.words(), vectorFormat);
    WordVectors vectors = trainer.train(encoded, Progress::start);
    VectorFiles.write(vectors, output, vectorFormat);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s: %,d words x %d dimensions from %,d corpus tokens in %d files, %.1f s%n",
        output, vectors.size(), vectors.dimension(), encoded.wordCount(), text.files().size(), seconds);
    return 0;
  }

  private void checkOptions() {
    OptionRange.require(spec, "--dim", dimension, 1, OptionRange.MAX_DIMENSION);
    OptionRange.require(spec, "--negative", negative, 1, MAX_NEGATIVE);
    OptionRange.require(spec, "--min-count", minCount, 1, Integer.MAX_VALUE);
    OptionRange.require(spec, "--max-vocab", maxVocabulary, 0, Integer.MAX_VALUE);
    OptionRange.requireNonNegative(spec, "--sample", sample, 1);
    OptionRange.requirePositive(spec, "--x-max", xMax, MAX_X_MAX);
    if (window != null) {
      OptionRange.require(spec, "--window", window, 1, MAX_WINDOW);
    }
    if (epochs != null) {
      OptionRange.require(spec, "--epochs", epochs, 1, MAX_EPOCHS);
    }
    if (learningRate != null) {
      OptionRange.requirePositive(spec, "--learning-rate", learningRate, MAX_LEARNING_RATE);
    }
    if (threads != null) {
      OptionRange.require(spec, "--threads", threads, 1, OptionRange.MAX_THREADS);
    }
  }

  /**
   * Fails before training, not after it, when the vectors could not be written: a word the format
   * cannot hold, or more values than one array holds.
   */
  private void checkWritable(List<String> words, VectorFormat vectorFormat) throws IOException {
    String source = corpus.size() == 1 ? corpus.get(0).toString() : "corpus";
    for (String word : words) {
      try {
        vectorFormat.requireWritable(word);
      } catch (IllegalArgumentException e) {
        throw new IOException(source + ": " + e.getMessage() + "; nothing was trained");
      }
    }
    if ((long) words.size() * dimension > MAX_VALUES) {
      throw new IOException(String.format(Locale.ROOT, "%s: %,d words x %d dimensions are more values than one"
          + " Java array holds; lower --dim, or --max-vocab, or raise --min-count", source, words.size(),
          dimension));
    }
  }

  /** Either trainer, as the one call this command makes. */
  @FunctionalInterface
  private interface Trainer {
    WordVectors train(EncodedCorpus corpus, ProgressFactory progress);
  }

  private Trainer trainer(int workers) {
    if (model == Model.glove) {
      GloVeSettings defaults = GloVeSettings.defaults();
      GloVeSettings settings = defaults.withDimension(dimension).withXMax(xMax).withThreads(workers)
          .withSeed(seed).withWindow(window != null ? window : defaults.window())
          .withEpochs(epochs != null ? epochs : defaults.epochs())
          .withLearningRate(learningRate != null ? learningRate : defaults.learningRate());
      return new GloVeTrainer(settings)::train;
    }
    Word2VecSettings.Architecture architecture = model == Model.cbow
        ? Word2VecSettings.Architecture.CBOW : Word2VecSettings.Architecture.SKIP_GRAM;
    Word2VecSettings defaults = Word2VecSettings.defaults(architecture);
    Word2VecSettings settings = defaults.withDimension(dimension).withNegative(negative).withSample(sample)
        .withThreads(workers).withSeed(seed).withWindow(window != null ? window : defaults.window())
        .withEpochs(epochs != null ? epochs : defaults.epochs())
        .withLearningRate(learningRate != null ? learningRate : defaults.learningRate());
    return new Word2VecTrainer(settings)::train;
  }

  /** Runs {@code parser}, turning bad option values into usage errors (exit code 2). */
  private <T> T parse(CheckedSupplier<T> parser) throws Exception {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface CheckedSupplier<T> {
    T get() throws Exception;
  }
}

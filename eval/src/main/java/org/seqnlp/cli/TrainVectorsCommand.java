package org.seqnlp.cli;

import static java.util.Objects.requireNonNullElse;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.IOUtils;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.lucene.corpus.StoredFieldCorpus;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.JoinedVectors;
import org.seqnlp.vectors.VectorEnsemble;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.Corpus;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vectors.corpus.SentenceSource;
import org.seqnlp.vectors.corpus.Tokenizer;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import org.seqnlp.vectors.train.GloVeSettings;
import org.seqnlp.vectors.train.GloVeTrainer;
import org.seqnlp.vectors.train.ProgressFactory;
import org.seqnlp.vectors.train.SubwordTrainer;
import org.seqnlp.vectors.train.Word2VecSettings;
import org.seqnlp.vectors.train.Word2VecTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seqnlp train-vectors}: trains word2vec or GloVe vectors in plain Java on text files or on the
 * stored text of a Lucene or Solr index's field.
 */
@Command(name = "train-vectors", mixinStandardHelpOptions = true,
    defaultValueProvider = TrainVectorsCommand.Defaults.class,
    resourceBundle = "org.seqnlp.cli.VectorModelDefaults",
    description = {"Trains word vectors on text files (plain or gzip UTF-8, one sentence or paragraph a "
        + "line), or on the stored values of one field of Lucene or Solr indexes (--index DIR --field F, "
        + "--index once per shard of a SolrCloud collection; each stored value one sentence), with skip-gram or "
        + "CBOW (negative sampling) or GloVe, and writes them most frequent word first.",
        "Words are runs of letters and digits; apostrophes and hyphens inside a word are kept "
            + "(don't, well-known); words without a letter are dropped; lowercased unless "
            + "--no-lowercase."})
final class TrainVectorsCommand implements Callable<Integer> {

  /** The training algorithms, by their command-line names. */
  enum Model {
    sg, cbow, glove
  }

  @Parameters(arity = "0..*", paramLabel = "CORPUS",
      description = "Corpus files, or directories whose *.txt and *.gz files are read; or none with --index.")
  List<Path> corpus = List.of();

  @Option(names = "--index", paramLabel = "DIR", description = "Read the corpus from this Lucene index "
      + "directory instead of files; a Solr core's data directory is read through the index directory Solr reads"
      + " (the one its index.properties names, else index/). "
      + "Repeatable: the indexes are read in turn (one replica of each shard of a collection).")
  List<Path> indexes = List.of();

  @Option(names = "--field", paramLabel = "F",
      description = "With --index: the stored field whose values are the corpus.")
  String field;

  @Option(names = "--standard-analysis",
      description = "With --index: first split each value into the terms an index makes of it with Lucene's "
          + "StandardTokenizer, lowercase and English stop words (the field types of SeqNLP's example configset, "
          + "examples/solr/configsets/semantic), so that the words trained are the index's terms, but for numbers "
          + "and terms with inner dots (u.s, e.g), which the tokenizer then drops or splits; the vectors eval-ir's "
          + "figures are for.")
  boolean standardAnalysis;

  @Option(names = {"-o", "--output"}, required = true, description = "Vector file to write.")
  Path output;

  @Option(names = "--format", description = "word2vec-binary, word2vec-text, glove, dl4j-zip, seqnlp or "
      + "seqnlp-int8 (8-bit rows) (default: word2vec-binary; seqnlp with --subwords, the formats that keep the "
      + "n-gram vectors).")
  String format;

  @Option(names = "--subwords", paramLabel = "MIN,MAX", split = ",", arity = "1",
      description = "Train subword vectors (sg only): a word's vector is the mean of its own and its character "
          + "n-grams' of MIN to MAX characters, as fastText does (e.g. 3,6); unseen words get vectors from "
          + "their n-grams (default: off).")
  List<Integer> subwords;

  @Option(names = "--buckets", defaultValue = "2000000",
      description = "With --subwords: hash buckets the n-grams share (default: ${DEFAULT-VALUE}, fastText's).")
  int buckets;

  @Option(names = "--model", defaultValue = "sg", description = "sg, cbow or glove (default: ${DEFAULT-VALUE}).")
  Model model;

  @Option(names = "--dim", description = "Vector dimensions (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--window", description = "Context window (default: ${bundle:sg.window} sg, "
      + "${bundle:cbow.window} cbow, ${bundle:glove.window} glove).")
  Integer window;

  @Option(names = "--negative", description = "Noise words per example, sg and cbow (default: ${DEFAULT-VALUE}).")
  int negative;

  @Option(names = "--sample",
      description = "Subsampling threshold of frequent words, sg and cbow; 0 = off (default: ${DEFAULT-VALUE}).")
  double sample;

  @Option(names = "--min-count", defaultValue = "5",
      description = "Words seen fewer times are dropped (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--max-vocab", defaultValue = "0",
      description = "Keep at most this many most frequent words; 0 = no limit (default: ${DEFAULT-VALUE}).")
  int maxVocabulary;

  @Option(names = "--epochs", description = "Passes over the corpus, for glove over the co-occurrences "
      + "(default: ${bundle:sg.epochs} sg, ${bundle:cbow.epochs} cbow, ${bundle:glove.epochs} glove).")
  Integer epochs;

  @Option(names = "--x-max",
      description = "GloVe: count at which a co-occurrence gets full weight (default: ${DEFAULT-VALUE}).")
  double xMax;

  @Option(names = "--learning-rate", description = "Start learning rate (default: ${bundle:sg.learning-rate} sg, "
      + "${bundle:cbow.learning-rate} cbow, ${bundle:glove.learning-rate} glove).")
  Double learningRate;

  @Option(names = "--threads", description = "Worker threads (default: ${DEFAULT-VALUE}, the processors up to "
      + "256).")
  int threads;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ensemble", paramLabel = "N", defaultValue = "1",
      description = "Train N times, with seeds SEED to SEED+N-1, and write each word's N unit vectors side by "
          + "side (N x --dim dimensions): a cosine is then the mean of the N trainings', steadier on a small "
          + "corpus such as one index's documents; not with --subwords (default: ${DEFAULT-VALUE}).")
  int ensemble;

  @Option(names = "--join", paramLabel = "VECTORS",
      description = "Write each word's trained unit vector beside its unit vector from these general vectors (zeros"
          + " where they lack the word, looked up as written): between two words they hold, a cosine is then the"
          + " mean of the two spaces', so that such neighbours are close in this corpus and in general use; between"
          + " two words they lack, the trained cosine; between one of each, the trained cosine / sqrt(2). The"
          + " corpus's words stay the vocabulary. For query expansion on an index, e.g."
          + " models/vectors/seqnlp-en-100d.bin; not with --subwords (default: off).")
  Path join;

  @Option(names = "--lowercase", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Lowercase words (default: on; --no-lowercase keeps case).")
  boolean lowercase;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OptionRange.require(spec, "--min-count", minCount, 1, Integer.MAX_VALUE);
    OptionRange.require(spec, "--max-vocab", maxVocabulary, 0, Integer.MAX_VALUE);
    OptionRange.require(spec, "--buckets", buckets, 1, CharacterNgrams.MAX_BUCKETS);
    OptionRange.require(spec, "--ensemble", ensemble, 1, OptionRange.MAX_ENSEMBLE);
    if (subwords == null && spec.commandLine().getParseResult().hasMatchedOption("--buckets")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--buckets needs --subwords");
    }
    // an option of the other kind of model would be ignored without a word, and the user misled about what trained
    for (String option : model == Model.glove ? new String[] {"--negative", "--sample"} : new String[] {"--x-max"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new CommandLine.ParameterException(spec.commandLine(), option + " does not apply to --model " + model);
      }
    }
    if (subwords != null && model != Model.sg) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--subwords trains skip-gram (--model sg), not "
          + model);
    }
    if (subwords != null && !ArrayLimits.fitsRows(buckets, dimension)) {
      // the vocabulary's rows come on top, so this is only the part known before the corpus is read
      throw new CommandLine.ParameterException(spec.commandLine(), "--buckets " + buckets + " x --dim " + dimension
          + " are more values than one Java array holds; use fewer buckets");
    }
    if (subwords != null && join != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--join cannot keep subword vectors; "
          + "train without --subwords");
    }
    if (subwords != null && ensemble > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--ensemble cannot combine subword vectors; "
          + "train without --subwords");
    }
    // The members' seeds are checked before seed + member is computed below, which would wrap past the largest long.
    OptionRange.requireEnsembleSeeds(spec, "--ensemble", ensemble, seed);
    // Every member's settings are checked here, before the corpus is read, and before the ensemble's width, so that
    // a --dim out of range is blamed on --dim.
    List<Trainer> trainers = new ArrayList<>();
    for (int member = 0; member < ensemble; member++) {
      trainers.add(trainer(seed + member));
    }
    OptionRange.requireEnsembleWidth(spec, "--ensemble", ensemble, dimension);
    VectorFormat vectorFormat = format != null ? VectorFormatOption.toWrite(spec, "--format", format)
        : subwords != null ? VectorFormat.SEQNLP : VectorFormat.WORD2VEC_BINARY;
    requireOneSource();
    long start = System.nanoTime();
    Tokenizer tokenizer = new Tokenizer(lowercase);
    EncodedCorpus encoded;
    String source;
    WordVectors general;
    if (!indexes.isEmpty()) {
      OutputPaths.check(spec, output, withJoin(indexes));
      for (Path index : indexes) {
        // a file in an index directory is no file of the index, and Lucene may delete files it does not know
        OutputPaths.checkNotInside(spec, output, index);
      }
      List<StoredFieldCorpus> shards = new ArrayList<>();
      Analyzer analysis = standardAnalysis ? new StandardEnglishAnalyzer() : null;
      try {
        for (Path index : indexes) {
          StoredFieldCorpus shard = StoredFieldCorpus.open(index, field, tokenizer, analysis);
          shards.add(shard);
          for (int earlier = 0; earlier < shards.size() - 1; earlier++) {
            if (Files.isSameFile(shards.get(earlier).index(), shard.index())) {
              // its documents would count twice, and more words would pass --min-count
              throw new CommandLine.ParameterException(spec.commandLine(), "--index " + index + " is the index of"
                  + " --index " + indexes.get(earlier) + " again");
            }
          }
        }
        general = readJoin();
        encoded = encode(handler -> {
          for (StoredFieldCorpus shard : shards) {
            shard.forEachSentence(handler);
          }
        });
        source = String.format(Locale.ROOT, "field %s of %,d documents%s", field,
            shards.stream().mapToLong(StoredFieldCorpus::documents).sum(),
            shards.size() > 1 ? " in " + shards.size() + " indexes" : "");
      } finally {
        List<Closeable> resources = new ArrayList<>(shards);
        resources.add(analysis);
        IOUtils.close(resources);
      }
    } else {
      Corpus text = parse(() -> Corpus.of(corpus, tokenizer));
      List<Path> inputs = new ArrayList<>(corpus);
      inputs.addAll(text.files());
      OutputPaths.check(spec, output, withJoin(inputs));
      for (Path directory : corpus) {
        // the next run would read it as corpus text
        OutputPaths.checkNotInside(spec, output, directory, Corpus::isCorpusFileName);
      }
      general = readJoin();
      encoded = encode(text);
      source = String.format(Locale.ROOT, "%d file%s", text.files().size(), text.files().size() == 1 ? "" : "s");
    }
    checkWritable(encoded.words(), vectorFormat, general);
    int shared = general == null ? 0 : JoinedVectors.shared(encoded.words(), general);
    if (general != null && shared == 0) {
      // the join would only pad every row with zeros
      throw new IOException(String.format(Locale.ROOT, "%s: holds none of the corpus's %,d words (looked up as"
          + " written%s); nothing was trained", join, encoded.words().size(), lowercase ? ""
          : ", and --no-lowercase keeps their case"));
    }
    WordVectors vectors = VectorEnsemble.train(ensemble, seed, memberSeed -> {
      if (ensemble > 1) {
        spec.commandLine().getErr().printf(Locale.ROOT, "ensemble member %d of %d (seed %d)%n",
            memberSeed - seed + 1, ensemble, memberSeed);
      }
      return trainers.get((int) (memberSeed - seed)).train(encoded, Progress::start);
    });
    String joined = "";
    if (general != null) {
      joined = String.format(Locale.ROOT, ", joined with %s, which holds %,d of them", join, shared);
      vectors = JoinedVectors.join(vectors, general);
    }
    VectorFiles.write(vectors, output, vectorFormat);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    int written = vectorFormat.rowsWritten(vectors);
    out.printf(Locale.ROOT, "%s: %,d words x %d dimensions%s%s from %,d corpus tokens in %s, %.1f s%n",
        output, written, vectors.dimension(),
        ensemble == 1 ? "" : ", " + VectorEnsemble.describe(ensemble, seed) + (joined.isEmpty() ? "," : ""),
        joined.isEmpty() ? "" : joined + ",", encoded.wordCount(), source, seconds);
    if (shared > 0 && shared * 2L < vectors.size()) {
      out.printf(Locale.ROOT, "note: %s lacks %,d of the %,d words; between one of them and a word it holds, a cosine"
          + " is the trained one / sqrt(2), so at a high threshold they are neighbours only of one another%n", join,
          vectors.size() - shared, vectors.size());
    }
    ConvertVectorsCommand.printLeftOut(out, vectors, vectorFormat, written);
    return 0;
  }

  /**
   * The --join vectors, or null without --join: read once the corpus is found and before it is read, so that a
   * bad file fails before the long work, and checked against the width the training will have.
   */
  private WordVectors readJoin() throws IOException {
    if (join == null) {
      return null;
    }
    WordVectors general = VectorFiles.read(join);
    try {
      JoinedVectors.check(ensemble * dimension, general);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--join " + join + ": " + e.getMessage());
    }
    return general;
  }

  /** {@code inputs} and the --join file, which the output must not replace either. */
  private List<Path> withJoin(List<Path> inputs) {
    List<Path> all = new ArrayList<>(inputs);
    all.add(join);
    return all;
  }

  /**
   * Corpus files or an index field, never both or neither, and the index-only options only with an index: a
   * usage error before any work.
   */
  private void requireOneSource() {
    String problem = null;
    if (indexes.isEmpty() && field != null) {
      problem = "--field needs --index";
    } else if (indexes.isEmpty() && standardAnalysis) {
      problem = "--standard-analysis needs --index";
    } else if (standardAnalysis && !lowercase) {
      problem = "--standard-analysis lowercases every word; drop --no-lowercase";
    } else if (!indexes.isEmpty() && field == null) {
      problem = "--index needs --field, the stored field to read";
    } else if (!indexes.isEmpty() && !corpus.isEmpty()) {
      problem = "give corpus files or --index, not both";
    } else if (indexes.isEmpty() && corpus.isEmpty()) {
      problem = "give corpus files, or --index DIR --field F";
    }
    if (problem != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), problem);
    }
  }

  private EncodedCorpus encode(SentenceSource text) throws IOException {
    try (Progress progress = Progress.start("reading corpus", 0, "words")) {
      return EncodedCorpus.encode(text, minCount, maxVocabulary, progress);
    }
  }

  /**
   * Fails before training, not after it, when the vectors could not be written: no word at all (checked before the
   * join's words, which would otherwise blame the join's file), a word the format cannot hold, or more values than
   * one array holds.
   */
  private void checkWritable(List<String> words, VectorFormat vectorFormat, WordVectors general) throws IOException {
    List<Path> inputs = indexes.isEmpty() ? corpus : indexes;
    if (words.isEmpty()) {
      throw new IOException(String.format(Locale.ROOT, "%s%s: no word seen at least %,d times (--min-count)%s;"
          + " nothing was trained", inputs.stream().map(Path::toString).collect(Collectors.joining(", ")),
          field == null ? "" : " (field " + field + ")", minCount,
          standardAnalysis ? " after --standard-analysis, which drops stop words and numbers" : ""));
    }
    String source = inputs.size() == 1 ? inputs.get(0).toString() : "corpus";
    for (String word : words) {
      try {
        vectorFormat.requireWritable(word);
      } catch (IllegalArgumentException e) {
        throw new IOException(source + ": " + e.getMessage() + "; nothing was trained");
      }
    }
    long width = (long) dimension * ensemble + (general == null ? 0 : general.dimension());
    if (!ArrayLimits.fitsRows(words.size(), width)) {
      throw new IOException(String.format(Locale.ROOT, "%s: %,d words x %d dimensions are more values than one"
          + " Java array holds; lower --dim, --ensemble or --max-vocab, or raise --min-count%s", source, words.size(),
          width, general == null ? "" : ", or join narrower vectors"));
    }
  }

  /** Either trainer, as the one call this command makes. */
  @FunctionalInterface
  private interface Trainer {
    WordVectors train(EncodedCorpus corpus, ProgressFactory progress);
  }

  /**
   * The trainer of {@link #model} with its settings from the options, each option not given the model's
   * default, and {@code memberSeed}.
   */
  private Trainer trainer(long memberSeed) {
    try {
      if (model == Model.glove) {
        GloVeSettings d = GloVeSettings.DEFAULTS;
        return new GloVeTrainer(new GloVeSettings(dimension, requireNonNullElse(window, d.window()), xMax, d.alpha(),
            requireNonNullElse(epochs, d.epochs()), requireNonNullElse(learningRate, d.learningRate()), threads,
            memberSeed))::train;
      }
      Word2VecSettings d = Word2VecSettings.defaults(model == Model.cbow
          ? Word2VecSettings.Architecture.CBOW : Word2VecSettings.Architecture.SKIP_GRAM);
      Word2VecSettings settings = new Word2VecSettings(d.architecture(), dimension,
          requireNonNullElse(window, d.window()), negative, sample, requireNonNullElse(epochs, d.epochs()),
          requireNonNullElse(learningRate, d.learningRate()), threads, memberSeed);
      return subwords == null ? new Word2VecTrainer(settings)::train
          : new SubwordTrainer(settings, ngrams())::train;
    } catch (IllegalArgumentException e) {
      throw new Defaults().usageError(spec, e);
    }
  }

  /** The n-grams of {@code --subwords} and {@code --buckets}. */
  private CharacterNgrams ngrams() {
    if (subwords.size() != 2) {
      throw new IllegalArgumentException("--subwords takes MIN,MAX character lengths, e.g. 3,6; got " + subwords);
    }
    return new CharacterNgrams(subwords.get(0), subwords.get(1), buckets);
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

  /**
   * The defaults of the options that are one for every model, from {@link Word2VecSettings#DEFAULTS} (GloVe's
   * dimensions, threads and seed are the same) and {@link GloVeSettings#DEFAULTS}; the model's own window,
   * epochs and learning rate are {@link VectorModelDefaults}.
   */
  static final class Defaults extends SettingOptions {
    Defaults() {
      super(new Setting("--dim", Word2VecSettings.DIMENSION, Word2VecSettings.DEFAULTS.dimension()),
          new Setting("--window", Word2VecSettings.WINDOW, null),
          new Setting("--negative", Word2VecSettings.NEGATIVE, Word2VecSettings.DEFAULTS.negative()),
          new Setting("--sample", Word2VecSettings.SAMPLE, Word2VecSettings.DEFAULTS.sample()),
          new Setting("--epochs", Word2VecSettings.EPOCHS, null),
          new Setting("--x-max", GloVeSettings.X_MAX, GloVeSettings.DEFAULTS.xMax()),
          new Setting("--learning-rate", Word2VecSettings.LEARNING_RATE, null),
          new Setting("--threads", Word2VecSettings.THREADS, Word2VecSettings.DEFAULTS.threads()),
          new Setting("--seed", null, Word2VecSettings.DEFAULTS.seed()));
    }
  }
}

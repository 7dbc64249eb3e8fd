package org.seqnlp.examples.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.seqnlp.opennlp.models.OpenNlpModelFiles;

/**
 * Finds names in many documents on Apache Spark, as {@code seqnlp ner} finds them in one file: OpenNLP's
 * sentence detector and tokenizer split each document, and a name-finder model (ours or any OpenNLP one)
 * tags it. The model file is read once by the driver and broadcast; each executor parses it once and each
 * partition gets one tagger ({@link PartitionTagger}).
 *
 * <pre>
 * spark-submit --class org.seqnlp.examples.spark.SparkNameTaggingJob --jars JARS seqnlp-examples-spark.jar \
 *     --model en-ner.bin --input docs.txt --output names/ [--input-format text|parquet] [--output-format json|parquet]
 * </pre>
 *
 * <p>Input: text files, one document a line (its id is the line's 0-based index in the input, files in the
 * order Spark lists them), or Parquet with an {@code id} column (any type, written as a string) and a
 * {@code text} column. Output: one row per sentence ({@link PartitionTagger#SENTENCES}), as JSON Lines or
 * Parquet files in the output directory, which must not exist yet.
 */
public final class SparkNameTaggingJob {

  /** How documents come in. */
  enum InputFormat {
    TEXT, PARQUET
  }

  /** How sentences go out. */
  enum OutputFormat {
    JSON, PARQUET
  }

  /** The job's settings, checked before any work. */
  record Settings(Path model, String input, String output, InputFormat inputFormat, OutputFormat outputFormat,
      String language) {

    private static final Set<String> OPTIONS = Set.of("--model", "--input", "--output", "--input-format",
        "--output-format", "--language");

    /** Parses {@code --option value} pairs; a missing, unknown or repeated option is an {@link IllegalArgumentException}. */
    static Settings parse(String... args) {
      Map<String, String> given = new TreeMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!OPTIONS.contains(args[i])) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        if (given.put(args[i], args[i + 1]) != null) {
          throw new IllegalArgumentException(args[i] + " given twice");
        }
      }
      for (String required : List.of("--model", "--input", "--output")) {
        if (!given.containsKey(required)) {
          throw new IllegalArgumentException(required + " is required");
        }
      }
      return new Settings(Path.of(given.get("--model")), given.get("--input"), given.get("--output"),
          format(InputFormat.class, "--input-format", given.getOrDefault("--input-format", "text")),
          format(OutputFormat.class, "--output-format", given.getOrDefault("--output-format", "json")),
          given.getOrDefault("--language", "en"));
    }

    private static <E extends Enum<E>> E format(Class<E> formats, String option, String value) {
      try {
        return Enum.valueOf(formats, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(option + " must be one of " + List.of(formats.getEnumConstants())
            .toString().toLowerCase(Locale.ROOT) + ", not " + value);
      }
    }
  }

  private SparkNameTaggingJob() {
  }

  /** Exit codes as the seqnlp tool's: 0 success, 2 bad usage, 1 failure; one line on stderr for an error. */
  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  /** What {@code main} does, returning its exit code; the model is read and parsed before Spark starts. */
  static int run(String[] args, PrintStream err) {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("SparkNameTaggingJob: " + e.getMessage() + " (usage: --model FILE --input PATH --output DIR"
          + " [--input-format text|parquet] [--output-format json|parquet] [--language en])");
      return 2;
    }
    try {
      TaggingModels models = models(settings);
      try (SparkSession spark = SparkSession.builder().appName("seqnlp name tagging").getOrCreate()) {
        run(spark, settings, models);
      }
      return 0;
    } catch (Exception e) {
      // Spark's own errors (an input that does not exist, a failed task) come unchecked, on several lines.
      String message = Objects.requireNonNullElse(e.getMessage(), e.toString());
      err.println("SparkNameTaggingJob: error: " + message.lines().findFirst().orElse(message));
      return 1;
    }
  }

  /**
   * The models the job broadcasts, parsed here once so that a bad model fails on the driver, before Spark starts
   * (which takes seconds, and on a cluster the wait for executors).
   */
  static TaggingModels models(Settings settings) throws IOException {
    TaggingModels models = new TaggingModels(readModel(settings.model()), settings.model().toString(),
        settings.language());
    models.newFinder();
    return models;
  }

  /** Reads, tags with {@code models} and writes as {@code settings} say. */
  static void run(SparkSession spark, Settings settings, TaggingModels models) throws IOException {
    org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(settings.output());
    FileSystem outputFileSystem = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (outputFileSystem.exists(output)) {
      throw new IOException(settings.output() + ": already exists; nothing was tagged");
    }
    Dataset<Row> documents = settings.inputFormat() == InputFormat.TEXT
        ? textDocuments(spark, settings.input()) : parquetDocuments(spark, settings.input());
    Dataset<Row> sentences = tag(spark, documents, models);
    switch (settings.outputFormat()) {
      case JSON -> sentences.write().json(settings.output());
      case PARQUET -> sentences.write().parquet(settings.output());
    }
  }

  /** One row per sentence of {@code documents} (columns {@code id}, {@code text}), tagged with {@code models}. */
  static Dataset<Row> tag(SparkSession spark, Dataset<Row> documents, TaggingModels models) {
    Broadcast<TaggingModels> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(models);
    return documents.mapPartitions(new PartitionTagger(broadcast), Encoders.row(PartitionTagger.SENTENCES));
  }

  /** Text files, one document a line, each with its 0-based line index as id. */
  static Dataset<Row> textDocuments(SparkSession spark, String input) {
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(input).zipWithIndex()
        .map(line -> RowFactory.create(String.valueOf(line._2()), line._1()));
    return spark.createDataFrame(rows, PartitionTagger.DOCUMENTS);
  }

  /** Parquet with an {@code id} and a {@code text} column, checked from the files' schema before any work. */
  static Dataset<Row> parquetDocuments(SparkSession spark, String input) throws IOException {
    Dataset<Row> parquet = spark.read().parquet(input);
    List<String> columns = List.of(parquet.columns());
    for (String required : List.of("id", "text")) {
      if (!columns.contains(required)) {
        throw new IOException(input + ": no column '" + required + "' (the columns are " + columns + ")");
      }
    }
    return parquet.select(functions.col("id").cast("string").as("id"), functions.col("text"));
  }

  private static byte[] readModel(Path model) throws IOException {
    if (!Files.isRegularFile(model)) {
      throw new IOException(model + ": no such model file");
    }
    return OpenNlpModelFiles.read(model);
  }
}

package org.seqnlp.examples.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.PathFilter;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.StrictUtf8;
import org.seqnlp.opennlp.models.OpenNlpModelFiles;
import scala.Tuple2;

/**
 * Finds names in many documents on Apache Spark, as {@code seqnlp ner} finds them in one file: OpenNLP's
 * sentence detector and tokenizer split each document, and a name-finder model (ours or any OpenNLP one)
 * tags it. The model file is read once by the driver and broadcast; each executor parses it once and each
 * partition gets one tagger ({@link PartitionTagger}).
 *
 * <pre>
 * spark-submit --class org.seqnlp.examples.spark.SparkNameTaggingJob --jars JARS seqnlp-examples-spark.jar \
 *     --model en-ner.bin --input docs.txt --output names/ [--input-format text|parquet] [--output-format json|parquet]
 *     [--language en] [--min-partitions N]
 * </pre>
 *
 * <p>Input: UTF-8 text files, one document a line (its id is the line's 0-based index in the input, files in the
 * order of their names, URI-encoded), or Parquet with an {@code id} column (any type, written as a string; none null) and a
 * string {@code text} column. Output: one row per sentence ({@link PartitionTagger#SENTENCES}), as JSON Lines or
 * Parquet files in the output directory, which must not exist yet and appears only when the job succeeds.
 */
public final class SparkNameTaggingJob {

  /** What Hadoop's globs give a meaning to, each escaped by a backslash to stand for itself. */
  private static final Pattern GLOB_CHARACTERS = Pattern.compile("[\\\\{}\\[\\]*?]");

  /** How documents come in. */
  enum InputFormat {
    TEXT, PARQUET
  }

  /** How sentences go out. */
  enum OutputFormat {
    JSON, PARQUET
  }

  /** The job's settings, checked before any work. */
  record Settings(String model, String input, String output, InputFormat inputFormat, OutputFormat outputFormat,
      String language, int minPartitions) {

    private static final Set<String> OPTIONS = Set.of("--model", "--input", "--output", "--input-format",
        "--output-format", "--language", "--min-partitions");

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
      return new Settings(given.get("--model"), given.get("--input"), given.get("--output"),
          format(InputFormat.class, "--input-format", given.getOrDefault("--input-format", "text")),
          format(OutputFormat.class, "--output-format", given.getOrDefault("--output-format", "json")),
          given.getOrDefault("--language", "en"), minPartitions(given.get("--min-partitions")));
    }

    /** 0 when not given: Spark's own split of the input. */
    private static int minPartitions(String value) {
      if (value == null) {
        return 0;
      }
      try {
        int partitions = Integer.parseInt(value);
        if (partitions >= 1) {
          return partitions;
        }
      } catch (NumberFormatException e) {
        // refused below, as a number out of range is
      }
      throw new IllegalArgumentException("--min-partitions must be a whole number of at least 1, not " + value);
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
          + " [--input-format text|parquet] [--output-format json|parquet] [--language en] [--min-partitions N])");
      return 2;
    }
    try {
      TaggingModels models = models(settings, hadoopConfiguration());
      try (SparkSession spark = SparkSession.builder().appName("seqnlp name tagging").getOrCreate()) {
        run(spark, settings, models);
      }
      return 0;
    } catch (Exception e) {
      err.println("SparkNameTaggingJob: error: " + message(e));
      return 1;
    }
  }

  /**
   * One line for a failure: a bad input line's own message when a task failed on one (Spark wraps it in its
   * "Job aborted" message, on several lines), else the first line of the message.
   */
  static String message(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputFormatException) {
        return cause.getMessage();
      }
    }
    String message = Objects.requireNonNullElse(failure.getMessage(), failure.toString());
    return message.lines().findFirst().orElse(message);
  }

  /**
   * Hadoop's configuration as the Spark session will have it ({@code spark.hadoop.*} settings included), for
   * reading the model before the session starts.
   */
  private static Configuration hadoopConfiguration() {
    Configuration configuration = new Configuration();
    for (Tuple2<String, String> setting : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
      configuration.set(setting._1(), setting._2());
    }
    return configuration;
  }

  /**
   * The models the job broadcasts, parsed here once so that a bad model fails on the driver, before Spark starts
   * (which takes seconds, and on a cluster the wait for executors). The model file may be on any file system
   * Hadoop reaches ({@code hdfs://}, {@code s3a://}, a local path).
   */
  static TaggingModels models(Settings settings, Configuration hadoop) throws IOException {
    TaggingModels models = new TaggingModels(readModel(settings.model(), hadoop), settings.model(),
        settings.language());
    models.newFinder();
    return models;
  }

  /**
   * Reads, tags with {@code models} and writes as {@code settings} say. The sentences are written into a hidden
   * directory beside the output and renamed to it when complete, so that a failed run, or one stopped by a signal
   * the JVM sees, leaves no output behind to refuse the next one; if the rename fails, the error names the hidden
   * directory, which keeps the sentences.
   */
  static void run(SparkSession spark, Settings settings, TaggingModels models) throws IOException {
    org.apache.hadoop.fs.Path given = new org.apache.hadoop.fs.Path(settings.output());
    FileSystem outputFileSystem = given.getFileSystem(spark.sparkContext().hadoopConfiguration());
    org.apache.hadoop.fs.Path output = outputFileSystem.makeQualified(given);
    if (outputFileSystem.exists(output)) {
      throw new IOException(settings.output() + ": already exists; nothing was tagged");
    }
    if (output.getParent() == null) {
      throw new IOException(settings.output() + ": the root of a file system cannot be the output directory");
    }
    Dataset<Row> documents = settings.inputFormat() == InputFormat.TEXT
        ? textDocuments(spark, settings.input(), settings.minPartitions())
        : parquetDocuments(spark, settings.input(), settings.minPartitions());
    Dataset<Row> sentences = tag(spark, documents, models);
    org.apache.hadoop.fs.Path partial = new org.apache.hadoop.fs.Path(output.getParent(),
        "." + output.getName() + "-" + UUID.randomUUID() + ".partial");
    // Made first: Hadoop's deleteOnExit ignores a path that does not exist yet. Spark then writes over it.
    outputFileSystem.mkdirs(partial);
    outputFileSystem.deleteOnExit(partial);
    try {
      switch (settings.outputFormat()) {
        case JSON -> sentences.write().mode(SaveMode.Overwrite).json(partial.toString());
        case PARQUET -> sentences.write().mode(SaveMode.Overwrite).parquet(partial.toString());
      }
    } catch (Throwable failure) {
      outputFileSystem.delete(partial, true);
      throw failure;
    } finally {
      outputFileSystem.cancelDeleteOnExit(partial);
    }
    publish(outputFileSystem, partial, output, settings.output());
  }

  /**
   * Renames the complete {@code partial} directory to {@code output}, which must not exist: a rename onto an
   * existing directory moves the source into it, so one made while the job ran is checked before the rename and,
   * as it may appear in between, after it (the sentences are then moved back). When the sentences cannot be
   * published, the error names where they are.
   */
  static void publish(FileSystem fileSystem, org.apache.hadoop.fs.Path partial, org.apache.hadoop.fs.Path output,
      String name) throws IOException {
    String madeMeanwhile = name + ": made by something else while the job ran; the sentences are in ";
    if (fileSystem.exists(output)) {
      throw new IOException(madeMeanwhile + partial);
    }
    if (!fileSystem.rename(partial, output)) {
      throw new IOException(name + ": cannot rename the sentences to it; they are in " + partial);
    }
    org.apache.hadoop.fs.Path movedInto = new org.apache.hadoop.fs.Path(output, partial.getName());
    if (fileSystem.exists(movedInto)) {
      throw new IOException(madeMeanwhile + (fileSystem.rename(movedInto, partial) ? partial : movedInto));
    }
  }

  /** One row per sentence of {@code documents} (columns {@code id}, {@code text}), tagged with {@code models}. */
  static Dataset<Row> tag(SparkSession spark, Dataset<Row> documents, TaggingModels models) {
    Broadcast<TaggingModels> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(models);
    return documents.mapPartitions(new PartitionTagger(broadcast), Encoders.row(PartitionTagger.SENTENCES));
  }

  /**
   * Text files, one document a line, each with its 0-based line index as id, in at least {@code minPartitions}
   * partitions (0: Spark's default). The files of a directory are read in the order Hadoop sorts a glob's matches
   * (of their names, URI-encoded), so that ids do not depend on the order a file system lists them. A line that is not UTF-8 fails the job
   * with an {@link InputFormatException} naming its file and the byte where the line starts, as {@code seqnlp ner}
   * refuses it, where Spark's {@code textFile} would tag replacement characters.
   */
  static Dataset<Row> textDocuments(SparkSession spark, String input, int minPartitions) throws IOException {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JobConf files = new JobConf(context.hadoopConfiguration());
    FileInputFormat.setInputPaths(files, textFiles(input, files));
    @SuppressWarnings("unchecked")
    JavaHadoopRDD<LongWritable, Text> lines = (JavaHadoopRDD<LongWritable, Text>) context.hadoopRDD(files,
        TextInputFormat.class, LongWritable.class, Text.class,
        minPartitions > 0 ? minPartitions : context.defaultMinPartitions());
    JavaRDD<String> texts = lines.mapPartitionsWithInputSplit((split, records) -> {
      String file = split instanceof FileSplit fileSplit ? fileSplit.getPath().toString() : input;
      // decoded as each line is read: the reader reuses its Text for the next one
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false)
          .map(line -> text(line, file)).iterator();
    }, true);
    JavaRDD<Row> rows = texts.zipWithIndex().map(line -> RowFactory.create(String.valueOf(line._2()), line._1()));
    // A gzip file is one partition however many are asked for.
    if (rows.getNumPartitions() < minPartitions) {
      rows = rows.repartition(minPartitions);
    }
    return spark.createDataFrame(rows, PartitionTagger.DOCUMENTS);
  }

  /** The text of {@code line} of {@code file}, as strict UTF-8; its offset names it in the error. */
  private static String text(Tuple2<LongWritable, Text> line, String file) {
    try {
      return StrictUtf8.decode(line._2().getBytes(), 0, line._2().getLength());
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException(InputFormatException.atByte(file, line._1().get(),
          "a line that is not valid UTF-8 text (is the file in another encoding, such as ISO-8859-1?)", e));
    }
  }

  /**
   * The files {@code input} names (a file, a directory or a glob), those whose names start with {@code _} or {@code
   * .} left out, a directory's sorted as Hadoop sorts a glob's matches.
   */
  private static org.apache.hadoop.fs.Path[] textFiles(String input, Configuration hadoop) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
    FileSystem fileSystem = path.getFileSystem(hadoop);
    FileStatus[] matches = fileSystem.globStatus(path);
    if (matches == null || matches.length == 0) {
      throw new IOException(input + ": no such file or directory");
    }
    List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
    // Hadoop's own listing skips these too: _SUCCESS and the hidden files of other writers.
    PathFilter visible = file -> !file.getName().startsWith("_") && !file.getName().startsWith(".");
    for (FileStatus match : matches) {
      if (!match.isDirectory()) {
        if (visible.accept(match.getPath())) {
          files.add(match.getPath());
        }
        continue;
      }
      FileStatus[] listed = fileSystem.listStatus(match.getPath(), visible);
      // as Hadoop sorts a glob's matches, so that a directory and a glob over it give the same ids
      Arrays.sort(listed, Comparator.comparing(FileStatus::getPath));
      for (FileStatus file : listed) {
        if (file.isDirectory()) {
          // as Hadoop refuses it, but before any work, and with the way out
          throw new IOException(input + ": holds the directory " + file.getPath().getName() + "; a glob such as "
              + input + "/*/* reads the files of directories within");
        }
        files.add(file.getPath());
      }
    }
    if (files.isEmpty()) {
      throw new IOException(input + ": no file to read (files whose names start with _ or . are skipped)");
    }
    // Hadoop reads each input path as a glob again: a file named a[1].txt would read a1.txt.
    return files.stream().map(file -> new org.apache.hadoop.fs.Path(GLOB_CHARACTERS.matcher(file.toString())
        .replaceAll("\\\\$0"))).toArray(org.apache.hadoop.fs.Path[]::new);
  }

  /**
   * Parquet with an {@code id} and a {@code text} column (names matched as Spark matches them, without regard to
   * case unless {@code spark.sql.caseSensitive}), checked before any tagging: both are there, the text is a string,
   * no id is null and every text is valid UTF-8 (Spark would read the text of a damaged file with replacement
   * characters); the check reads the two columns once. Repartitioned when it has fewer than {@code minPartitions}
   * partitions.
   */
  static Dataset<Row> parquetDocuments(SparkSession spark, String input, int minPartitions) throws IOException {
    Dataset<Row> parquet;
    try {
      parquet = spark.read().parquet(input);
    } catch (Exception e) { // Spark's own SparkException is checked, though Scala declares none
      throw new IOException(input + ": cannot be read as Parquet: " + innermostMessage(e), e);
    }
    boolean caseSensitive = Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false"));
    List<String> columns = List.of(parquet.columns());
    for (String required : List.of("id", "text")) {
      if (columns.stream().noneMatch(column -> caseSensitive ? column.equals(required)
          : column.equalsIgnoreCase(required))) {
        throw new IOException(input + ": no column '" + required + "' (the columns are " + columns + ")");
      }
    }
    DataType text = parquet.select("text").schema().fields()[0].dataType();
    if (!text.equals(DataTypes.StringType)) {
      throw new IOException(input + ": column 'text' holds " + text.simpleString() + ", not string");
    }
    List<Row> bad = parquet.where(functions.col("id").isNull().or(functions.not(functions.is_valid_utf8(
        functions.col("text"))))).select(functions.col("id").cast("string")).limit(1).collectAsList();
    if (!bad.isEmpty()) {
      throw new IOException(input + (bad.get(0).isNullAt(0)
          ? ": a document with a null id (every document needs one, to name its rows)"
          : ": the text of document " + bad.get(0).getString(0) + " is not valid UTF-8"));
    }
    Dataset<Row> documents = parquet.select(functions.col("id").cast("string").as("id"),
        functions.col("text").as("text"));
    return documents.rdd().getNumPartitions() < minPartitions ? documents.repartition(minPartitions) : documents;
  }

  /** The first line of the message of the innermost cause that has one, which for Spark's errors says what failed. */
  private static String innermostMessage(Throwable failure) {
    String message = failure.toString();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message.lines().findFirst().orElse(message);
  }

  private static byte[] readModel(String model, Configuration hadoop) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(model);
    FileSystem fileSystem = path.getFileSystem(hadoop);
    FileStatus status;
    try {
      status = fileSystem.getFileStatus(path);
    } catch (FileNotFoundException e) {
      throw new IOException(model + ": no such model file");
    }
    if (!status.isFile()) {
      throw new IOException(model + ": a directory, not a model file");
    }
    try (InputStream in = fileSystem.open(path)) {
      return OpenNlpModelFiles.read(in, status.getLen(), model);
    }
  }
}

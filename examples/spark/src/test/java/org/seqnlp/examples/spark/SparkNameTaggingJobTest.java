package org.seqnlp.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.cli.SeqNlp;

/**
 * The job on {@code local[2]} finds exactly what {@code seqnlp ner --output-format json} finds in the same
 * documents: the same sentences, tokens, offsets (into each document), names, types and probabilities (at
 * the four decimals the command prints), for text and Parquet input and JSON and Parquet output.
 */
class SparkNameTaggingJobTest {

  private static final Path MODEL = Path.of("../../models/ner/en-ner.bin");

  /** Invented text, one document a line, with a blank and an empty document that yield no sentence. */
  private static final List<String> DOCUMENTS = List.of(
      "Dr. Smith went to Washington. He met Apple's chief Tim Cook.",
      "Angela Merkel arrived in Paris on Monday. She spoke with Emmanuel Macron about the European Union.",
      "",
      "\"We will open a plant in Detroit,\" said Mary Barra, chief executive of General Motors.",
      "   ",
      "The United Nations met in Geneva. Delegates from Kenya, Brazil and Japan attended. The meeting ended late.",
      "Shares of Siemens rose 3 percent in Frankfurt after the company said profits grew.",
      "Tokyo-based Sony Corp. and Microsoft will work together, according to a statement issued on Tuesday.",
      "nothing here to find at all",
      "Zoë Ångström flew from Zürich to São Paulo with Lufthansa.",
      "Mr.  Jones   met   Ms. Lee in   London .",
      "Barcelona beat Real Madrid 2-1 in the Spanish league. Lionel Messi scored twice.");

  @TempDir
  static Path directory;

  private static SparkSession spark;
  private static List<String> expected;

  @BeforeAll
  static void startSparkAndRunTheCommand() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("SparkNameTaggingJobTest")
        .config("spark.ui.enabled", false).config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    expected = seqnlpNer();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /**
   * What {@code seqnlp ner} prints for the documents, a blank line after each, as the job's rows would be:
   * documents named by their index in {@link #DOCUMENTS} and offsets counted from the document's start.
   */
  private static List<String> seqnlpNer() throws IOException {
    StringBuilder input = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    List<Integer> tagged = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS.size(); i++) {
      if (!DOCUMENTS.get(i).isBlank()) {
        tagged.add(i);
      }
      starts.add(input.length());
      input.append(DOCUMENTS.get(i)).append("\n\n");
    }
    Path inputFile = Files.writeString(directory.resolve("seqnlp-ner-input.txt"), input);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, SeqNlp.execute("ner", "--model", MODEL.toString(), "--output-format", "json",
          inputFile.toString()));
    } finally {
      System.setOut(stdout);
    }
    Path json = Files.write(directory.resolve("seqnlp-ner.jsonl"), printed.toByteArray());
    return spark.read().json(json.toString()).collectAsList().stream().map(row -> {
      int document = tagged.get(((Number) row.getAs("document")).intValue());
      return canonical(row, String.valueOf(document), starts.get(document));
    }).sorted().toList();
  }

  /** A sentence row as one comparable line; {@code offset} is subtracted from every character offset. */
  private static String canonical(Row row, String id, long offset) {
    Function<Row, Function<String, Long>> offsets = record -> field -> record.<Number>getAs(field).longValue() - offset;
    String tokens = row.<Row>getList(row.fieldIndex("tokens")).stream().map(token -> token.getAs("text") + "["
        + offsets.apply(token).apply("start") + "," + offsets.apply(token).apply("end") + ")")
        .collect(Collectors.joining(" "));
    String names = row.<Row>getList(row.fieldIndex("names")).stream().map(name -> String.format(Locale.ROOT,
        "%s tokens [%d,%d) chars [%d,%d) %s %.4f", name.getAs("type"), name.<Number>getAs("tokenStart").intValue(),
        name.<Number>getAs("tokenEnd").intValue(), offsets.apply(name).apply("start"), offsets.apply(name).apply("end"),
        name.getAs("text"), name.<Number>getAs("probability").doubleValue())).collect(Collectors.joining("; "));
    return String.format(Locale.ROOT, "document %s sentence %d [%d,%d) %s | %s | %s", id,
        row.<Number>getAs("sentence").intValue(), offsets.apply(row).apply("start"), offsets.apply(row).apply("end"),
        row.getAs("text"), tokens, names);
  }

  private static void runJob(String... args) throws IOException {
    SparkNameTaggingJob.Settings settings = SparkNameTaggingJob.Settings.parse(args);
    SparkNameTaggingJob.run(spark, settings, SparkNameTaggingJob.models(settings, new Configuration()));
  }

  private static List<String> canonical(Dataset<Row> sentences, Function<String, String> documentOfId) {
    return sentences.collectAsList().stream()
        .map(row -> canonical(row, documentOfId.apply(row.getAs("id")), 0)).sorted().toList();
  }

  @Test
  void textLinesInJsonOutTagAsSeqnlpNer() throws IOException {
    Path input = Files.write(directory.resolve("documents.txt"), DOCUMENTS);
    Path output = directory.resolve("json-out");
    runJob("--model", MODEL.toString(), "--input", input.toString(), "--output", output.toString());
    assertEquals(2, SparkNameTaggingJob.textDocuments(spark, input.toString(), 0).rdd().getNumPartitions(),
        "two partitions, so both threads tag");
    assertEquals(5, SparkNameTaggingJob.textDocuments(spark, input.toString(), 5).rdd().getNumPartitions());
    List<String> tagged = canonical(spark.read().schema(PartitionTagger.SENTENCES).json(output.toString()), id -> id);
    assertFalse(tagged.isEmpty());
    assertEquals(String.join("\n", expected), String.join("\n", tagged));
  }

  @Test
  void parquetInAndOutTagAsSeqnlpNer() throws IOException {
    // Ids of another type than string, and a document without text, which gives no sentence.
    StructType schema = new StructType().add("id", DataTypes.LongType, false).add("text", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS.size(); i++) {
      rows.add(RowFactory.create(1000L + i, DOCUMENTS.get(i)));
    }
    rows.add(RowFactory.create(5000L, null));
    Path input = directory.resolve("documents.parquet");
    spark.createDataFrame(rows, schema).repartition(2).write().parquet(input.toString());
    Path output = directory.resolve("parquet-out");
    // The model named by a Hadoop file system's URI, as one on hdfs:// or s3a:// would be.
    runJob("--model", MODEL.toAbsolutePath().toUri().toString(), "--input", input.toString(), "--input-format",
        "parquet", "--output", output.toString(), "--output-format", "parquet");
    Dataset<Row> written = spark.read().parquet(output.toString());
    assertEquals(PartitionTagger.SENTENCES.fieldNames().length, written.schema().fieldNames().length);
    List<String> tagged = canonical(written, id -> String.valueOf(Long.parseLong(id) - 1000));
    assertEquals(String.join("\n", expected), String.join("\n", tagged));
  }

  @Test
  void parquetWithoutATextColumnIsRefusedBeforeAnyWork() {
    Path input = directory.resolve("no-text.parquet");
    spark.createDataFrame(List.of(RowFactory.create(1L, "Paris")), new StructType().add("id", DataTypes.LongType)
        .add("body", DataTypes.StringType)).write().parquet(input.toString());
    IOException refused = assertThrows(IOException.class, () -> runJob("--model", MODEL.toString(), "--input",
        input.toString(), "--input-format", "parquet", "--output", directory.resolve("no-text-out").toString()));
    assertEquals(input + ": no column 'text' (the columns are [id, body])", refused.getMessage());
  }

  @Test
  void parquetWithTextThatIsNotAStringIsRefusedBeforeAnyWork() {
    Path input = directory.resolve("numbers.parquet");
    spark.createDataFrame(List.of(RowFactory.create(1L, 7)), new StructType().add("id", DataTypes.LongType)
        .add("text", DataTypes.IntegerType)).write().parquet(input.toString());
    IOException refused = assertThrows(IOException.class, () -> runJob("--model", MODEL.toString(), "--input",
        input.toString(), "--input-format", "parquet", "--output", directory.resolve("numbers-out").toString()));
    assertEquals(input + ": column 'text' holds int, not string", refused.getMessage());
  }

  @Test
  void parquetWithANullIdIsRefusedBeforeAnyWork() {
    Path input = directory.resolve("null-id.parquet");
    spark.createDataFrame(List.of(RowFactory.create(1L, "Paris"), RowFactory.create(null, "Rome")), new StructType()
        .add("id", DataTypes.LongType).add("text", DataTypes.StringType)).write().parquet(input.toString());
    Path output = directory.resolve("null-id-out");
    IOException refused = assertThrows(IOException.class, () -> runJob("--model", MODEL.toString(), "--input",
        input.toString(), "--input-format", "parquet", "--output", output.toString()));
    assertEquals(input + ": a document with a null id (every document needs one, to name its rows)",
        refused.getMessage());
    assertFalse(Files.exists(output));
  }

  @Test
  void parquetInFewerPartitionsThanAskedIsRepartitioned() throws IOException {
    Path input = directory.resolve("one-partition.parquet");
    spark.createDataFrame(List.of(RowFactory.create(1L, "Paris"), RowFactory.create(2L, "Rome")), new StructType()
        .add("id", DataTypes.LongType).add("text", DataTypes.StringType)).coalesce(1).write().parquet(input.toString());
    assertEquals(1, SparkNameTaggingJob.parquetDocuments(spark, input.toString(), 0).rdd().getNumPartitions());
    assertEquals(3, SparkNameTaggingJob.parquetDocuments(spark, input.toString(), 3).rdd().getNumPartitions());
  }

  @Test
  void textThatIsNotUtf8FailsNamingTheLineAndLeavesNoOutput() throws IOException {
    Path input = directory.resolve("latin-1.txt");
    byte[] good = "Angela Merkel arrived in Paris.\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = "She met Olaf Scholz in M\u00fcnchen.\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(input, good);
    Files.write(input, bad, StandardOpenOption.APPEND);
    Path output = directory.resolve("latin-1-out");
    // One partition: zipWithIndex then needs no job of its own, so the line fails while the output is written.
    Exception failed = assertThrows(Exception.class, () -> runJob("--model", MODEL.toString(), "--input",
        input.toString(), "--output", output.toString(), "--min-partitions", "1"));
    assertEquals(input.toUri().toString().replaceFirst("^file:///", "file:/") + ": byte " + good.length
        + ": a line that is not valid UTF-8 text (is the file in another encoding, such as ISO-8859-1?)",
        SparkNameTaggingJob.message(failed));
    assertFalse(Files.exists(output));
    try (Stream<Path> beside = Files.list(directory)) {
      assertEquals(List.of(), beside.filter(path -> path.getFileName().toString().startsWith(".latin-1-out"))
          .toList(), "the partial output is removed");
    }
  }

  @Test
  void aDirectorysFilesAreReadInTheOrderOfTheirNames() throws IOException {
    Path input = Files.createDirectories(directory.resolve("twelve"));
    // Written out of order: a local disk lists a directory in its own order, which ids must not follow.
    for (int file : new int[] {12, 4, 5, 6, 10, 2, 11, 1, 3, 9, 8, 7}) {
      Files.writeString(input.resolve(String.format(Locale.ROOT, "f%02d.txt", file)), "document " + file + "\n");
    }
    Files.writeString(input.resolve("_SUCCESS"), "");
    Files.writeString(input.resolve(".hidden.txt"), "not a document\n");
    List<String> read = SparkNameTaggingJob.textDocuments(spark, input.toString(), 0).collectAsList().stream()
        .map(row -> row.getString(0) + ": " + row.getString(1)).toList();
    assertEquals(IntStream.range(0, 12).mapToObj(i -> i + ": document " + (i + 1)).toList(), read);
  }

  @Test
  void aDirectoryWithinTheInputOrAMissingInputIsRefusedBeforeAnyWork() throws IOException {
    Path input = Files.createDirectories(directory.resolve("nested/inner"));
    Files.writeString(input.resolve("a.txt"), "Paris\n");
    Path outer = input.getParent();
    IOException nested = assertThrows(IOException.class, () -> SparkNameTaggingJob.textDocuments(spark,
        outer.toString(), 0));
    assertEquals(outer + ": holds the directory inner; a glob such as " + outer + "/*/* reads the files of"
        + " directories within", nested.getMessage());
    assertEquals(1, SparkNameTaggingJob.textDocuments(spark, outer + "/*/*", 0).count());
    Path missing = directory.resolve("missing.txt");
    assertEquals(missing + ": no such file or directory", assertThrows(IOException.class,
        () -> SparkNameTaggingJob.textDocuments(spark, missing.toString(), 0)).getMessage());
  }

  @Test
  void theJobTagsInAtLeastTheAskedPartitionsGzipToo() throws IOException {
    Path text = Files.write(directory.resolve("partitions.txt"), DOCUMENTS);
    Path gzip = directory.resolve("partitions.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      out.write(Files.readAllBytes(text));
    }
    for (Path input : List.of(text, gzip)) {
      Path output = directory.resolve("partitions-out-" + input.getFileName());
      runJob("--model", MODEL.toString(), "--input", input.toString(), "--output", output.toString(),
          "--min-partitions", "3");
      try (Stream<Path> parts = Files.list(output)) {
        assertEquals(3, parts.filter(part -> part.getFileName().toString().startsWith("part-")).count(),
            "a part file per partition: " + input);
      }
      assertEquals(String.join("\n", expected), String.join("\n", canonical(spark.read()
          .schema(PartitionTagger.SENTENCES).json(output.toString()), id -> id)));
    }
  }

  @Test
  void anOutputMadeWhileTheJobRanIsLeftAsItIsAndTheSentencesAreKept() throws IOException {
    FileSystem local = FileSystem.getLocal(new Configuration());
    Path partialDirectory = Files.createDirectories(directory.resolve("race/.out-1.partial"));
    Files.writeString(partialDirectory.resolve("part-0"), "tagged");
    Path outputDirectory = Files.createDirectories(directory.resolve("race/out"));
    Files.writeString(outputDirectory.resolve("theirs.txt"), "theirs");
    org.apache.hadoop.fs.Path partial = new org.apache.hadoop.fs.Path(partialDirectory.toString());
    org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(outputDirectory.toString());
    String refused = "out: made by something else while the job ran; the sentences are in " + partial;
    assertEquals(refused, assertThrows(IOException.class, () -> SparkNameTaggingJob.publish(local, partial, output,
        "out")).getMessage());
    // Made between the check and the rename, which then moves the sentences into it: they are moved back.
    FileSystem late = new FilterFileSystem(local) {
      private boolean checked;

      @Override
      public boolean exists(org.apache.hadoop.fs.Path path) throws IOException {
        boolean first = !checked;
        checked = true;
        return !first && super.exists(path);
      }
    };
    assertEquals(refused, assertThrows(IOException.class, () -> SparkNameTaggingJob.publish(late, partial, output,
        "out")).getMessage());
    try (Stream<Path> files = Files.list(outputDirectory)) {
      assertEquals(List.of("theirs.txt"), files.map(file -> file.getFileName().toString()).toList());
    }
    assertEquals("tagged", Files.readString(partialDirectory.resolve("part-0")));
  }

  @Test
  void fileNamesThatLookLikeGlobsAreReadAsTheyAreAndAGlobSkipsHiddenFiles() throws IOException {
    Path input = Files.createDirectories(directory.resolve("glob-like"));
    for (String name : List.of("a[1].txt", "a1.txt", "report{v2}.txt", "what?.txt")) {
      Files.writeString(input.resolve(name), "from " + name + "\n");
    }
    List<String> read = SparkNameTaggingJob.textDocuments(spark, input.toString(), 0).collectAsList().stream()
        .map(row -> row.getString(1)).toList();
    // sorted as Hadoop sorts a glob's matches, by the names URI-encoded: a%5B1%5D.txt before a1.txt
    assertEquals(List.of("from a[1].txt", "from a1.txt", "from report{v2}.txt", "from what?.txt"), read);
    assertEquals(read, SparkNameTaggingJob.textDocuments(spark, input + "/*", 0).collectAsList().stream()
        .map(row -> row.getString(1)).toList(), "a glob over the directory gives the same ids");
    // a glob over another job's output, which holds _SUCCESS and checksum files
    Path previous = Files.createDirectories(directory.resolve("previous"));
    Files.writeString(previous.resolve("part-00000"), "Paris\n");
    Files.writeString(previous.resolve("_SUCCESS"), "");
    Files.writeString(previous.resolve(".part-00000.crc"), "x");
    assertEquals(List.of("Paris"), SparkNameTaggingJob.textDocuments(spark, previous + "/*", 0).collectAsList()
        .stream().map(row -> row.getString(1)).toList());
  }

  @Test
  void parquetTextThatIsNotUtf8IsRefusedNamingTheDocument() {
    Path input = directory.resolve("latin-1.parquet");
    spark.sql("SELECT 7L AS id, CAST(unhex('416E67656C61FF20506172697320') AS STRING) AS text").write()
        .parquet(input.toString());
    IOException refused = assertThrows(IOException.class, () -> SparkNameTaggingJob.parquetDocuments(spark,
        input.toString(), 0));
    assertEquals(input + ": the text of document 7 is not valid UTF-8", refused.getMessage());
  }

  @Test
  void parquetColumnsAreMatchedAsSparkMatchesThemAndOtherFilesAreNotParquet() throws IOException {
    Path input = directory.resolve("capitals.parquet");
    spark.createDataFrame(List.of(RowFactory.create(1L, "Paris")), new StructType().add("ID", DataTypes.LongType)
        .add("Text", DataTypes.StringType)).write().parquet(input.toString());
    assertEquals(List.of(RowFactory.create("1", "Paris")), SparkNameTaggingJob.parquetDocuments(spark,
        input.toString(), 0).collectAsList());
    spark.conf().set("spark.sql.caseSensitive", "true");
    try {
      assertEquals(input + ": no column 'id' (the columns are [ID, Text])", assertThrows(IOException.class,
          () -> SparkNameTaggingJob.parquetDocuments(spark, input.toString(), 0)).getMessage());
    } finally {
      spark.conf().unset("spark.sql.caseSensitive");
    }
    Path text = Files.write(directory.resolve("not.parquet"), DOCUMENTS);
    IOException refused = assertThrows(IOException.class, () -> SparkNameTaggingJob.parquetDocuments(spark,
        text.toString(), 0).collectAsList());
    assertTrue(refused.getMessage().startsWith(text + ": cannot be read as Parquet: ")
        && refused.getMessage().indexOf('\n') < 0, refused.getMessage());
  }

  @Test
  void aDirectoryAsModelIsRefused() {
    IOException refused = assertThrows(IOException.class, () -> runJob("--model", directory.toString(), "--input",
        "any", "--output", directory.resolve("never").toString()));
    assertEquals(directory + ": a directory, not a model file", refused.getMessage());
  }

  @Test
  void anExistingOutputIsRefusedBeforeAnyWork() throws IOException {
    Path input = Files.write(directory.resolve("refused.txt"), DOCUMENTS);
    Path output = Files.createDirectories(directory.resolve("existing"));
    IOException refused = assertThrows(IOException.class, () -> runJob("--model", MODEL.toString(), "--input",
        input.toString(), "--output", output.toString()));
    assertEquals(output + ": already exists; nothing was tagged", refused.getMessage());
  }

  @Test
  void aMissingModelFailsWithOneLineBeforeSparkStarts() {
    Path missing = directory.resolve("missing.bin");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // A job that got as far as starting a session would stop the tests' one, failing the tests after it.
    int exitCode = SparkNameTaggingJob.run(new String[] {"--model", missing.toString(), "--input", "any", "--output",
        directory.resolve("never").toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, exitCode);
    assertEquals("SparkNameTaggingJob: error: " + missing + ": no such model file\n",
        err.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(directory.resolve("never")));
    assertFalse(spark.sparkContext().isStopped());
  }

  @Test
  void badUsageIsOneLineAndExitCodeTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, SparkNameTaggingJob.run(new String[] {"--model", "m"}, new PrintStream(err, true,
        StandardCharsets.UTF_8)));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("SparkNameTaggingJob: ") && message.contains("(usage: --model FILE")
        && message.indexOf('\n') == message.length() - 1, message);
  }

  @Test
  void optionsAreCheckedStrictly() {
    for (List<String> args : List.of(List.of("--model", "m", "--input", "i"), List.of("--model", "m", "--input", "i",
        "--output", "o", "--verbose", "x"), List.of("--model", "m", "--input", "i", "--output"),
        List.of("--model", "m", "--model", "n", "--input", "i", "--output", "o"))) {
      assertThrows(IllegalArgumentException.class, () -> SparkNameTaggingJob.Settings.parse(args.toArray(String[]::new)),
          args.toString());
    }
    IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
        () -> SparkNameTaggingJob.Settings.parse("--model", "m", "--input", "i", "--output", "o", "--input-format", "csv"));
    assertEquals("--input-format must be one of [text, parquet], not csv", format.getMessage());
    for (String partitions : List.of("0", "-1", "many", "99999999999")) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SparkNameTaggingJob
          .Settings.parse("--model", "m", "--input", "i", "--output", "o", "--min-partitions", partitions));
      assertEquals("--min-partitions must be a whole number of at least 1, not " + partitions, refused.getMessage());
    }
    assertEquals(4, SparkNameTaggingJob.Settings.parse("--model", "m", "--input", "i", "--output", "o",
        "--min-partitions", "4").minPartitions());
    SparkNameTaggingJob.Settings defaults = SparkNameTaggingJob.Settings.parse("--model", "m", "--input", "i",
        "--output", "o");
    assertEquals(SparkNameTaggingJob.InputFormat.TEXT, defaults.inputFormat());
    assertEquals(SparkNameTaggingJob.OutputFormat.JSON, defaults.outputFormat());
    assertEquals("en", defaults.language());
    assertEquals(0, defaults.minPartitions());
  }
}

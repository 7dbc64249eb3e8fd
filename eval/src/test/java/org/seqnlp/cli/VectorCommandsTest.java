package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.vectors.EvaluationFixtures;
import org.seqnlp.io.NamedPipes;
import org.seqnlp.lucene.corpus.AnalysedText;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import org.seqnlp.vectors.train.GloVeSettings;
import org.seqnlp.vectors.train.Word2VecSettings;

class VectorCommandsTest extends ToolTest {

  @TempDir
  Path directory;


  /** The fixture's vectors as word2vec binary, in {@code fixture.bin}. */
  private Path fixtureVectors() throws IOException {
    Path vectors = directory.resolve("fixture.bin");
    VectorFiles.write(EvaluationFixtures.vectors(), vectors, VectorFormat.WORD2VEC_BINARY);
    return vectors;
  }

  private Path corpus() throws IOException {
    return Files.writeString(directory.resolve("corpus.txt"), corpusText());
  }

  private static String corpusText() {
    Random random = new Random(5);
    String[][] topics = {{"cat", "dog", "horse", "cow"}, {"car", "bus", "train", "ship"}};
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < 300; line++) {
      String[] topic = topics[line % 2];
      for (int i = 0; i < 10; i++) {
        text.append(i == 0 ? "The " : i == 5 ? " the " : " ").append(topic[random.nextInt(topic.length)]);
      }
      text.append(".\n");
    }
    return text.toString();
  }

  /** The corpus as documents of two lines each. */
  private static List<String> documents() {
    String[] lines = corpusText().split("\n");
    return IntStream.range(0, lines.length / 2).mapToObj(d -> lines[2 * d] + "\n" + lines[2 * d + 1]).toList();
  }

  /**
   * A Solr core's data directory whose index holds the {@link #documents} in the stored field "body", and each
   * document's topic in the indexed but unstored field "topic".
   */
  private Path solrDataDirectory() throws IOException {
    return solrDataDirectory(directory.resolve("data"));
  }

  private Path solrDataDirectory(Path data) throws IOException {
    try (FSDirectory files = FSDirectory.open(data.resolve("index"));
        IndexWriter writer = new IndexWriter(files, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String body : documents()) {
        Document document = new Document();
        document.add(new TextField("body", body, Field.Store.YES));
        document.add(new TextField("topic", "animals vehicles", Field.Store.NO));
        writer.addDocument(document);
      }
    }
    return data;
  }

  /**
   * Trains on an index with {@code indexOptions}, then on {@code lines} written to a file, with one thread and
   * one seed, and checks that both give the same vectors, as the same sentences do.
   */
  private void assertTrainsAsOnAFile(String[] indexOptions, CharSequence lines) throws IOException {
    Path fromIndex = directory.resolve("index.txt");
    Path fromFile = directory.resolve("file.txt");
    String[] settings = {"--format", "word2vec-text", "--dim", "10", "--epochs", "2", "--threads", "1"};
    assertEquals(0, run(concat(concat(new String[] {"train-vectors"}, indexOptions),
        concat(new String[] {"-o", fromIndex.toString()}, settings))), err.toString());
    Path file = Files.writeString(directory.resolve("lines.txt"), lines);
    assertEquals(0, run(concat(new String[] {"train-vectors", file.toString(), "-o", fromFile.toString()},
        settings)), err.toString());
    assertEquals(Files.readString(fromFile), Files.readString(fromIndex),
        "one thread and one seed: the same sentences give the same vectors");
  }

  @Test
  void trainsOnTheStoredFieldOfAnIndexAsOnItsValuesOneALineInAFile() throws IOException {
    Path data = solrDataDirectory();
    // each document's two lines on one line of the file: a stored value is one sentence, across its line break
    StringBuilder oneALine = new StringBuilder();
    documents().forEach(document -> oneALine.append(document.replace('\n', ' ')).append('\n'));
    assertTrainsAsOnAFile(new String[] {"--index", data.toString(), "--field", "body"}, oneALine);
    assertTrue(out.toString().contains("9 words x 10 dimensions from 3,600 corpus tokens in field body of 150 "
        + "documents"), out.toString());
  }

  /** What eval-ir's analysed collection vectors are trained on (CollectionVectorsTest): the index terms. */
  @Test
  void standardAnalysisTrainsOnTheIndexTermsAsOnThemOneDocumentALineInAFile() throws IOException {
    Path data = solrDataDirectory();
    StringBuilder terms = new StringBuilder();
    try (StandardEnglishAnalyzer analysis = new StandardEnglishAnalyzer()) {
      for (String document : documents()) {
        terms.append(AnalysedText.of(analysis, "body", document)).append('\n');
      }
    }
    assertTrainsAsOnAFile(new String[] {"--index", data.toString(), "--field", "body", "--standard-analysis"}, terms);
    // "the" is an English stop word: 3,600 tokens less the 600 the corpus holds
    assertTrue(out.toString().contains("8 words x 10 dimensions from 3,000 corpus tokens in field body of 150 "
        + "documents"), out.toString());
    Path fromFile = directory.resolve("file.txt");
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus().toString(), "--standard-analysis", "-o",
        fromFile.toString()));
    assertTrue(err.toString().contains("--standard-analysis needs --index"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", "--index", data.toString(), "--field", "body",
        "--standard-analysis", "--no-lowercase", "-o", fromFile.toString()));
    assertTrue(err.toString().contains("--standard-analysis lowercases every word; drop --no-lowercase"),
        err.toString());
    err.getBuffer().setLength(0);
    // an empty vocabulary is the index's, not the join file's, whose check comes after
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", "--index", data.toString(), "--field", "body",
        "--standard-analysis", "--min-count", "100000", "--join", fromFile.toString(), "-o",
        directory.resolve("none.bin").toString()));
    assertEquals("seqnlp train-vectors: error: " + data + " (field body): no word seen at least 100,000 times"
        + " (--min-count) after --standard-analysis, which drops stop words and numbers; nothing was trained",
        err.toString().strip());
  }

  @Test
  void readsOneIndexPerShardInTurn() throws IOException {
    Path data = solrDataDirectory();
    Path shard2 = solrDataDirectory(directory.resolve("shard2/data")).resolve("index");
    Path output = directory.resolve("shards.txt");
    assertEquals(0, run("train-vectors", "--index", data.toString(), "--index", shard2.toString(),
        "--field", "body", "-o", output.toString(), "--format", "word2vec-text", "--dim", "10", "--epochs", "1",
        "--threads", "1"), err.toString());
    assertTrue(out.toString().contains("from 7,200 corpus tokens in field body of 300 documents in 2 indexes"),
        out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("train-vectors", "--index", data.toString(), "--index", shard2.toString(),
        "--field", "body", "--standard-analysis", "-o", output.toString(), "--format", "word2vec-text", "--dim", "10",
        "--epochs", "1", "--threads", "1"), err.toString());
    assertTrue(out.toString().contains("from 6,000 corpus tokens in field body of 300 documents in 2 indexes"),
        "every index analysed: " + out);
  }

  /** An index Solr 9.5 to 9.7 wrote (Lucene 9.9 to 9.11) keeps such segments until they are merged away. */
  @Test
  void readsSegmentsOfAnOlderLucene9() throws IOException {
    Path index = directory.resolve("lucene99");
    try (FSDirectory files = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(files, new IndexWriterConfig(new StandardAnalyzer())
            .setCodec(Codec.forName("Lucene99")))) {
      for (String body : documents()) {
        Document document = new Document();
        document.add(new TextField("body", body, Field.Store.YES));
        writer.addDocument(document);
      }
    }
    assertEquals(0, run("train-vectors", "--index", index.toString(), "--field", "body", "-o",
        directory.resolve("old.txt").toString(), "--format", "word2vec-text", "--dim", "10", "--epochs", "1"),
        err.toString());
    assertTrue(out.toString().contains("field body of 150 documents"), out.toString());
  }

  /** Its documents would count twice, and more words would pass --min-count. */
  @Test
  void theSameIndexTwiceIsRefused() throws IOException {
    Path data = solrDataDirectory();
    Path output = directory.resolve("twice.txt");
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", "--index", data.toString(), "--index",
        data.resolve("index").toString(), "--field", "body", "-o", output.toString()));
    assertEquals("seqnlp train-vectors: --index " + data.resolve("index") + " is the index of --index " + data
        + " again (see --help)", err.toString().strip());
    assertFalse(Files.exists(output));
  }

  @Test
  void anIndexFieldThatIsMissingOrNotStoredFailsInOneLine() throws IOException {
    Path data = solrDataDirectory();
    String output = directory.resolve("v.bin").toString();
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", "--index", data.toString(), "--field", "title", "-o",
        output));
    assertEquals("seqnlp train-vectors: error: " + data.resolve("index") + ": no field 'title' in the index; its "
        + "fields: body, topic", err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", "--index", data.toString(), "--field", "topic", "-o",
        output));
    assertTrue(err.toString().startsWith("seqnlp train-vectors: error: " + data.resolve("index")
        + ": field 'topic' has no stored text in any of the 150 documents"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    err.getBuffer().setLength(0);
    Path notAnIndex = Files.createDirectories(directory.resolve("empty"));
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", "--index", notAnIndex.toString(), "--field", "body", "-o",
        output));
    assertTrue(err.toString().contains(notAnIndex + ": not a Lucene index"), err.toString());
    assertFalse(Files.exists(Path.of(output)));
  }

  @Test
  void theCorpusIsFilesOrAnIndexFieldNeverBothOrNeither() throws IOException {
    Path corpus = corpus();
    String output = directory.resolve("v.bin").toString();
    String index = directory.toString();
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", "-o", output));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus.toString(), "--index", index, "--field", "body",
        "-o", output));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", "--index", index, "-o", output));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus.toString(), "--field", "body", "-o", output));
    assertTrue(err.toString().contains("--field needs --index"), err.toString());
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Test
  void helpShowsTheDefaultsOfTheSettingsForEachModel() {
    assertEquals(0, run("train-vectors", "--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    for (String expected : List.of("Vector dimensions (default: 100)",
        "Context window (default: 5 sg, 5 cbow, 10 glove)", "co-occurrences (default: 5 sg, 5 cbow, 15 glove)",
        "Start learning rate (default: 0.025 sg, 0.05 cbow, 0.05 glove)", "0 = off (default: 1.0E-4)",
        "full weight (default: 100.0)", "Worker threads (default: " + Word2VecSettings.DEFAULTS.threads() + ",")) {
      assertTrue(help.contains(expected), expected + " in " + help);
    }
  }

  /** One option sets these for both records, with one default. */
  @Test
  void dimensionsThreadsAndSeedDefaultAlikeForWord2VecAndGloVe() {
    Word2VecSettings word2vec = Word2VecSettings.DEFAULTS;
    GloVeSettings glove = GloVeSettings.DEFAULTS;
    assertEquals(List.of(word2vec.dimension(), word2vec.threads(), word2vec.seed()),
        List.of(glove.dimension(), glove.threads(), glove.seed()));
  }

  @Test
  void trainsEachModelAndWritesTheRequestedFormat() throws IOException {
    Path corpus = corpus();
    for (String model : new String[] {"sg", "cbow", "glove"}) {
      Path output = directory.resolve(model + ".txt");
      assertEquals(0, run("train-vectors", corpus.toString(), "-o", output.toString(), "--model", model,
          "--format", "word2vec-text", "--dim", "10", "--epochs", "2", "--threads", "1"), err.toString());
      WordVectors vectors = VectorFiles.read(output, VectorFormat.WORD2VEC_TEXT);
      assertEquals(9, vectors.size(), model);
      assertEquals(10, vectors.dimension());
      assertEquals("the", vectors.word(0), "most frequent word first");
    }
    assertTrue(out.toString().contains("9 words x 10 dimensions"), out.toString());
  }

  @Test
  void anEnsembleIsItsMembersUnitVectorsSideBySide() throws IOException {
    Path corpus = corpus();
    String[] settings = {"--format", "word2vec-text", "--dim", "6", "--epochs", "2", "--threads", "1"};
    Path ensemble = directory.resolve("ensemble.txt");
    assertEquals(0, run(concat(new String[] {"train-vectors", corpus.toString(), "-o", ensemble.toString(),
        "--ensemble", "2", "--seed", "5"}, settings)), err.toString());
    assertTrue(out.toString().contains("9 words x 12 dimensions, an ensemble of 2 trainings (seeds 5 to 6), from"),
        out.toString());
    assertTrue(err.toString().contains("ensemble member 2 of 2 (seed 6)"), err.toString());
    WordVectors members = VectorFiles.read(ensemble, VectorFormat.WORD2VEC_TEXT);
    for (int seed = 5; seed <= 6; seed++) {
      Path single = directory.resolve("seed" + seed + ".txt");
      assertEquals(0, run(concat(new String[] {"train-vectors", corpus.toString(), "-o", single.toString(), "--seed",
          "" + seed}, settings)), err.toString());
      WordVectors member = VectorFiles.read(single, VectorFormat.WORD2VEC_TEXT);
      float[] expected = member.vector(1);
      double squares = 0;
      for (float value : expected) {
        squares += value * value;
      }
      for (int d = 0; d < 6; d++) {
        assertEquals(expected[d] / Math.sqrt(squares), members.get(1, (seed - 5) * 6 + d), 1e-5,
            "seed " + seed + ", dimension " + d);
      }
    }
  }

  @Test
  void joinedVectorsAreTheTrainedUnitVectorsBesideTheGeneralOnes() throws IOException {
    Path corpus = corpus();
    String[] settings = {"--format", "word2vec-text", "--dim", "6", "--epochs", "2", "--threads", "1"};
    Path trained = directory.resolve("trained.txt");
    assertEquals(0, run(concat(new String[] {"train-vectors", corpus.toString(), "-o", trained.toString()}, settings)),
        err.toString());
    // general vectors of another width, holding two of the corpus's words
    Path general = Files.writeString(directory.resolve("general.txt"), "3 2\ncat 3 4\nzebra 1 0\ncar 0 -2\n");
    Path joined = directory.resolve("joined.txt");
    assertEquals(0, run(concat(new String[] {"train-vectors", corpus.toString(), "-o", joined.toString(), "--join",
        general.toString()}, settings)), err.toString());
    assertTrue(out.toString().matches("(?s).*9 words x 8 dimensions, joined with " + Pattern.quote(general.toString())
        + ", which holds 2 of them, from [0-9,]+ corpus tokens in 1 file, .*"), out.toString());
    assertTrue(out.toString().contains("note: " + general + " lacks 7 of the 9 words; between one of them and a word"
        + " it holds, a cosine is the trained one / sqrt(2)"), out.toString());
    Path most = Files.writeString(directory.resolve("most.txt"), "5 2\nthe 1 0\ncat 0 1\ndog 1 1\ncar 1 2\nbus 2 1\n");
    out.getBuffer().setLength(0);
    assertEquals(0, run(concat(new String[] {"train-vectors", corpus.toString(), "-o",
        directory.resolve("most-joined.txt").toString(), "--join", most.toString()}, settings)), err.toString());
    assertTrue(out.toString().contains("which holds 5 of them") && !out.toString().contains("note:"), out.toString());
    WordVectors own = VectorFiles.read(trained, VectorFormat.WORD2VEC_TEXT);
    WordVectors both = VectorFiles.read(joined, VectorFormat.WORD2VEC_TEXT);
    assertEquals(own.size(), both.size());
    for (int row = 0; row < own.size(); row++) {
      String word = own.word(row);
      assertEquals(word, both.word(row));
      float[] expected = own.vector(row);
      double norm = Math.sqrt(IntStream.range(0, 6).mapToDouble(d -> expected[d] * expected[d]).sum());
      for (int d = 0; d < 6; d++) {
        assertEquals(expected[d] / norm, both.get(row, d), 1e-5, word);
      }
      float[] generalHalf = {both.get(row, 6), both.get(row, 7)};
      float[] want = switch (word) {
        case "cat" -> new float[] {0.6f, 0.8f};
        case "car" -> new float[] {0, -1};
        default -> new float[] {0, 0};
      };
      assertArrayEquals(want, generalHalf, 1e-6f, word);
    }
    Path ensemble = directory.resolve("ensemble.txt");
    assertEquals(0, run(concat(new String[] {"train-vectors", corpus.toString(), "-o", ensemble.toString(), "--join",
        general.toString(), "--ensemble", "2"}, settings)), err.toString());
    assertTrue(out.toString().contains("9 words x 14 dimensions, an ensemble of 2 trainings (seeds 1 to 2), joined"
        + " with " + general + ", which holds 2 of them, from"), out.toString());
  }

  @Test
  void badJoinsFailBeforeAnyTraining() throws IOException {
    String corpus = corpus().toString();
    Path output = directory.resolve("v.bin");
    Path general = Files.writeString(directory.resolve("general.txt"), "1 2\ncat 3 4\n");
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--join",
        general.toString(), "--subwords", "3,5"));
    assertTrue(err.toString().contains("--join cannot keep subword vectors"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--join",
        general.toString(), "--ensemble", "10", "--dim", "1000"));
    assertTrue(err.toString().contains("--join " + general + ": 10,000 + 2 dimensions are 10,002, more than the"
        + " 10,000"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", general.toString(), "--join",
        general.toString()));
    Path broken = Files.writeString(directory.resolve("broken.txt"), "1 2\ncat 3\n");
    Path elsewhere = Files.writeString(directory.resolve("elsewhere.txt"), "1 2\nzebra 3 4\n");
    // the corpus is checked before the join is read, and the join read before the corpus is
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", directory.resolve("missing").toString(), "-o",
        output.toString(), "--join", broken.toString()));
    assertTrue(err.toString().contains("missing") && !err.toString().contains(broken.toString()), err.toString());
    Path absent = directory.resolve("absent.bin");
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", corpus, "-o", output.toString(), "--join",
        absent.toString()));
    assertTrue(err.toString().contains("seqnlp train-vectors: error: " + absent + ": no such vector file"),
        err.toString());
    PrintStream standardErr = System.err;
    ByteArrayOutputStream progressOfBroken = new ByteArrayOutputStream();
    ByteArrayOutputStream progressOfElsewhere = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(progressOfBroken, true, StandardCharsets.UTF_8));
      assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", corpus, "-o", output.toString(), "--join",
          broken.toString()));
      System.setErr(new PrintStream(progressOfElsewhere, true, StandardCharsets.UTF_8));
      assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", corpus, "-o", output.toString(), "--join",
          elsewhere.toString()));
    } finally {
      System.setErr(standardErr);
    }
    assertTrue(err.toString().contains(broken.toString()), err.toString());
    assertFalse(progressOfBroken.toString(StandardCharsets.UTF_8).contains("reading corpus"),
        progressOfBroken.toString(StandardCharsets.UTF_8));
    // whether the join holds a word is known once the corpus is read, still before training
    String elsewhereProgress = progressOfElsewhere.toString(StandardCharsets.UTF_8);
    assertTrue(elsewhereProgress.contains("reading corpus") && !elsewhereProgress.contains("training"),
        elsewhereProgress);
    assertTrue(err.toString().contains(elsewhere + ": holds none of the corpus's 9 words (looked up as written);"
        + " nothing was trained"), err.toString());
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", corpus, "-o", output.toString(), "--join",
        elsewhere.toString(), "--no-lowercase"));
    assertTrue(err.toString().contains("(looked up as written, and --no-lowercase keeps their case); nothing was"
        + " trained"), err.toString());
    Path subwordVectors = directory.resolve("subwords.seqnlp");
    assertEquals(0, run("train-vectors", corpus, "-o", subwordVectors.toString(), "--subwords", "3,4", "--buckets",
        "100", "--dim", "4", "--epochs", "1", "--threads", "1"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--join",
        subwordVectors.toString()));
    assertTrue(err.toString().contains("the general vectors have subword vectors, which a join would leave unused"),
        err.toString());
    assertFalse(Files.exists(output));
    assertEquals("1 2\ncat 3 4\n", Files.readString(general));
  }

  @Test
  void badEnsemblesAreUsageErrorsBeforeAnyTraining() throws IOException {
    String corpus = corpus().toString();
    Path output = directory.resolve("v.bin");
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--ensemble", "0"));
    assertTrue(err.toString().contains("--ensemble must be an integer in [1, 16], got 0"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--ensemble", "17"));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--ensemble", "2",
        "--subwords", "3,5"));
    assertTrue(err.toString().contains("--ensemble cannot combine subword vectors"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--ensemble", "11",
        "--dim", "1000"));
    assertTrue(err.toString().contains("--ensemble 11: 11 trainings x 1000 dimensions are 11,000 dimensions"),
        err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output.toString(), "--ensemble", "2",
        "--seed", String.valueOf(Long.MAX_VALUE)));
    assertTrue(err.toString().contains("--seed 9223372036854775807 with --ensemble 2: the last seed,"
        + " 9223372036854775807 + 1, passes the largest, 9223372036854775807"), err.toString());
    assertFalse(Files.exists(output));
  }

  @Test
  void badOptionValuesAreUsageErrors() throws IOException {
    Path corpus = corpus();
    String output = directory.resolve("v.bin").toString();
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus.toString(), "-o", output, "--format", "xml"));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus.toString(), "-o", output, "--dim", "0"));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus.toString(), "-o", output, "--model", "lsa"));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus.toString(), "-o", output, "--min-count", "0"));
    for (String[] notApplying : new String[][] {{"glove", "--negative", "5"}, {"glove", "--sample", "0"},
        {"sg", "--x-max", "10"}, {"cbow", "--x-max", "10"}}) {
      err.getBuffer().setLength(0);
      assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus.toString(), "-o", output, "--model",
          notApplying[0], notApplying[1], notApplying[2]));
      assertTrue(err.toString().startsWith("seqnlp train-vectors: " + notApplying[1] + " does not apply to --model "
          + notApplying[0]), err.toString());
    }
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", directory.resolve("none.txt").toString(),
        "-o", output));
  }

  @Test
  void evaluatesVectorsListsNeighboursAndPlots() throws IOException {
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    Path vectors = fixtureVectors();
    Path plot = directory.resolve("plot.png");
    assertEquals(0, run("eval-vectors", vectors.toString(), "--data", data.toString(), "--neighbours",
        "king,nothing", "--plot", plot.toString(), "--plot-words", "king,queen,man,woman"), err.toString());
    String report = out.toString();
    assertTrue(report.contains("analogy coverage: 4 / 5 questions"), report);
    assertTrue(report.contains("analogy 3CosAdd: total 100.00%"), report);
    assertTrue(report.contains("WordSim-353  Spearman 1.000 over 3 / 4 pairs"), report);
    assertTrue(report.contains("neighbours of king: man 1.00, queen 0.95"), report);
    assertTrue(report.contains("neighbours of nothing: (not in the vocabulary)"), report);
    assertTrue(Files.size(plot) > 0);
  }

  @Test
  void missingTestSetsFailWithTheDirectoryNamed() throws IOException {
    Path vectors = fixtureVectors();
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-vectors", vectors.toString(), "--data", directory.toString()));
    assertTrue(err.toString().contains("test set missing"), err.toString());
  }

  @Test
  void trainsSubwordVectorsWhoseFileGivesUnseenWordsVectors() throws IOException {
    Path corpus = corpus();
    Path output = directory.resolve("subwords.seqnlp");
    assertEquals(0, run("train-vectors", corpus.toString(), "-o", output.toString(), "--subwords", "3,5",
        "--buckets", "1000", "--dim", "10", "--epochs", "2", "--threads", "1"), err.toString());
    assertEquals(VectorFormat.SEQNLP, VectorFiles.detect(output), "seqnlp is the default with --subwords");
    WordVectors vectors = VectorFiles.read(output);
    assertEquals(9, vectors.size());
    assertEquals(new CharacterNgrams(3, 5, 1000), vectors.subwords().orElseThrow().ngrams());
    assertEquals(10, vectors.vectorOf("horses").length, "an unseen word gets a vector from its n-grams");
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    assertEquals(0, run("eval-vectors", output.toString(), "--data", data.toString()), err.toString());
    assertTrue(out.toString().contains("WordSim-353  Spearman n/a over 0 / 4 pairs\n"), out.toString());
    assertTrue(out.toString().matches("(?s).*WordSim-353  Spearman -?[0-9.]+ over 4 / 4 pairs, unseen words by"
        + " their n-gram vectors\n.*"), out.toString());

    Path text = directory.resolve("subwords.txt");
    assertEquals(0, run("train-vectors", corpus.toString(), "-o", text.toString(), "--subwords", "3,5",
        "--buckets", "1000", "--dim", "10", "--epochs", "1", "--threads", "1", "--format", "word2vec-text"));
    assertEquals(9, VectorFiles.read(text, VectorFormat.WORD2VEC_TEXT).size());
    assertTrue(out.toString().contains("word2vec-text holds the vocabulary's vectors only"), out.toString());
  }

  @Test
  void subwordOptionsOutOfRangeAreUsageErrors() throws IOException {
    String corpus = corpus().toString();
    String output = directory.resolve("v.seqnlp").toString();
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output, "--subwords", "3"));
    assertTrue(err.toString().contains("--subwords takes MIN,MAX character lengths, e.g. 3,6; got [3]"),
        err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output, "--subwords", "6,3"));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output, "--subwords", "3,6", "--model",
        "cbow"));
    assertTrue(err.toString().contains("--subwords trains skip-gram (--model sg), not cbow"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output, "--subwords", "3,6", "--model",
        "glove"));
    assertTrue(err.toString().contains("--subwords trains skip-gram (--model sg), not glove"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output, "--subwords", "3,6", "--buckets",
        "30000000", "--dim", "100"));
    assertTrue(err.toString().contains("--buckets 30000000 x --dim 100 are more values than one Java array holds"),
        err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output, "--subwords", "3,6", "--buckets",
        "0"));
    assertEquals(SeqNlp.EXIT_USAGE, run("train-vectors", corpus, "-o", output, "--buckets", "1000"));
    assertTrue(err.toString().contains("--buckets needs --subwords"), err.toString());
  }

  @Test
  void convertsBetweenFormatsAndToEightBitRows() throws IOException {
    Path binary = fixtureVectors();
    Path compact = directory.resolve("fixture.seqnlp");
    assertEquals(0, run("convert-vectors", binary.toString(), "-o", compact.toString(), "--format", "seqnlp-int8"),
        err.toString());
    assertEquals(VectorFormat.SEQNLP_INT8, VectorFiles.detect(compact));
    assertTrue(out.toString().contains("10 words x 2 dimensions (seqnlp-int8), " + String.format(Locale.ROOT,
        "%,d bytes from %,d\n", Files.size(compact), Files.size(binary))), out.toString());
    WordVectors read = VectorFiles.read(compact);
    assertEquals(EvaluationFixtures.vectors().word(3), read.word(3));
    assertEquals(1.2f, read.get(3, 1), 3f / 127);

    Path text = directory.resolve("fixture.txt");
    assertEquals(0, run("convert-vectors", compact.toString(), "-o", text.toString(), "--format", "word2vec-text"));
    assertEquals(10, VectorFiles.read(text, VectorFormat.WORD2VEC_TEXT).size());
    assertEquals(SeqNlp.EXIT_USAGE, run("convert-vectors", binary.toString(), "-o", text.toString(), "--format",
        "csv"));
    assertEquals(SeqNlp.EXIT_USAGE, run("convert-vectors", binary.toString(), "-o", binary.toString(), "--format",
        "seqnlp"));
    assertEquals(SeqNlp.EXIT_FAILURE, run("convert-vectors", directory.resolve("none.bin").toString(), "-o",
        text.toString(), "--format", "seqnlp"));
    assertTrue(err.toString().contains("none.bin: no such vector file"), err.toString());
  }

  /** Every command that reads vectors takes auto for the detected format, and names its option for a bad one. */
  @Test
  void vectorFormatOptionsTakeAutoAndNameThemselvesWhenWrong() throws IOException {
    Path binary = fixtureVectors();
    Path text = directory.resolve("fixture.txt");
    assertEquals(0, run("convert-vectors", binary.toString(), "--input-format", "AUTO", "-o", text.toString(),
        "--format", "word2vec-text"), err.toString());
    assertEquals(10, VectorFiles.read(text, VectorFormat.WORD2VEC_TEXT).size());
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    assertEquals(0, run("eval-vectors", text.toString(), "--format", "auto", "--data", data.toString()),
        err.toString());
    assertTrue(out.toString().contains("WordSim-353  Spearman 1.000"), out.toString());
    String output = directory.resolve("x.txt").toString();
    String[][] wrongs = {
        {"convert-vectors", binary.toString(), "-o", output, "--format", "glove", "--input-format", "csv"},
        {"convert-vectors", binary.toString(), "-o", output, "--format", "csv"},
        {"eval-vectors", binary.toString(), "--data", data.toString(), "--format", "csv"}};
    for (String[] wrong : wrongs) {
      err.getBuffer().setLength(0);
      assertEquals(SeqNlp.EXIT_USAGE, run(wrong), String.join(" ", wrong));
      assertTrue(err.toString().startsWith("seqnlp " + wrong[0] + ": " + wrong[wrong.length - 2]
          + ": unknown vector format 'csv'"), err.toString());
    }
  }

  @Test
  void convertingFromAPipeGivesNoSizeOfThePipe() throws Exception {
    Path binary = fixtureVectors();
    NamedPipes.Writing writing = NamedPipes.withContent(directory.resolve("pipe"), Files.readAllBytes(binary));
    Path text = directory.resolve("piped.txt");
    assertEquals(0, run("convert-vectors", directory.resolve("pipe").toString(), "-o", text.toString(), "--format",
        "word2vec-text"), err.toString());
    writing.finish();
    assertTrue(out.toString().startsWith(text + ": 10 words x 2 dimensions (word2vec-text), "
        + String.format(Locale.ROOT, "%,d bytes\n", Files.size(text))), out.toString());
  }

  @Test
  void aDl4jZipCountsTheWordsItHoldsAndSaysWhichItLeftOut() throws IOException {
    Path text = Files.writeString(directory.resolve("zero.txt"), "3 2\nfoo 1 2\nzero 0 0\nbar 2 1\n");
    Path zip = directory.resolve("zero.zip");
    assertEquals(0, run("convert-vectors", text.toString(), "-o", zip.toString(), "--format", "dl4j-zip"),
        err.toString());
    assertTrue(out.toString().startsWith(zip + ": 2 words x 2 dimensions (dl4j-zip)"), out.toString());
    assertTrue(out.toString().contains("left out 1 zero vector: Lucene's word2vec reader"), out.toString());
    assertEquals(2, VectorFiles.read(zip).size());
  }

  @Test
  void aDivergedTrainingIsAFailureAndWritesNothing() throws IOException {
    Path corpus = Files.writeString(directory.resolve("corpus.txt"), "the cat sat on the mat\n".repeat(200));
    Path output = directory.resolve("diverged.bin");
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", corpus.toString(), "-o", output.toString(), "--min-count",
        "1", "--model", "glove", "--learning-rate", "10", "--dim", "20"), err.toString());
    assertTrue(err.toString().startsWith("seqnlp train-vectors: error: training diverged: "), err.toString());
    assertFalse(Files.exists(output));
  }

  @Test
  void plotsByTsneWithAPerplexityBelowTheWords() throws IOException {
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    Path vectors = fixtureVectors();
    Path plot = directory.resolve("tsne.png");
    assertEquals(0, run("eval-vectors", vectors.toString(), "--data", data.toString(), "--plot", plot.toString(),
        "--plot-method", "tsne", "--perplexity", "2", "--seed", "3", "--plot-words",
        "king,queen,man,woman,good,bad,apple"), err.toString());
    assertTrue(out.toString().contains("plot: " + plot + " (7 of 7 words; t-SNE (exact), perplexity 2, seed 3,"),
        out.toString());
    assertTrue(Files.size(plot) > 0);
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-vectors", vectors.toString(), "--data", data.toString(),
        "--perplexity", "0"));
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-vectors", vectors.toString(), "--data", data.toString(), "--plot",
        plot.toString(), "--plot-method", "tsne", "--plot-words", "king,queen,man,woman,nothing"));
    assertTrue(err.toString().contains("--perplexity: t-SNE with perplexity 30.0 needs more than 30 points, got 4;"
        + " lower the perplexity (the plot words with a vector)"), err.toString());
  }

  @Test
  void aPlotThatCannotBeWrittenIsOneLineNamingTheFile() throws IOException {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-vectors", fixtureVectors().toString(), "--data", data.toString(),
        "--plot", full.toString(), "--plot-words", "king,queen,man,woman"));
    assertEquals("seqnlp eval-vectors: error: /dev/full: cannot write: No space left on device",
        err.toString().strip());
  }

  @Test
  void plotOptionsWithoutAPlotOrWithoutTsneAreUsageErrors() throws IOException {
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    Path vectors = fixtureVectors();
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-vectors", vectors.toString(), "--data", data.toString(),
        "--plot-method", "tsne", "--seed", "2"));
    assertTrue(err.toString().contains("--plot-method, --seed do nothing without --plot PNG"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-vectors", vectors.toString(), "--data", data.toString(),
        "--plot-words", "king,queen"));
    assertTrue(err.toString().contains("--plot-words does nothing without --plot PNG"), err.toString());
    Path plot = directory.resolve("pca.png");
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-vectors", vectors.toString(), "--data", data.toString(), "--plot",
        plot.toString(), "--perplexity", "2"));
    assertTrue(err.toString().contains("--perplexity does nothing without --plot-method tsne"), err.toString());
    assertFalse(Files.exists(plot));
  }

  @Test
  void evaluatesVectorsReadFromAPipeInTheFormatDetected() throws Exception {
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    Path file = fixtureVectors();
    NamedPipes.Writing writing = NamedPipes.withContent(directory.resolve("pipe"), Files.readAllBytes(file));
    assertEquals(0, run("eval-vectors", directory.resolve("pipe").toString(), "--data", data.toString()),
        err.toString());
    writing.finish();
    assertTrue(out.toString().contains("(word2vec-binary)\n"), out.toString());
    assertTrue(out.toString().contains("analogy 3CosAdd: total 100.00%"), out.toString());
  }
}

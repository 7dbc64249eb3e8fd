package org.seqnlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.io.TemporaryFiles;
import org.seqnlp.lucene.expansion.SemanticExpansionFilter;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.NeighbourLookup;
import org.seqnlp.vectors.NeighbourTable;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import org.seqnlp.vectors.kernels.Vectorization;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqnlp expansion-latency}: measures what query expansion costs: the load time of a vector file in the binary and text formats,
 * and the latency of expanding one query term through {@link SemanticExpansionFilter} with an exact
 * vocabulary scan (the plain-Java one and, when the JVM runs SIMD kernels, the code scan) and with a
 * precomputed neighbour table, and the time to build the table both ways, in the same run.
 *
 * <p>Random Gaussian vectors stand in for real ones unless {@code --vectors} names a file; their
 * values are rounded to six decimals, as the C word2vec tool writes text.
 */
@Command(name = "expansion-latency", mixinStandardHelpOptions = true,
    description = "Load time of word-vector files and per-term latency of semantic query expansion.")
final class ExpansionLatencyCommand implements Callable<Integer> {

  @Option(names = "--words", defaultValue = "100000", description = "Vocabulary of the random vectors; with --vectors,"
      + " how many of the file's first (most frequent) words are searched (default: ${DEFAULT-VALUE}).")
  int words;

  @Option(names = "--load-dimension", defaultValue = "300",
      description = "Dimension of the random vectors written and loaded to time loading; 0 skips it (default:"
          + " ${DEFAULT-VALUE}).")
  int loadDimension;

  @Option(names = "--dimension", defaultValue = "100",
      description = "Dimension of the random vectors searched to time expansion (default: ${DEFAULT-VALUE}).")
  int dimension;

  @Option(names = "--vectors", description = "A real vector file to search instead of random vectors.")
  Path vectors;

  @Option(names = "--terms", defaultValue = "1000",
      description = "Query terms timed per method (default: ${DEFAULT-VALUE}).")
  int terms;

  @Option(names = "--max-expansions", defaultValue = "3",
      description = "Neighbours added per term, as the filter's maxExpansions (default: ${DEFAULT-VALUE}).")
  int maxExpansions;

  @Option(names = "--min-similarity", defaultValue = "0.1",
      description = "Cosine threshold; random vectors are far apart, so it is low by default to emit expansions"
          + " (default: ${DEFAULT-VALUE}).")
  float minSimilarity;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the random vectors and query terms (default:"
      + " ${DEFAULT-VALUE}).")
  long seed;

  private static final int LOAD_REPETITIONS = 3;
  private static final int MAX_RANDOM_WORDS = 10_000_000;
  private static final int MAX_TERMS = 10_000_000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private PrintWriter out;

  @Override
  public Integer call() throws IOException {
    checkOptions();
    if (vectors != null) {
      // before the load benchmark, which writes and reads files for a while
      InputPaths.requireFile(vectors, "vector file");
    }
    out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d processors, load average %.1f, max heap %,d MB%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
    if (loadDimension > 0) {
      timeLoading(randomVectors(words, loadDimension, seed));
    }
    WordVectors searched = vectors != null ? firstWords(VectorFiles.read(vectors), words)
        : randomVectors(words, dimension, seed + 1);
    timeExpansion(searched);
    out.flush();
    return 0;
  }

  private void checkOptions() {
    OptionRange.require(spec, "--words", words, 1, MAX_RANDOM_WORDS);
    OptionRange.require(spec, "--load-dimension", loadDimension, 0, OptionRange.MAX_DIMENSION);
    OptionRange.require(spec, "--dimension", dimension, 1, OptionRange.MAX_DIMENSION);
    OptionRange.require(spec, "--terms", terms, 1, MAX_TERMS);
    OptionRange.require(spec, "--max-expansions", maxExpansions, 1, SemanticExpansionFilter.MAX_EXPANSIONS);
    OptionRange.requirePositive(spec, "--min-similarity", minSimilarity, 1);
    if (!ArrayLimits.fitsRows(words, Math.max(loadDimension, dimension))) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--words x --dimension must be at most "
          + ArrayLimits.MAX_LENGTH + " values, the most one Java array holds");
    }
  }

  private void timeLoading(WordVectors written) throws IOException {
    Path directory = TemporaryFiles.createDirectory("expansion-latency");
    try {
      for (VectorFormat format : List.of(VectorFormat.WORD2VEC_BINARY, VectorFormat.WORD2VEC_TEXT)) {
        Path file = directory.resolve("vectors." + format.id());
        VectorFiles.write(written, file, format);
        double[] seconds = new double[LOAD_REPETITIONS];
        for (int i = 0; i < seconds.length; i++) {
          long start = System.nanoTime();
          WordVectors read = VectorFiles.read(file);
          seconds[i] = (System.nanoTime() - start) / 1e9;
          if (read.size() != written.size()) {
            throw new IllegalStateException("read " + read.size() + " of " + written.size() + " words");
          }
        }
        Arrays.sort(seconds);
        out.printf(Locale.ROOT, "load %,d x %d %s (%,.1f MB, format detected, file in page cache): median of %d"
            + " %.2f s, best %.2f s%n", written.size(), written.dimension(), format.id(), Files.size(file) / 1e6,
            seconds.length, seconds[seconds.length / 2], seconds[0]);
        if (format == VectorFormat.WORD2VEC_TEXT) {
          out.printf(Locale.ROOT, "  the same with String.split and Float.parseFloat per line: %.2f s%n",
              secondsToSplitAndParse(file, written.dimension()));
        }
        Files.delete(file);
      }
    } finally {
      TemporaryFiles.delete(directory);
    }
  }

  /** The obvious text reader, as the baseline the byte-level reader has to beat. */
  private static double secondsToSplitAndParse(Path file, int dimension) throws IOException {
    long start = System.nanoTime();
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String[] header = reader.readLine().split(" ");
      float[] matrix = new float[Integer.parseInt(header[0]) * dimension];
      int offset = 0;
      for (String line; (line = reader.readLine()) != null; ) {
        String[] fields = line.split(" ");
        for (int i = 1; i < fields.length; i++) {
          matrix[offset++] = Float.parseFloat(fields[i]);
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Times the plain-Java scan (every row scored, as before the SIMD kernels) and, when the JVM runs them,
   * the SIMD code scan, for single terms and for the neighbour table, and checks that both find the same
   * neighbours.
   */
  private void timeExpansion(WordVectors searched) throws IOException {
    String[] queryTerms = sampleTerms(searched, terms, seed + 2);
    out.printf(Locale.ROOT, "kernels: %s%n", Vectorization.describe());
    out.printf(Locale.ROOT, "expansion of %,d terms in %,d words x %d dimensions, maxExpansions %d,"
        + " minSimilarity %.2f, one thread:%n", queryTerms.length, searched.size(), searched.dimension(),
        maxExpansions, minSimilarity);
    NearestNeighbours plain = new NearestNeighbours(searched, Vectorization.scalar());
    long plainCpu = report("plain scan", plain, queryTerms);
    NearestNeighbours simd = Vectorization.simd().map(kernels -> new NearestNeighbours(searched, kernels))
        .orElse(null);
    if (simd != null) {
      long simdCpu = report("SIMD code scan", simd, queryTerms);
      out.printf(Locale.ROOT, "  CPU time ratio plain / SIMD: %.1f; same neighbours for every term: %s%n",
          plainCpu / (double) simdCpu, sameNeighbours(plain, simd, queryTerms) ? "yes" : "NO");
    }
    TimedTable table = timeTable("plain scan", plain, null);
    if (simd != null) {
      TimedTable simdTable = timeTable("SIMD panel scan", simd, table);
      out.printf(Locale.ROOT, "  same table: %s%n", sameNeighbours(table.table(), simdTable.table(),
          allWords(searched)) ? "yes" : "NO");
      table = simdTable;
    }
    report("neighbour table", table.table(), queryTerms);
  }

  /** A table and the process CPU nanoseconds its build took, JIT and collector threads included. */
  private record TimedTable(NeighbourTable table, long cpu) {}

  private TimedTable timeTable(String method, NearestNeighbours search, TimedTable baseline) {
    com.sun.management.OperatingSystemMXBean system =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long startCpu = system.getProcessCpuTime();
    long start = System.nanoTime();
    NeighbourTable table;
    try (Progress progress = Progress.start("neighbour table, " + method, search.vectors().size(), "words")) {
      table = search.table(maxExpansions, progress);
    }
    long cpu = system.getProcessCpuTime() - startCpu;
    out.printf(Locale.ROOT, "  neighbour table built by the %s in %.1f s (%.1f s of process CPU) on %d threads%s%n",
        method, (System.nanoTime() - start) / 1e9, cpu / 1e9, Runtime.getRuntime().availableProcessors(),
        baseline == null ? "" : String.format(Locale.ROOT, "; CPU time ratio plain / SIMD: %.1f",
            baseline.cpu() / (double) cpu));
    return new TimedTable(table, cpu);
  }

  private boolean sameNeighbours(NeighbourLookup expected, NeighbourLookup actual, String[] words) {
    for (String word : words) {
      if (!expected.nearest(word, maxExpansions, -1).equals(actual.nearest(word, maxExpansions, -1))) {
        return false;
      }
    }
    return true;
  }

  private static String[] allWords(WordVectors vectors) {
    String[] words = new String[vectors.size()];
    for (int row = 0; row < words.length; row++) {
      words[row] = vectors.word(row);
    }
    return words;
  }

  /**
   * Nanoseconds to expand each term, by the given clock, after an untimed pass over the same terms to
   * warm up the JIT.
   */
  private long[] latencies(NeighbourLookup neighbours, String[] queryTerms, LongSupplier clock)
      throws IOException {
    WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
    TokenStream filter = new SemanticExpansionFilter(tokenizer, neighbours, maxExpansions, minSimilarity,
        SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT, CharArraySet.EMPTY_SET, false);
    for (String term : queryTerms) {
      expand(tokenizer, filter, term);
    }
    long[] nanos = new long[queryTerms.length];
    for (int i = 0; i < queryTerms.length; i++) {
      long start = clock.getAsLong();
      expand(tokenizer, filter, queryTerms[i]);
      nanos[i] = clock.getAsLong() - start;
    }
    return nanos;
  }

  private static void expand(WhitespaceTokenizer tokenizer, TokenStream filter, String term) throws IOException {
    tokenizer.setReader(new StringReader(term));
    filter.reset();
    while (filter.incrementToken()) {
      // consumed for its cost only
    }
    filter.end();
    filter.close();
  }

  /**
   * Prints wall-clock latency, then the thread's CPU time per term, which a machine shared with other
   * work inflates less (its clock costs about a microsecond a reading, which inflates short lookups);
   * returns the median CPU nanoseconds.
   */
  private long report(String method, NeighbourLookup neighbours, String[] queryTerms) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] wall = latencies(neighbours, queryTerms, System::nanoTime);
    long[] cpu = latencies(neighbours, queryTerms, threads::getCurrentThreadCpuTime);
    Arrays.sort(wall);
    Arrays.sort(cpu);
    out.printf(Locale.ROOT, "  %-16s median %s, p99 %s, max %s; CPU time median %s, p99 %s%n", method + ":",
        format(percentile(wall, 0.5)), format(percentile(wall, 0.99)), format(wall[wall.length - 1]),
        format(percentile(cpu, 0.5)), format(percentile(cpu, 0.99)));
    return percentile(cpu, 0.5);
  }

  private static long percentile(long[] sorted, double fraction) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  }

  private static String format(long nanos) {
    return nanos < 1_000_000 ? String.format(Locale.ROOT, "%.1f µs", nanos / 1e3)
        : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  /** The first {@code count} words of {@code vectors} (all of them if it has fewer), without subword vectors. */
  static WordVectors firstWords(WordVectors vectors, int count) {
    int kept = Math.min(count, vectors.size());
    int dimension = vectors.dimension();
    List<String> words = new ArrayList<>(kept);
    float[] matrix = new float[kept * dimension];
    for (int row = 0; row < kept; row++) {
      words.add(vectors.word(row));
      System.arraycopy(vectors.vector(row), 0, matrix, row * dimension, dimension);
    }
    return new WordVectors(words, dimension, matrix);
  }

  private static String[] sampleTerms(WordVectors vectors, int count, long seed) {
    Random random = new Random(seed);
    String[] sampled = new String[count];
    for (int i = 0; i < count; i++) {
      sampled[i] = vectors.word(random.nextInt(vectors.size()));
    }
    return sampled;
  }

  /** Gaussian vectors rounded to six decimals, named "w0", "w1", ... */
  static WordVectors randomVectors(int size, int dimension, long seed) {
    Random random = new Random(seed);
    List<String> vocabulary = new ArrayList<>(size);
    float[] matrix = new float[Math.multiplyExact(size, dimension)];
    for (int row = 0; row < size; row++) {
      vocabulary.add("w" + row);
    }
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = (float) (Math.round(random.nextGaussian() * 1e5) / 1e6);
    }
    return new WordVectors(vocabulary, dimension, matrix);
  }
}

package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.ObjectStream;
import org.seqnlp.eval.ner.VectorCoverage;
import org.seqnlp.io.LineReader;
import org.seqnlp.opennlp.formats.ConllNameSampleStream;
import org.seqnlp.opennlp.formats.CorpusCounts;
import org.seqnlp.opennlp.formats.OpenNlpNameSampleStream;
import org.seqnlp.opennlp.formats.PtbSentenceStream;
import org.seqnlp.opennlp.formats.TagScheme;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vocabulary.SpecialTokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqnlp data-stats}: counts in data files, to check a data set against its published figures. */
@Command(name = "data-stats", mixinStandardHelpOptions = true,
    description = {"Reads data files and prints, for each, its tokens, sentences, documents and entities"
        + " per type (for ptb: tokens, sentences, and tokens plus one <eos> a line, the N of perplexity).",
        "A malformed file stops with one line FILE:LINE: problem and exit code 1."})
final class DataStatsCommand implements Callable<Integer> {

  /** The file formats; the three CoNLL names read the same column format and are kept for clarity. */
  enum Format {
    CONLL03, CONLL02, WNUT, OPENNLP, PTB;

    boolean isConll() {
      return this == CONLL03 || this == CONLL02 || this == WNUT;
    }
  }

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "conll03, conll02 or wnut: CoNLL columns (2 to 5, tag last, -DOCSTART- lines);"
          + " opennlp: <START:type> ... <END> a line; ptb: one tokenised sentence a line.")
  Format format;

  @Option(names = "--scheme", paramLabel = "SCHEME",
      description = "CoNLL tag scheme: auto (default: any scheme, unchecked), iob1, iob2 or io (checked:"
          + " a tag sequence the scheme forbids is an error).")
  TagScheme scheme;

  @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
      description = "Character encoding of the files, e.g. ISO-8859-1 (default: ${DEFAULT-VALUE}).")
  Charset encoding;

  @Option(names = "--vectors", paramLabel = "FILE",
      description = "Word vectors (any vector format): also print the share of tokens, and of tokens inside names,"
          + " whose name-finder form (lowercased, digits folded) has a vector (CoNLL and opennlp formats).")
  Path vectors;

  @Option(names = "--vector-words", defaultValue = "0", paramLabel = "N",
      description = "With --vectors: count only the N most frequent vector words, as train-ner --max-vocabulary"
          + " keeps them; 0 = all (default: ${DEFAULT-VALUE}).")
  int vectorWords;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Data files, gzipped or not.")
  List<Path> files;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The vector coverage of the file being read, when --vectors is given. */
  private VectorCoverage coverage;

  @Override
  public Integer call() throws IOException {
    if (scheme != null && !format.isConll()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--scheme applies to the CoNLL formats only, not " + name(format));
    }
    if (!LineReader.supports(encoding)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--encoding must write line ends as single bytes, as UTF-8 and ISO-8859-1 do; " + encoding + " does not");
    }
    if (vectors != null && format == Format.PTB) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--vectors applies to named-entity data, not ptb");
    }
    OptionRange.require(spec, "--vector-words", vectorWords, 0, Integer.MAX_VALUE);
    if (vectorWords > 0 && vectors == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--vector-words needs --vectors");
    }
    WordVectors wordVectors = vectors == null ? null : VectorFiles.read(vectors);
    PrintWriter out = spec.commandLine().getOut();
    for (Path file : files) {
      coverage = wordVectors == null ? null : new VectorCoverage(wordVectors, vectorWords);
      // Counted in full before printing, so a malformed file leaves no partial report on stdout.
      Report report = new Report(file);
      switch (format) {
        case PTB -> countPtb(file, report);
        case OPENNLP -> countOpenNlp(file, report);
        default -> countConll(file, report);
      }
      out.print(report);
      out.flush();
    }
    return 0;
  }

  private void countConll(Path file, Report report) throws IOException {
    TagScheme chosen = scheme == null ? TagScheme.AUTO : scheme;
    try (ConllNameSampleStream samples = new ConllNameSampleStream(file, encoding, chosen)) {
      Counted counted = countSamples(samples, samples::documentCount);
      CorpusCounts counts = counted.counts();
      counts.addDocuments(samples.documentCount());
      String schemeNote = chosen != TagScheme.AUTO ? name(chosen) + " (checked)"
          : samples.detectedScheme().map(detected -> name(detected) + " (detected)").orElse("none detected");
      report.add("format", name(format) + ", tag scheme " + schemeNote);
      report.addNamedEntityCounts(counts);
      if (counted.beforeFirstDocument() > 0) {
        // the other commands clear the name finder's adaptive data at each of these too, not only at -DOCSTART-
        report.add("tagged as", String.format(Locale.ROOT, "%,d documents: each sentence before the first"
            + " -DOCSTART- is one", samples.documentCount() + counted.beforeFirstDocument()));
      }
      report.addCoverage(coverage);
    }
  }

  private void countOpenNlp(Path file, Report report) throws IOException {
    try (OpenNlpNameSampleStream samples = new OpenNlpNameSampleStream(file, encoding)) {
      report.add("format", name(format));
      report.addNamedEntityCounts(countSamples(samples, () -> 0).counts());
      report.addCoverage(coverage);
    }
  }

  /** Counts of a sample stream, and how many of its sentences come before its first document start line. */
  private record Counted(CorpusCounts counts, int beforeFirstDocument) {}

  /**
   * Counts sentences and entities; documents too where, as in OpenNLP's format, each start is flagged.
   *
   * @param documentLines the document start lines read so far ({@code -DOCSTART-}; none in other formats)
   */
  private Counted countSamples(ObjectStream<NameSample> samples, IntSupplier documentLines) throws IOException {
    CorpusCounts counts = new CorpusCounts();
    int beforeFirstDocument = 0;
    for (NameSample sample = samples.read(); sample != null; sample = samples.read()) {
      counts.add(sample);
      if (coverage != null) {
        coverage.add(sample);
      }
      if (format == Format.OPENNLP && sample.isClearAdaptiveDataSet()) {
        counts.addDocuments(1);
      }
      if (format != Format.OPENNLP && documentLines.getAsInt() == 0) {
        beforeFirstDocument++;
      }
    }
    return new Counted(counts, beforeFirstDocument);
  }

  private void countPtb(Path file, Report report) throws IOException {
    CorpusCounts counts = new CorpusCounts();
    try (PtbSentenceStream sentences = new PtbSentenceStream(file, encoding)) {
      for (List<String> sentence = sentences.read(); sentence != null; sentence = sentences.read()) {
        counts.addSentence(sentence.size());
      }
    }
    report.add("format", name(format));
    report.add("tokens", counts.tokens());
    report.add("sentences", counts.sentences());
    report.add("tokens + " + SpecialTokens.END_OF_SENTENCE, counts.tokens() + counts.sentences());
  }

  /** The lines printed for one file: its name, then one labelled value a line. */
  private static final class Report {

    private final StringBuilder text = new StringBuilder();

    Report(Path file) {
      text.append(file).append(System.lineSeparator());
    }

    void add(String label, long count) {
      add(label, String.format(Locale.ROOT, "%,d", count));
    }

    void add(String label, String value) {
      text.append(String.format(Locale.ROOT, "  %-16s %s", label, value)).append(System.lineSeparator());
    }

    void addNamedEntityCounts(CorpusCounts counts) {
      add("tokens", counts.tokens());
      add("sentences", counts.sentences());
      add("documents", counts.documents());
      add("entities", counts.entities());
      for (Map.Entry<String, Long> type : counts.entitiesByType().entrySet()) {
        add("  " + type.getKey(), type.getValue());
      }
    }

    void addCoverage(VectorCoverage coverage) {
      if (coverage != null) {
        add("with vectors", share(coverage.coveredTokens(), coverage.tokens()) + " of tokens");
        add("  in names", share(coverage.coveredEntityTokens(), coverage.entityTokens()) + " of name tokens");
      }
    }

    private static String share(long part, long whole) {
      return String.format(Locale.ROOT, "%,d (%.1f%%)", part, whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}

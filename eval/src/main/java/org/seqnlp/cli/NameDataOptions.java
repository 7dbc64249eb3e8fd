package org.seqnlp.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameSample;
import org.seqnlp.io.LineReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --format} and {@code --encoding} options of the commands that read name-finder data. */
final class NameDataOptions {

  /** The name-data formats; the three CoNLL names read the same column format and are kept for clarity. */
  enum Format {
    CONLL03, CONLL02, WNUT, OPENNLP;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Option(names = "--format", defaultValue = "conll03", paramLabel = "FORMAT",
      description = "conll03, conll02 or wnut: CoNLL columns (2 to 5, tag last, -DOCSTART- lines);"
          + " opennlp: one sentence a line with <START:type> ... <END> (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
      description = "Character encoding of the data (default: ${DEFAULT-VALUE}).")
  Charset encoding;

  /**
   * Reads the first {@code limit} sentences of {@code file} (all when 0) in the chosen format.
   *
   * @throws IOException also when no sentence holds a name: a model trained on them would learn nothing and one
   *     scored on them would score 0, most often because the file is in another format than the one given
   */
  List<NameSample> read(CommandLine.Model.CommandSpec spec, Path file, int limit) throws IOException {
    requireLineReaderEncoding(spec);
    List<NameSample> samples = NerFiles.readSamples(file, format, encoding, limit);
    if (!samples.isEmpty() && samples.stream().allMatch(sample -> sample.getNames().length == 0)) {
      throw new IOException(String.format(Locale.ROOT, "%s: no names in %,d sentences read as %s (is --format"
          + " right?)", file, samples.size(), format));
    }
    return samples;
  }

  /** Reads every sentence of {@code file} in the chosen format, with the line each starts on. */
  List<NerFiles.Sentence> readSentences(CommandLine.Model.CommandSpec spec, Path file) throws IOException {
    requireLineReaderEncoding(spec);
    return NerFiles.readSentences(file, format, encoding, 0);
  }

  private void requireLineReaderEncoding(CommandLine.Model.CommandSpec spec) {
    if (!LineReader.supports(encoding)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--encoding must write line ends as single"
          + " bytes, as UTF-8 and ISO-8859-1 do; " + encoding + " does not");
    }
  }
}

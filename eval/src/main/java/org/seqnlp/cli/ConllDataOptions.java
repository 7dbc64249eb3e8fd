package org.seqnlp.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --format} and {@code --encoding} options of the commands that read CoNLL name data. */
final class ConllDataOptions {

  @Option(names = "--format", defaultValue = "conll03", paramLabel = "FORMAT",
      description = "conll03 or conll02, read alike: token first, tag last, -DOCSTART- lines"
          + " (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
      description = "Character encoding of the data (default: ${DEFAULT-VALUE}).")
  Charset encoding;

  /** Reads the first {@code limit} sentences of {@code file} (all when 0), after checking --format. */
  List<NameSample> read(CommandLine.Model.CommandSpec spec, Path file, int limit) throws IOException {
    if (!format.equals("conll03") && !format.equals("conll02")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format must be conll03 or conll02, not " + format);
    }
    return NerFiles.readSamples(file, encoding, limit);
  }
}

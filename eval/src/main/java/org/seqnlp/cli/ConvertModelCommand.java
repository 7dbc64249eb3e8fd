package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seqnlp.eval.convert.ModelConverter;
import org.seqnlp.io.tensor.TensorFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seqnlp convert-model}: the one-off conversion of the shipped models to the one tensor format. */
@Command(name = "convert-model", mixinStandardHelpOptions = true,
    description = "Rewrites a name-finder model zip (nameFinder.model) or a language-model zip (weights.bin)"
        + " from the old weight formats into the tensor file format; other entries are copied unchanged.")
public final class ConvertModelCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IN", description = "The model zip in an old format.")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the converted zip (not IN).")
  Path output;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String entry = ModelConverter.convert(input, output);
    spec.commandLine().getOut().printf("%s: %s converted to tensor file format version %d in %s%n", input, entry,
        TensorFile.VERSION, output);
    return 0;
  }
}

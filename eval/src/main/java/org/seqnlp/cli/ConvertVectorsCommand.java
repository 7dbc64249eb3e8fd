package org.seqnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqnlp.io.InputFiles;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqnlp convert-vectors}: rewrites a vector file in another format, e.g. float to 8-bit rows. */
@Command(name = "convert-vectors", mixinStandardHelpOptions = true,
    description = {"Rewrites a vector file in another format: e.g. word2vec binary to seqnlp-int8 (8-bit rows "
        + "with a per-row scale, a quarter of the size) or back, or a seqnlp subword model to word2vec text "
        + "(its vocabulary's vectors; the n-gram vectors are kept by seqnlp and seqnlp-int8 alone)."})
final class ConvertVectorsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "VECTORS", description = "Vector file to read.")
  Path input;

  @Option(names = "--input-format", description = "Format of VECTORS, or auto to detect it from the content"
      + " (default: auto).")
  String inputFormat;

  @Option(names = {"-o", "--output"}, required = true, description = "Vector file to write (.gz compresses).")
  Path output;

  @Option(names = "--format", required = true, description = "word2vec-binary, word2vec-text, glove, dl4j-zip, "
      + "seqnlp or seqnlp-int8.")
  String format;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    VectorFormat to = VectorFormatOption.toWrite(spec, "--format", format);
    VectorFormat from = VectorFormatOption.toRead(spec, "--input-format", inputFormat);
    OutputPaths.check(spec, output, input);
    WordVectors vectors = from == null ? VectorFiles.read(input) : VectorFiles.read(input, from);
    VectorFiles.write(vectors, output, to);
    PrintWriter out = spec.commandLine().getOut();
    int written = to.rowsWritten(vectors);
    long inputBytes = InputFiles.sizeOf(input);
    String inputSize = inputBytes < 0 ? "" : String.format(Locale.ROOT, " from %,d", inputBytes);
    out.printf(Locale.ROOT, "%s: %,d words x %d dimensions (%s), %,d bytes%s%n", output, written,
        vectors.dimension(), to.id(), Files.size(output), inputSize);
    printLeftOut(out, vectors, to, written);
    return 0;
  }

  /**
   * The notes on what a file in {@code format} left out of {@code vectors}, of which it holds {@code written}
   * rows: the zero vectors of a DL4J zip, and the n-gram vectors of a subword model in a format without them.
   */
  static void printLeftOut(PrintWriter out, WordVectors vectors, VectorFormat format, int written) {
    int zero = vectors.size() - written;
    if (zero > 0) {
      out.printf(Locale.ROOT, "left out %,d zero vector%s: Lucene's word2vec reader normalises every vector and"
          + " cannot load one, and it has no neighbours%n", zero, zero == 1 ? "" : "s");
    }
    if (vectors.subwords().isPresent() && !format.keepsSubwords()) {
      out.println(format.id() + " holds the vocabulary's vectors only: the n-gram vectors that give unseen words"
          + " vectors are kept by " + VectorFormat.SEQNLP.id() + " and " + VectorFormat.SEQNLP_INT8.id());
    }
  }
}

package org.seqnlp.cli;

import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.seqnlp.opennlp.models.OpenNlpVersionExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp export-model}: a model for an older OpenNLP release, such as the one Solr 9 bundles. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
    description = {"Copies a SeqNLP name finder (or an OpenNLP sentence-detector or tokenizer model) for an older"
        + " OpenNLP release, such as the 1.9.4 that Solr 9's analysis-extras module bundles, which refuses models"
        + " made with OpenNLP 2.",
        "The copy differs from the model only in the OpenNLP-Version line of its manifest.properties; the"
            + " plugin's classes run on that release."})
final class ExportModelCommand implements Callable<Integer> {

  @Option(names = {"-m", "--model"}, required = true,
      description = "Model zip: a SeqNLP name finder, or an OpenNLP sentence-detector or tokenizer model.")
  Path model;

  @Option(names = "--opennlp-version", required = true, paramLabel = "VERSION",
      description = "The OpenNLP release that will load the copy: ${COMPLETION-CANDIDATES}.",
      completionCandidates = TargetVersions.class)
  String openNlpVersion;

  @Option(names = {"-o", "--output"}, required = true, description = "Where to write the copy.")
  Path output;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!OpenNlpVersionExport.TARGET_VERSIONS.contains(openNlpVersion)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--opennlp-version must be one of "
          + new TargetVersions() + ", got " + openNlpVersion);
    }
    OutputPaths.check(spec, output, model);
    InputPaths.requireFile(model, "model file");
    OpenNlpVersionExport.export(model, openNlpVersion, output);
    spec.commandLine().getOut().println("wrote " + output + ": " + model + " for OpenNLP " + openNlpVersion);
    return 0;
  }

  /** The releases {@link OpenNlpVersionExport} exports for, in order, for the help text. */
  static final class TargetVersions extends TreeSet<String> {
    TargetVersions() {
      super(OpenNlpVersionExport.TARGET_VERSIONS);
    }
  }
}

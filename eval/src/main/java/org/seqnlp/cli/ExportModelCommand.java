package org.seqnlp.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.opennlp.models.OpenNlpVersionExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqnlp export-model}: a copy of a model for an older OpenNLP release, such as the one Solr 9 bundles,
 * or with the document context a name finder tags with by default set in its manifest, so that users who cannot
 * pass options (Solr's update processor, plain {@code NameFinderME}) get it.
 */
@Command(name = "export-model", mixinStandardHelpOptions = true,
    description = {"Copies a SeqNLP name finder (or an OpenNLP sentence-detector or tokenizer model) for an older"
        + " OpenNLP release, such as the 1.9.4 that Solr 9's analysis-extras module bundles, which refuses models"
        + " made with OpenNLP 2; or copies a SeqNLP name finder with the document context it tags with set in its"
        + " manifest (the network is copied unchanged); or both.",
        "With --opennlp-version alone the copy differs from the model only in the OpenNLP-Version line of its"
            + " manifest.properties; the plugin's classes run on that release."})
final class ExportModelCommand implements Callable<Integer> {

  @Option(names = {"-m", "--model"}, required = true,
      description = "Model zip: a SeqNLP name finder, or an OpenNLP sentence-detector or tokenizer model.")
  Path model;

  @Option(names = "--opennlp-version", paramLabel = "VERSION",
      description = "The OpenNLP release that will load the copy: ${COMPLETION-CANDIDATES}.",
      completionCandidates = TargetVersions.class)
  String openNlpVersion;

  @Option(names = {"-o", "--output"}, required = true, description = "Where to write the copy.")
  Path output;

  @CommandLine.Mixin
  DocumentContextOptions documentContext;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (openNlpVersion == null && !documentContext.given()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give --opennlp-version, --document-context (or --document-threshold), or both");
    }
    if (openNlpVersion != null && !OpenNlpVersionExport.TARGET_VERSIONS.contains(openNlpVersion)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--opennlp-version must be one of "
          + new TargetVersions() + ", got " + openNlpVersion);
    }
    documentContext.validate(spec);
    OutputPaths.check(spec, output, model);
    InputPaths.requireFile(model, "model file");
    List<String> changes = new ArrayList<>();
    if (!documentContext.given()) {
      OpenNlpVersionExport.export(model, openNlpVersion, output);
    } else {
      TokenNameFinderModel withContext = documentContext.apply(spec, NerFiles.loadModel(model));
      changes.add("document context " + DocumentContextOptions.describe(withContext));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      withContext.serialize(bytes);
      byte[] copy = openNlpVersion == null ? bytes.toByteArray()
          : OpenNlpVersionExport.export(bytes.toByteArray(), model.toString(), openNlpVersion);
      OutputFiles.write(output, out -> out.write(copy));
    }
    if (openNlpVersion != null) {
      changes.add("for OpenNLP " + openNlpVersion);
    }
    spec.commandLine().getOut().println("wrote " + output + ": " + model + " " + String.join(", ", changes));
    return 0;
  }

  /** The releases {@link OpenNlpVersionExport} exports for, in order, for the help text. */
  static final class TargetVersions extends TreeSet<String> {
    TargetVersions() {
      super(OpenNlpVersionExport.TARGET_VERSIONS);
    }
  }
}

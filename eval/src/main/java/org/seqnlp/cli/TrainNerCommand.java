package org.seqnlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.eval.ner.NameFinderTraining;
import org.seqnlp.eval.ner.NamedModel;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.nn.BiLstmCrfNetwork;
import org.seqnlp.opennlp.nn.BiLstmCrfNetworkFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqnlp train-ner}: trains a BiLSTM-CRF name finder through OpenNLP's {@code NameFinderME.train}
 * and writes a normal {@code TokenNameFinderModel} zip.
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
    description = {"Trains a BiLSTM-CRF name finder (word embeddings, character CNN, BiLSTM, CRF) and writes an"
        + " OpenNLP TokenNameFinderModel that NameFinderME and the opennlp tools load.",
        "Set OMP_NUM_THREADS=1 on small machines: ND4J's default thread pool slows training down."})
final class TrainNerCommand implements Callable<Integer> {

  @Option(names = "--train", paramLabel = "FILE", description = "Training data (CoNLL columns).")
  Path train;

  @Option(names = "--from-checkpoint", paramLabel = "FILE",
      description = "Instead of training, wrap a checkpoint written by --checkpoint into a model zip.")
  Path fromCheckpoint;

  @CommandLine.Mixin
  ConllDataOptions data;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The model zip to write.")
  Path output;

  @Option(names = "--lang", defaultValue = "eng", paramLabel = "CODE",
      description = "Language code stored in the model (default: ${DEFAULT-VALUE}).")
  String language;

  @CommandLine.Mixin
  BiLstmCrfTrainingOptions training;

  @Option(names = "--max-sentences", defaultValue = "0", paramLabel = "N",
      description = "Train on the first N sentences only (0: all), for quick runs.")
  int maxSentences;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (maxSentences < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-sentences must not be negative");
    }
    NerFiles.allowSeqNlpExtensions();
    if ((train == null) == (fromCheckpoint == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give either --train or --from-checkpoint");
    }
    if (fromCheckpoint != null) {
      BiLstmCrfNetwork network = BiLstmCrfNetworkFormat.read(fromCheckpoint);
      write(new BiLstmCrfSequenceModel(network).toNameFinderModel(language));
      spec.commandLine().getOut().printf("model written to %s%n", output);
      return 0;
    }
    TrainingParameters parameters = training.parameters(spec);
    List<NameSample> samples = data.read(spec, train, maxSentences);
    NamedModel trained = NameFinderTraining.biLstmCrf(language, samples, parameters);
    write(trained.model());
    spec.commandLine().getOut().printf("trained on %d sentences in %.1f s; model written to %s%n", samples.size(),
        trained.trainingSeconds().orElseThrow(), output);
    return 0;
  }

  /** Writes the model beside the output first, so a failure never leaves a broken model file. */
  private void write(TokenNameFinderModel model) throws IOException {
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      model.serialize(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
  }
}

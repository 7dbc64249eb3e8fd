package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.seqnlp.eval.ner.DataSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The model and the test data of the commands that score a name finder ({@code eval-ner}, {@code eval-ner-raw}). */
final class ModelEvaluationOptions {

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The TokenNameFinderModel zip.")
  Path model;

  @Option(names = "--test", required = true, paramLabel = "FILE", description = "Test data (CoNLL columns).")
  Path test;

  @CommandLine.Mixin
  NameDataOptions data;

  TokenNameFinderModel loadModel() throws IOException {
    return NerFiles.loadModel(model);
  }

  DataSet readTest(CommandLine.Model.CommandSpec spec) throws IOException {
    return new DataSet(test, data.read(spec, test, 0));
  }
}

package org.seqnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.seqnlp.eval.ner.DataSet;
import org.seqnlp.eval.ner.RawTextEvaluation;
import org.seqnlp.eval.ner.RawTextReport;
import org.seqnlp.io.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp eval-ner-raw}: the name finder's F1 on raw text rebuilt from CoNLL data. */
@Command(name = "eval-ner-raw", mixinStandardHelpOptions = true,
    description = {"Rebuilds plain text from the tokens of CoNLL test documents, keeping the gold entities as"
        + " character spans, and scores the name finder on it as seqnlp ner runs it: with gold sentences and"
        + " tokens, with gold sentences and the tokenizer, and with the sentence detector and tokenizer on whole"
        + " documents. A name counts when its character start, end and type equal a gold entity's. Prints a"
        + " markdown report, and writes it to --output if given."})
final class EvalNerRawCommand implements Callable<Integer> {

  @CommandLine.Mixin
  ModelEvaluationOptions inputs;

  @CommandLine.Mixin
  TextModelOptions textModels;

  @Option(names = "--output", paramLabel = "FILE", description = "The markdown report to write.")
  Path output;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (output != null) {
      OutputPaths.check(spec, output, inputs.model, inputs.test, textModels.sentenceModel, textModels.tokenizerModel);
    }
    TokenNameFinderModel nameModel = inputs.loadModel();
    SentenceModel sentenceModel = textModels.loadSentenceModel();
    TokenizerModel tokenizerModel = textModels.loadTokenizerModel();
    DataSet testSet = inputs.readTest(spec);
    List<RawTextEvaluation.Result> results =
        new RawTextEvaluation(nameModel, sentenceModel, tokenizerModel).evaluate(testSet.samples());
    List<String> facts = List.of(
        "Name finder: `" + inputs.model + "` (language " + nameModel.getLanguage() + ")",
        "Sentence detector: " + describe(textModels.sentenceModel, "opennlp-models-sentdetect-en",
            sentenceModel.getLanguage(), sentenceModel.getVersion().toString()),
        "Tokenizer: " + describe(textModels.tokenizerModel, "opennlp-models-tokenizer-en",
            tokenizerModel.getLanguage(), tokenizerModel.getVersion().toString())
            + "; English tokenizer models are followed by `CliticSplittingTokenizer` (Apple's -> Apple 's) except"
            + " where stated",
        String.format(Locale.ROOT, "Test data: `%s` (%,d documents, %,d sentences, %,d tokens, %,d entities)",
            testSet.name(), DataSet.documents(testSet.samples()).size(), testSet.sentenceCount(),
            testSet.tokenCount(), testSet.entityCount()));
    String report = new RawTextReport(results, TypedCommandLine.of(spec), ZonedDateTime.now(ZoneOffset.UTC), facts).markdown();
    if (output != null) {
      OutputFiles.write(output, out -> out.write(report.getBytes(StandardCharsets.UTF_8)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report);
    out.flush();
    return 0;
  }

  private static String describe(Path file, String artifact, String language, String openNlpVersion) {
    String source = file == null ? "OpenNLP's model from `" + artifact + "`" : "`" + file + "`";
    return source + " (language " + language + ", trained with OpenNLP " + openNlpVersion + ")";
  }
}

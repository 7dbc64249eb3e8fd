package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Path;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.seqnlp.opennlp.models.OpenNlpModelFiles;
import org.seqnlp.opennlp.models.OpenNlpModelJars;
import picocli.CommandLine.Option;

/**
 * The {@code --sentence-model} and {@code --tokenizer-model} options of the commands that read plain text:
 * OpenNLP's English models from Maven Central by default, any OpenNLP model file for other languages.
 */
final class TextModelOptions {

  /** The language of the models the tool ships with. */
  static final String DEFAULT_LANGUAGE = "en";

  @Option(names = "--sentence-model", paramLabel = "FILE",
      description = "An OpenNLP SentenceModel, for text in other languages (default: OpenNLP's English model,"
          + " opennlp-models-sentdetect-en).")
  Path sentenceModel;

  @Option(names = "--tokenizer-model", paramLabel = "FILE",
      description = "An OpenNLP TokenizerModel, for text in other languages (default: OpenNLP's English model,"
          + " opennlp-models-tokenizer-en). English models are followed by splitting clitics (Apple's -> Apple 's),"
          + " as CoNLL-2003 and the Penn Treebank tokenise.")
  Path tokenizerModel;

  SentenceModel loadSentenceModel() throws IOException {
    if (sentenceModel == null) {
      return OpenNlpModelJars.sentenceModel(DEFAULT_LANGUAGE);
    }
    InputPaths.requireFile(sentenceModel, "sentence model file");
    return OpenNlpModelFiles.load(sentenceModel, OpenNlpModelFiles.SENTENCE_MODEL);
  }

  TokenizerModel loadTokenizerModel() throws IOException {
    if (tokenizerModel == null) {
      return OpenNlpModelJars.tokenizerModel(DEFAULT_LANGUAGE);
    }
    InputPaths.requireFile(tokenizerModel, "tokenizer model file");
    return OpenNlpModelFiles.load(tokenizerModel, OpenNlpModelFiles.TOKENIZER_MODEL);
  }

}

package org.seqnlp.examples.spark;

import java.io.IOException;
import java.io.Serializable;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.seqnlp.opennlp.models.OpenNlpModelJars;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;
import org.seqnlp.opennlp.namefind.NameFinderModels;
import org.seqnlp.opennlp.namefind.TextLayout;

/**
 * What the job broadcasts: the name-finder model's bytes, read once by the driver, and the language of the
 * sentence and tokenizer models, which every executor takes from OpenNLP's model jars on the job's classpath
 * as {@code seqnlp ner} does. Spark sends the bytes to each executor once and keeps this object there, so the
 * models are parsed once per executor JVM, on first use, and shared by its tasks (the models are immutable);
 * each task makes its own {@link DocumentNameFinder}, which is not thread-safe.
 */
final class TaggingModels implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The models parsed from this object's fields. */
  private record Parsed(TokenNameFinderModel nameFinder, SentenceModel sentences, TokenizerModel tokens) {
  }

  private final byte[] nameFinderModel;
  private final String source;
  private final String language;
  private transient Parsed parsed;

  /**
   * @param nameFinderModel the {@code TokenNameFinderModel} zip, checked before OpenNLP parses it
   * @param source names the model in errors (its file)
   * @param language the language of OpenNLP's sentence and tokenizer models ({@code en} as seqnlp ner)
   */
  TaggingModels(byte[] nameFinderModel, String source, String language) {
    this.nameFinderModel = nameFinderModel;
    this.source = source;
    this.language = language;
  }

  /** A new finder over the shared models, splitting text as {@code seqnlp ner} does by default. */
  DocumentNameFinder newFinder() throws IOException {
    Parsed models = parsed();
    TextLayout layout = TextLayout.DOCUMENTS;
    return new DocumentNameFinder(layout.sentenceDetector(models.sentences()), layout.tokenizer(models.tokens()),
        new NameFinderME(models.nameFinder()));
  }

  private synchronized Parsed parsed() throws IOException {
    if (parsed == null) {
      parsed = new Parsed(NameFinderModels.load(nameFinderModel, source), OpenNlpModelJars.sentenceModel(language),
          OpenNlpModelJars.tokenizerModel(language));
    }
    return parsed;
  }
}

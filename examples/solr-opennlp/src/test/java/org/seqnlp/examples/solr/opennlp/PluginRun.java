package org.seqnlp.examples.solr.opennlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.languagemodel.LanguageModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.models.OpenNlpModelFiles;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;
import org.seqnlp.opennlp.namefind.NameFinderModels;
import org.seqnlp.opennlp.namefind.TextLayout;

/**
 * What {@link OpenNlp194CompatibilityTest} runs on each OpenNLP release: the plugin's public API on raw text,
 * through OpenNLP's own classes ({@code NameFinderME}, {@code SentenceDetectorME}, {@code TokenizerME},
 * {@code LanguageModel}). It calls only what both releases declare alike, and gives its results as strings so
 * that they cross class loaders.
 */
public final class PluginRun {

  private PluginRun() {
  }

  /**
   * Every sentence of {@code text} with its tokens and names (type, offsets and probability), split as
   * running text and as one paragraph a line, then the language model's probability of {@code text}'s first
   * word and its greedy continuation.
   */
  public static List<String> run(Path nameFinder, Path sentences, Path tokens, Path languageModel, String text)
      throws IOException {
    TokenNameFinderModel names = NameFinderModels.load(nameFinder);
    SentenceModel sentenceModel = OpenNlpModelFiles.load(sentences, SentenceModel::new);
    TokenizerModel tokenizerModel = OpenNlpModelFiles.load(tokens, TokenizerModel::new);
    List<String> lines = new ArrayList<>();
    for (TextLayout layout : List.of(TextLayout.DOCUMENTS, TextLayout.PARAGRAPHS)) {
      DocumentNameFinder finder = new DocumentNameFinder(layout.sentenceDetector(sentenceModel),
          layout.tokenizer(tokenizerModel), new NameFinderME(names));
      for (DocumentNameFinder.Sentence sentence : finder.findInDocument(text)) {
        lines.add(layout + " " + sentence.start() + "-" + sentence.end() + " " + sentence.tokens());
        for (DocumentNameFinder.Name name : sentence.names()) {
          lines.add(String.format(Locale.ROOT, "  %s %d-%d %s %.17g", name.type(), name.start(), name.end(),
              name.text(), name.probability()));
        }
      }
    }
    LanguageModel lm = RnnLanguageModel.load(languageModel);
    String[] characters = text.substring(0, text.indexOf(' ')).toLowerCase(Locale.ROOT).split("");
    lines.add(String.format(Locale.ROOT, "lm %.17g %s", lm.calculateProbability(characters),
        String.join("", lm.predictNextTokens(characters))));
    return lines;
  }
}

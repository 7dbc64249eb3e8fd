package org.seqnlp.eval.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.seqnlp.eval.ner.ConllDetokenizer.Layout;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;
import org.seqnlp.opennlp.namefind.EntityScores;
import org.seqnlp.opennlp.namefind.TextLayout;
import org.seqnlp.opennlp.text.RunBoundedTokenizer;

/**
 * What splitting raw text costs a name finder: the CoNLL test documents are rebuilt as text ({@link
 * ConllDetokenizer}), each {@link Setting} splits and tags that text through {@link DocumentNameFinder}
 * (the code {@code seqnlp ner} runs), and predicted names are scored against the gold entities as
 * character spans: a name counts when its start, end and type equal a gold entity's. The gold-token
 * setting goes through the same scorer, so its figure is comparable with the others, and equals the
 * token-level score of {@code eval-ner} (token and character spans correspond one to one).
 */
public final class RawTextEvaluation {

  /** How the text is laid out, split into sentences and split into tokens. */
  public enum Setting {
    GOLD_TOKENS("gold sentences and tokens (seqnlp ner --tokenized)", Layout.TOKENIZED, TextLayout.TOKENIZED,
        true),
    GOLD_SENTENCES("gold sentences, tokenizer (seqnlp ner --sentences)", Layout.LINES, TextLayout.SENTENCES, true),
    DOCUMENT_LINES("sentence detector and tokenizer, one CoNLL sentence a line (seqnlp ner)", Layout.LINES,
        TextLayout.DOCUMENTS, true),
    DOCUMENT_RUNNING("sentence detector and tokenizer, a document as one paragraph (seqnlp ner)", Layout.RUNNING,
        TextLayout.DOCUMENTS, true),
    DOCUMENT_LINES_BOUNDED("sentence detector within each line and tokenizer, one CoNLL sentence a line"
        + " (seqnlp ner --paragraphs)", Layout.LINES, TextLayout.PARAGRAPHS, true),
    DOCUMENT_LINES_MODEL_TOKENS("sentence detector and tokenizer model alone (clitics not split), one CoNLL"
        + " sentence a line", Layout.LINES, TextLayout.DOCUMENTS, false);

    private final String description;
    private final Layout layout;
    /** How {@code seqnlp ner} splits the text in this setting. */
    private final TextLayout splitting;
    /** False for the one setting that measures the tokenizer model without the clitic split. */
    private final boolean splitClitics;

    Setting(String description, Layout layout, TextLayout splitting, boolean splitClitics) {
      this.description = description;
      this.layout = layout;
      this.splitting = splitting;
      this.splitClitics = splitClitics;
    }

    public String description() {
      return description;
    }
  }


  /**
   * The scores of one setting, and what the splitting produced: sentences, tokens, and the gold entities
   * whose first and last characters start and end tokens of one sentence, the only ones a name finder
   * could find exactly.
   */
  public record Result(Setting setting, long sentences, long tokens, long reachableEntities, EntityScores scores) {
  }

  private final TokenNameFinderModel nameModel;
  private final SentenceModel sentenceModel;
  private final TokenizerModel tokenizerModel;
  private final ConllDetokenizer detokenizer = new ConllDetokenizer();

  public RawTextEvaluation(TokenNameFinderModel nameModel, SentenceModel sentenceModel,
      TokenizerModel tokenizerModel) {
    this.nameModel = nameModel;
    this.sentenceModel = sentenceModel;
    this.tokenizerModel = tokenizerModel;
  }

  /** Scores every setting on {@code samples}, in the order of {@link Setting}. */
  public List<Result> evaluate(List<NameSample> samples) {
    List<List<NameSample>> documents = DataSet.documents(samples);
    List<Result> results = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      results.add(evaluate(setting, documents));
    }
    return results;
  }

  Result evaluate(Setting setting, List<List<NameSample>> documents) {
    DocumentNameFinder finder = new DocumentNameFinder(setting.splitting.sentenceDetector(sentenceModel), tokenizer(setting),
        new NameFinderME(nameModel));
    EntityScores scores = new EntityScores();
    long sentences = 0;
    long tokens = 0;
    long reachable = 0;
    for (List<NameSample> document : documents) {
      ConllDetokenizer.Document text = detokenizer.rebuild(document, setting.layout);
      List<DocumentNameFinder.Sentence> found = finder.findInDocument(text.text());
      List<Span> predicted = new ArrayList<>();
      Map<Integer, Integer> sentenceOfTokenStart = new HashMap<>();
      Map<Integer, Integer> sentenceOfTokenEnd = new HashMap<>();
      for (int s = 0; s < found.size(); s++) {
        DocumentNameFinder.Sentence sentence = found.get(s);
        for (DocumentNameFinder.Token token : sentence.tokens()) {
          sentenceOfTokenStart.put(token.start(), s);
          sentenceOfTokenEnd.put(token.end(), s);
        }
        for (DocumentNameFinder.Name name : sentence.names()) {
          predicted.add(new Span(name.start(), name.end(), name.type()));
        }
        tokens += sentence.tokens().size();
      }
      sentences += found.size();
      for (Span entity : text.entities()) {
        Integer first = sentenceOfTokenStart.get(entity.getStart());
        if (first != null && first.equals(sentenceOfTokenEnd.get(entity.getEnd()))) {
          reachable++;
        }
      }
      scores.add(text.entities().toArray(Span[]::new), predicted.toArray(Span[]::new));
    }
    return new Result(setting, sentences, tokens, reachable, scores);
  }

  private Tokenizer tokenizer(Setting setting) {
    return setting.splitClitics ? setting.splitting.tokenizer(tokenizerModel)
        : new RunBoundedTokenizer(new TokenizerME(tokenizerModel));
  }
}

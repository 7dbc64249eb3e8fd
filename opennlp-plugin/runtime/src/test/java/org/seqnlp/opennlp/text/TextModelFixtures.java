package org.seqnlp.opennlp.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.tokenize.TokenSample;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/** Tiny sentence-detector and tokenizer models, trained in a moment, for tests that need real model files. */
public final class TextModelFixtures {

  private static final String[] SENTENCES = {"Anna came home.", "Dr. Bob left early.", "It rained all day.",
      "They met in Paris.", "We saw the sea."};

  private TextModelFixtures() {
  }

  static TokenizerModel tokenizerModel(String language) throws IOException {
    List<TokenSample> samples = new ArrayList<>();
    for (String sentence : SENTENCES) {
      samples.add(new TokenSample(sentence, SimpleTokenizer.INSTANCE.tokenizePos(sentence)));
    }
    return TokenizerME.train(ObjectStreamUtils.createObjectStream(samples),
        new TokenizerFactory(language, null, false, null), parameters());
  }

  public static byte[] sentenceModelBytes(String language) throws IOException {
    List<SentenceSample> samples = new ArrayList<>();
    for (int i = 0; i + 1 < SENTENCES.length; i++) {
      String document = SENTENCES[i] + " " + SENTENCES[i + 1];
      samples.add(new SentenceSample(document, new Span(0, SENTENCES[i].length()),
          new Span(SENTENCES[i].length() + 1, document.length())));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SentenceDetectorME.train(language, ObjectStreamUtils.createObjectStream(samples),
        new SentenceDetectorFactory(language, true, null, null), parameters()).serialize(bytes);
    return bytes.toByteArray();
  }

  public static byte[] tokenizerModelBytes(String language) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    tokenizerModel(language).serialize(bytes);
    return bytes.toByteArray();
  }

  private static TrainingParameters parameters() {
    TrainingParameters parameters = TrainingParameters.defaultParams();
    parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 5);
    return parameters;
  }
}

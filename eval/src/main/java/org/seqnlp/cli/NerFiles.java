package org.seqnlp.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ext.ExtensionLoader;
import org.seqnlp.opennlp.formats.ConllNameSampleStream;
import org.seqnlp.opennlp.formats.OpenNlpNameSampleStream;
import org.seqnlp.opennlp.formats.TagScheme;
import org.seqnlp.opennlp.namefind.NameFinderModels;

/** Reading name-finder data and models for the {@code *-ner} commands. */
final class NerFiles {

  private NerFiles() {
  }

  /**
   * Lets OpenNLP's extension loader instantiate SeqNLP classes named in training parameters and model
   * manifests; OpenNLP 2.5.9+ loads only allow-listed packages.
   */
  static void allowSeqNlpExtensions() {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
  }

  /** Loads a model zip, checked by {@link NameFinderModels#load} before OpenNLP parses it. */
  static TokenNameFinderModel loadModel(Path file) throws IOException {
    InputPaths.requireFile(file, "model file");
    return NameFinderModels.load(file);
  }

  /** A sentence of a name-data file and the line (1-based) it starts on, for errors that point into the file. */
  record Sentence(NameSample sample, long line) {
  }

  /** The first {@code limit} samples of a name-data file (all when {@code limit} is 0). */
  static List<NameSample> readSamples(Path file, NameDataOptions.Format format, Charset encoding, int limit)
      throws IOException {
    return readSentences(file, format, encoding, limit).stream().map(Sentence::sample).toList();
  }

  /** The first {@code limit} sentences of a name-data file (all when {@code limit} is 0). */
  static List<Sentence> readSentences(Path file, NameDataOptions.Format format, Charset encoding, int limit)
      throws IOException {
    InputPaths.requireFile(file, "data file");
    ObjectStream<NameSample> stream;
    LongSupplier sentenceLine;
    if (format == NameDataOptions.Format.OPENNLP) {
      OpenNlpNameSampleStream lines = new OpenNlpNameSampleStream(file, encoding);
      stream = lines;
      sentenceLine = lines::sentenceLine;
    } else {
      ConllNameSampleStream columns = new ConllNameSampleStream(file, encoding, TagScheme.AUTO);
      stream = columns;
      sentenceLine = columns::sentenceLine;
    }
    List<Sentence> sentences = new ArrayList<>();
    try (stream) {
      NameSample sample;
      while ((sample = stream.read()) != null && (limit == 0 || sentences.size() < limit)) {
        sentences.add(new Sentence(sample, sentenceLine.getAsLong()));
      }
    }
    return sentences;
  }
}

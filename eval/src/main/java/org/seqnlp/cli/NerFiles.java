package org.seqnlp.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** The first {@code limit} samples of a name-data file (all when {@code limit} is 0). */
  static List<NameSample> readSamples(Path file, NameDataOptions.Format format, Charset encoding, int limit)
      throws IOException {
    InputPaths.requireFile(file, "data file");
    List<NameSample> samples = new ArrayList<>();
    try (ObjectStream<NameSample> stream = format == NameDataOptions.Format.OPENNLP
        ? new OpenNlpNameSampleStream(file, encoding)
        : new ConllNameSampleStream(file, encoding, TagScheme.AUTO)) {
      NameSample sample;
      while ((sample = stream.read()) != null && (limit == 0 || samples.size() < limit)) {
        samples.add(sample);
      }
    }
    return samples;
  }
}
